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
        var reading = try Reading(header: table, idColumn: idColumn, xColumn: xColumn, yColumn: yColumn)
        for row in table.rows { try reading.add(row) }
        self = try reading.finish()
    }

    /// Reads the file at `path` row by row (CSVTable.stream): the same series and problems
    /// as `init(CSVTable.read(path:), …)`, without holding every cell of a file of many
    /// series in memory at once.
    public static func read(path: String, idColumn: String, xColumn: String, yColumn: String) throws -> LongSeriesTable {
        var reading: Reading?
        try CSVTable.stream(path: path, header: { header in
            reading = try Reading(header: header, idColumn: idColumn, xColumn: xColumn, yColumn: yColumn)
        }, row: { row in
            try reading?.add(row)
        })
        // The stream has thrown unless it read a header, and with it made `reading`.
        guard var reading else { throw Diagnostic(file: path, "the file is empty") }
        return try reading.finish()
    }

    private init(file: String, series: [LongSeries], problems: [(series: String, errors: InputErrors)]) {
        self.file = file; self.series = series; self.problems = problems
    }

    /// The rows read so far, grouped by series, and each series' problems.
    private struct Reading {
        let header: CSVTable
        let idColumn: String, xColumn: String, yColumn: String
        let id: Int, x: Int, y: Int
        var order: [String] = []
        var rows: [String: [(year: Int, value: Double, line: Int)]] = [:]
        var errors: [String: InputErrors] = [:]
        var rowCount = 0

        init(header: CSVTable, idColumn: String, xColumn: String, yColumn: String) throws {
            self.header = header
            self.idColumn = idColumn; self.xColumn = xColumn; self.yColumn = yColumn
            id = try header.columnIndex(named: idColumn)
            x = try header.columnIndex(named: xColumn)
            y = try header.columnIndex(named: yColumn)
        }

        mutating func add(_ row: CSVRow) throws {
            rowCount += 1
            let name = row[id].text.trimmedOfSpaces
            if rows[name] == nil && errors[name] == nil { order.append(name) }
            var problems = errors[name] ?? InputErrors()
            defer { errors[name] = problems.isEmpty ? nil : problems }
            if name.isEmpty {
                problems.append(Diagnostic(header.location(of: row[id]), "column \"\(header.header[id])\" is empty",
                                           hint: "name the series this row belongs to"))
                return
            }
            // A cell's problem is its series' problem: the location names the cell, the
            // message the series (the cell's own message does not know which series it is in).
            var cellProblems = InputErrors()
            let year = try cellProblems.collect { try LongSeriesTable.year(row[x], column: header.header[x], file: header.file) }
            let value = try cellProblems.collect { try NumberParsing.double(row[y], column: header.header[y], file: header.file) }
            for var problem in cellProblems.errors {
                problem.message = "series \(name): \(problem.message)"
                problems.append(problem)
            }
            guard let year, let value else { return }
            if let earlier = rows[name]?.first(where: { $0.year == year }) {
                problems.append(Diagnostic(header.location(of: row[x]),
                                           "series \"\(name)\" has year \(year) twice (first on line \(earlier.line))",
                                           hint: "keep one row per series and year"))
                return
            }
            rows[name, default: []].append((year, value, row.line))
        }

        /// The series in order of first appearance, each with its years ascending.
        mutating func finish() throws -> LongSeriesTable {
            guard rowCount > 0 else {
                throw Diagnostic(file: header.file, line: header.headerLine, "the file has a header but no rows",
                                 hint: "add one row per series and year: \(idColumn),\(xColumn),\(yColumn)")
            }
            var series: [LongSeries] = []
            var problems: [(series: String, errors: InputErrors)] = []
            for name in order {
                if let found = errors[name] {
                    problems.append((name, found))
                    continue
                }
                // Each series' rows are released as it is built, so the two copies never
                // coexist for the whole file.
                guard let entries = rows.removeValue(forKey: name)?.sorted(by: { $0.year < $1.year }) else { continue }
                series.append(LongSeries(id: name, years: entries.map(\.year), values: entries.map(\.value),
                                         firstLine: entries.map(\.line).min() ?? header.headerLine))
            }
            return LongSeriesTable(file: header.file, series: series, problems: problems)
        }
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
