import Foundation

/// One data row: where it starts and its cells, one per header column.
public struct CSVRow: Sendable, Equatable {
    /// 1-based line where the row starts.
    public var line: Int
    public var cells: [CSVCell]

    public init(line: Int, cells: [CSVCell]) {
        self.line = line
        self.cells = cells
    }

    /// The cell in column `index`; the table guarantees every row has one per header column.
    public subscript(index: Int) -> CSVCell {
        cells[index]
    }
}

/// A CSV file with a header row, every data row checked to have exactly one cell per column.
public struct CSVTable: Sendable, Equatable {
    public var file: String
    public var header: [String]
    public var headerLine: Int
    /// The header as read, with each name's position, for errors about a column itself.
    public var headerCells: [CSVCell]
    public var rows: [CSVRow]
    /// The encoding the file was read in (GBK files are accepted; `check` may mention it).
    public var encoding: DetectedEncoding

    public init(file: String, header: [String], headerLine: Int = 1, headerCells: [CSVCell]? = nil,
                rows: [CSVRow], encoding: DetectedEncoding = .utf8) {
        self.file = file
        self.header = header
        self.headerLine = headerLine
        self.headerCells = headerCells ?? Self.plainHeaderCells(header, line: headerLine)
        self.rows = rows
        self.encoding = encoding
    }

    /// Reads and parses a CSV file. Throws InputErrors listing every row-shape problem, or a
    /// single InputError for problems that stop reading (unreadable, not text, broken quote).
    public static func read(path: String) throws -> CSVTable {
        let decoded = try TextDecoding.read(path: path)
        return try parse(decoded.text, file: path, encoding: decoded.encoding)
    }

    /// Parses CSV from bytes (tests, stdin); `file` is the name errors will show.
    public static func parse(data: Data, file: String) throws -> CSVTable {
        let decoded = try TextDecoding.decode(data, file: file)
        return try parse(decoded.text, file: file, encoding: decoded.encoding)
    }

    /// Parses decoded text with "\n" line ends.
    public static func parse(_ text: String, file: String, encoding: DetectedEncoding = .utf8) throws -> CSVTable {
        let records = try CSVReader.records(in: text, file: file)
        guard let headerCells = records.first else {
            throw InputError(file: file, "the file is empty",
                             hint: "put a header row (for example year,value,unit,status,source) and one row per value in it")
        }
        let headerLine = headerCells.first?.line ?? 1
        var problems = InputErrors()
        problems.append(contentsOf: headerProblems(headerCells, file: file))

        let dataRecords = records.dropFirst()
        if dataRecords.isEmpty {
            problems.append(InputError(file: file, line: headerLine,
                                       "the file has a header row but no data rows",
                                       hint: "add one row per value under the header"))
        }
        var rows: [CSVRow] = []
        for record in dataRecords {
            let line = record.first?.line ?? headerLine
            if record.count < headerCells.count {
                let missing = headerCells[record.count...].map { "\"\($0.text)\"" }.joined(separator: ", ")
                problems.append(InputError(file: file, line: line,
                                           "row has \(record.count) cell\(record.count == 1 ? "" : "s") but the header has \(headerCells.count) columns; missing: \(missing)",
                                           hint: "add the missing cells (an empty cell is written as nothing between two commas)"))
            } else if record.count > headerCells.count {
                let extra = record[headerCells.count]
                problems.append(InputError(file: file, line: extra.line, column: extra.column,
                                           "row has \(record.count) cells but the header has \(headerCells.count) columns",
                                           hint: "a comma inside a cell (such as a thousands separator in 4,305) needs quotes around the cell: \"4,305\"; or remove the extra cells"))
            } else {
                rows.append(CSVRow(line: line, cells: record))
            }
        }
        try problems.throwIfAny()
        return CSVTable(file: file, header: headerCells.map(\.text), headerLine: headerLine, headerCells: headerCells,
                        rows: rows, encoding: encoding)
    }

    /// Positions of header names written unquoted, comma-separated: what a table built in
    /// code would look like as a file.
    private static func plainHeaderCells(_ header: [String], line: Int) -> [CSVCell] {
        var column = 1
        return header.map { name in
            defer { column += name.unicodeScalars.count + 1 }
            return CSVCell(text: name, line: line, column: column)
        }
    }

    private static func headerProblems(_ cells: [CSVCell], file: String) -> InputErrors {
        var problems = InputErrors()
        var firstSeen: [String: CSVCell] = [:]
        for cell in cells {
            if cell.text.isEmpty {
                problems.append(InputError(file: file, line: cell.line, column: cell.column,
                                           "the header has an empty column name",
                                           hint: "give every column a name, or delete the empty column"))
                continue
            }
            // Case-insensitive, because column lookup forgives case and must stay unambiguous.
            let key = cell.text.lowercased()
            if let earlier = firstSeen[key] {
                problems.append(InputError(file: file, line: cell.line, column: cell.column,
                                           "column name \"\(cell.text)\" appears twice in the header (first at column \(earlier.column))",
                                           hint: "rename or delete one of the two columns"))
            } else {
                firstSeen[key] = cell
            }
        }
        return problems
    }

    /// Index of the column called `name`: an exact match, else the only case-insensitive match.
    /// Throws an error at the header line listing the columns found and the closest name.
    public func columnIndex(named name: String) throws -> Int {
        if let index = optionalColumnIndex(named: name) { return index }
        throw InputError(file: file, line: headerLine,
                         "required column \"\(name)\" is missing",
                         hint: headerHint(for: name) + "; add a column named \"\(name)\" to the header")
    }

    /// The start of a hint for a missing column `name`: the header's names, with the closest
    /// one first. When the first line is not a row of column names at all (a config that
    /// points at some other kind of file, even a system file) its content is not quoted.
    public func headerHint(for name: String) -> String {
        guard Self.looksLikeColumnNames(header) else {
            return "the first line of this file is not a row of column names: is it the right file?"
        }
        return Suggestions.hint(for: name, among: header, listIntro: "the header has")
    }

    /// Column names are short words: long cells, or cells with path or record separators,
    /// are the first line of some other kind of file.
    static func looksLikeColumnNames(_ header: [String]) -> Bool {
        !header.isEmpty && header.allSatisfy { cell in
            cell.count <= 60 && !cell.contains(where: { ":/\\|".contains($0) })
        }
    }

    /// Like `columnIndex(named:)` for optional columns: nil when absent.
    public func optionalColumnIndex(named name: String) -> Int? {
        if let exact = header.firstIndex(of: name) { return exact }
        let lowered = name.lowercased()
        return header.firstIndex { $0.lowercased() == lowered }
    }

    /// The location of a cell, for errors about its value.
    public func location(of cell: CSVCell) -> SourceLocation {
        SourceLocation(file: file, line: cell.line, column: cell.column)
    }
}
