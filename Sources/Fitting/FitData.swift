import Foundation
import MarketData

/// The CSV file a fit reads, with the rows it must not fit already left out, and lookups
/// that turn a column named on the command line into numbers or into an error naming the
/// option, the file and the cell.
struct FitData {
    private(set) var table: CSVTable
    /// What was done to the file before fitting (rows left out), for the report's warnings.
    private(set) var notes: [String] = []

    init(path: String) throws {
        // MarketData's own message for a missing file speaks of the config's folder; here
        // the path comes from the command line, so say where it was looked for.
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw Diagnostic(file: path, "the data file does not exist",
                             hint: "check --data; a relative path is taken from the current folder, \(FileManager.default.currentDirectoryPath)")
        }
        guard !isFolder.boolValue else {
            throw Diagnostic(file: path, "--data names a folder, not a CSV file", hint: "give the path of one CSV file")
        }
        table = try CSVTable.read(path: path)
        try leaveOutEstimates()
    }

    var file: String { table.file }
    var header: [String] { table.header }

    /// Estimates are never mixed silently with actuals: rows whose status
    /// column says `estimate` are left out of the fit, and the output says so.
    private mutating func leaveOutEstimates() throws {
        guard let status = table.optionalColumnIndex(named: "status") else { return }
        func isEstimate(_ row: CSVRow) -> Bool {
            row[status].text.trimmingCharacters(in: .whitespaces).lowercased() == "estimate"
        }
        let estimates = table.rows.filter(isEstimate)
        guard !estimates.isEmpty else { return }
        table.rows.removeAll(where: isEstimate)
        let plural = estimates.count == 1 ? "" : "s"
        let lines = estimates.map { String($0.line) }.joined(separator: ", ")
        notes.append("left out \(estimates.count) row\(plural) marked estimate (line\(plural) \(lines)): the fit uses actuals only")
        guard !table.rows.isEmpty else {
            throw Diagnostic(file: table.file, "every row is marked estimate; there are no actuals to fit",
                             hint: "mark the published values `actual` in the status column")
        }
    }

    /// The index of the column an option names (exact name first, then ignoring case).
    func column(_ name: String, option: String) throws -> Int {
        if let index = table.optionalColumnIndex(named: name) { return index }
        throw Diagnostic(file: table.file, line: table.headerLine,
                         "\(option) names column \"\(name)\", which is not in the header",
                         hint: Suggestions.hint(for: name, among: table.header, listIntro: "the header has"))
    }

    /// The predictor column: --x when given, else a column named `year` when there is one.
    func predictorName(option xColumn: String?) throws -> String? {
        if let xColumn { return table.header[try column(xColumn, option: "--x")] }
        return table.optionalColumnIndex(named: "year").map { table.header[$0] }
    }

    /// Every value of a column as a number; all cells that are not numbers are reported
    /// together, each with its line and column.
    func numbers(inColumn column: Int) throws -> [Double] {
        var problems = InputErrors()
        var values: [Double] = []
        for row in table.rows {
            if let value = try problems.collect({
                try NumberParsing.double(row[column], column: table.header[column], file: table.file)
            }) {
                values.append(value)
            }
        }
        try problems.throwIfAny()
        return values
    }

    func numbers(named name: String, option: String) throws -> [Double] {
        try numbers(inColumn: try column(name, option: option))
    }
}
