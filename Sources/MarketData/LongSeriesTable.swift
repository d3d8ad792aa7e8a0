// Many series in one long CSV, the way forecasting libraries take data: one row per series
// and year (`series,year,value`). Rows may come in any order; each series is returned with
// its years ascending. Problems that concern one series (a duplicate year, a cell that is
// not a number) are that series' problems: the other series are still usable, so the
// reader returns them beside the problems instead of failing the whole file.
import Foundation

public struct LongSeries: Sendable, Equatable {
    public var id: String
    public var years: [Int]
    public var values: [Double]
    /// The line of the series' first row, for messages.
    public var firstLine: Int
}

public struct LongSeriesTable: Sendable {
    public var file: String
    /// Series in order of first appearance in the file.
    public var series: [LongSeries]
    /// Per-series problems, by series id (a series with problems is not in `series`); each
    /// located at its cell, its message naming the series.
    public var problems: [(series: String, errors: InputErrors)]

    /// Reads `table` with the named columns. A missing column, or a file without rows, is
    /// an error for the whole file.
    public init(_ table: CSVTable, idColumn: String, xColumn: String, yColumn: String) throws {
        file = table.file
        let id = try table.columnIndex(named: idColumn)
        let x = try table.columnIndex(named: xColumn)
        let y = try table.columnIndex(named: yColumn)
        guard !table.rows.isEmpty else {
            throw Diagnostic(file: table.file, line: table.headerLine, "the file has a header but no rows",
                             hint: "add one row per series and year: \(idColumn),\(xColumn),\(yColumn)")
        }
        var order: [String] = []
        var rows: [String: [(year: Int, value: Double, line: Int)]] = [:]
        var errors: [String: InputErrors] = [:]
        for row in table.rows {
            let name = row[id].text.trimmedOfSpaces
            if rows[name] == nil && errors[name] == nil { order.append(name) }
            var problems = errors[name] ?? InputErrors()
            defer { errors[name] = problems.isEmpty ? nil : problems }
            if name.isEmpty {
                problems.append(Diagnostic(table.location(of: row[id]), "column \"\(table.header[id])\" is empty",
                                           hint: "name the series this row belongs to"))
                continue
            }
            // A cell's problem is its series' problem: the location names the cell, the
            // message the series (the cell's own message does not know which series it is in).
            var cellProblems = InputErrors()
            let year = try cellProblems.collect { try Self.year(row[x], column: table.header[x], file: table.file) }
            let value = try cellProblems.collect { try NumberParsing.double(row[y], column: table.header[y], file: table.file) }
            for var problem in cellProblems.errors {
                problem.message = "series \(name): \(problem.message)"
                problems.append(problem)
            }
            guard let year, let value else { continue }
            if let earlier = rows[name]?.first(where: { $0.year == year }) {
                problems.append(Diagnostic(table.location(of: row[x]),
                                           "series \"\(name)\" has year \(year) twice (first on line \(earlier.line))",
                                           hint: "keep one row per series and year"))
                continue
            }
            rows[name, default: []].append((year, value, row.line))
        }
        var series: [LongSeries] = []
        var problems: [(String, InputErrors)] = []
        for name in order {
            if let found = errors[name] {
                problems.append((name, found))
                continue
            }
            guard let entries = rows[name]?.sorted(by: { $0.year < $1.year }) else { continue }
            series.append(LongSeries(id: name, years: entries.map(\.year), values: entries.map(\.value),
                                     firstLine: entries.map(\.line).min() ?? table.headerLine))
        }
        self.series = series
        self.problems = problems
    }

    /// Years are whole numbers within ±9999, so year arithmetic (a horizon, a gap) never
    /// overflows.
    public static let yearRange = -9999...9999

    static func year(_ cell: CSVCell, column: String, file: String) throws -> Int {
        let year = try NumberParsing.integer(cell, column: column, file: file)
        guard yearRange.contains(year) else {
            throw Diagnostic(file: file, line: cell.line, column: cell.column,
                             "year \(year) in column \"\(column)\" is outside \(yearRange.lowerBound)…\(yearRange.upperBound)",
                             hint: "write a calendar year such as 2024")
        }
        return year
    }
}
