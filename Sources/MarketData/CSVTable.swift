import Foundation

/// One data row: where it starts and its cells, one per header column. The cells are a
/// slice of the table's one array of cells, so a row costs no allocation of its own.
public struct CSVRow: Sendable, Equatable {
    /// 1-based line where the row starts.
    public var line: Int
    private var storage: ArraySlice<CSVCell>

    public init(line: Int, cells: [CSVCell]) {
        self.line = line
        self.storage = cells[...]
    }

    init(line: Int, slice: ArraySlice<CSVCell>) {
        self.line = line
        self.storage = slice
    }

    public var cells: [CSVCell] { Array(storage) }

    /// The cell in column `index`; the table guarantees every row has one per header column.
    public subscript(index: Int) -> CSVCell {
        storage[storage.startIndex + index]
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
    /// single Diagnostic for problems that stop reading (unreadable, not text, broken quote,
    /// a file, row or cell beyond `InputLimits`).
    public static func read(path: String) throws -> CSVTable {
        try checkBeforeReading(path: path)
        let decoded = try TextDecoding.read(path: path)
        return try parse(decoded.text, file: path, encoding: decoded.encoding)
    }

    /// What is checked of a CSV file before it is read: its size against
    /// `InputLimits.csvFileBytes`, and a header wider than any table. Callers that read the
    /// bytes themselves (to keep them for a digest) call it first.
    public static func checkBeforeReading(path: String) throws {
        try TextDecoding.refuseNonFiles(path: path)
        try InputLimits.checkFileSize(path: path, file: path, limit: InputLimits.csvFileBytes, what: "a CSV file")
        try refuseWideHeaderEarly(path: path)
    }

    /// A header wider than any table is refused from the file's first bytes, before the
    /// rest (which may be hundreds of megabytes of commas) is read: the errors are the ones
    /// the whole file would give, since reading stops at that column anyway.
    static func refuseWideHeaderEarly(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        guard let prefix = try? handle.read(upToCount: 256 << 10), prefix.count == 256 << 10,
              !prefix.starts(with: [0xFF, 0xFE]), !prefix.starts(with: [0xFE, 0xFF]) else { return }
        // The first record's commas outside quotes, up to the one after the last allowed column.
        var commas = 0
        var inQuotes = false
        var cut: Int?
        for (offset, byte) in prefix.enumerated() {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if inQuotes { continue }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { return }
            if byte == UInt8(ascii: ",") {
                commas += 1
                if commas == InputLimits.csvColumns + 1 { cut = offset + 1; break }
            }
        }
        guard let cut else { return }
        // A comma is never inside a UTF-8 or GB18030 character, so the cut splits none.
        // Only the column limit is reported from the prefix; anything else (a stray quote
        // that fooled the count above, bytes that do not decode) is left to the reading of
        // the whole file.
        guard var text = try? TextDecoding.decode(prefix.prefix(cut), file: path).text else { return }
        text.makeContiguousUTF8()
        let problems = text.utf8.withContiguousStorageIfAvailable { bytes -> InputErrors? in
            var parser = CSVReader.Parser(bytes: bytes, file: path)
            var cells: [CSVCell] = []
            do {
                _ = try parser.nextRecord(into: &cells)
                return nil
            } catch let tooWide as CSVReader.TooManyColumns {
                return wideHeaderProblems(tooWide, cells: cells, file: path)
            } catch {
                return nil
            }
        }
        if let problems = problems ?? nil { throw problems }
    }

    /// A header wider than any table: its own problems up to the limit (the first few: a
    /// header that wide is a wrong file or separator, not a typo), then the limit. Nothing
    /// after it is read.
    static func wideHeaderProblems(_ tooWide: CSVReader.TooManyColumns, cells: [CSVCell], file: String) -> InputErrors {
        var problems = InputErrors(Array(headerProblems(Array(cells[tooWide.record.cells]), file: file).errors.prefix(10)))
        problems.append(tooWide.error)
        return problems
    }

    /// Parses CSV from bytes (tests, stdin); `file` is the name errors will show.
    public static func parse(data: Data, file: String) throws -> CSVTable {
        try InputLimits.checkSize(data.count, file: file, limit: InputLimits.csvFileBytes, what: "a CSV file")
        let decoded = try TextDecoding.decode(data, file: file)
        return try parse(decoded.text, file: file, encoding: decoded.encoding)
    }

    /// Parses decoded text with "\n" line ends.
    public static func parse(_ text: String, file: String, encoding: DetectedEncoding = .utf8) throws -> CSVTable {
        var text = text
        text.makeContiguousUTF8()
        return try text.utf8.withContiguousStorageIfAvailable { bytes in
            try parse(bytes: bytes, file: file, encoding: encoding)
        }!
    }

    private static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String, encoding: DetectedEncoding) throws -> CSVTable {
        var scanner = try RowScanner(bytes: bytes, file: file, encoding: encoding, reserving: true)
        var rowRanges: [CSVReader.Record] = []
        while let record = try scanner.nextRow() { rowRanges.append(record) }
        try scanner.finish()
        var rows: [CSVRow] = []
        rows.reserveCapacity(rowRanges.count)
        // The header's cells stay at the front of `cells`; the rows are slices after it.
        for record in rowRanges {
            rows.append(CSVRow(line: record.line, slice: scanner.cells[record.cells]))
        }
        return scanner.headerTable(rows: rows)
    }

    /// Reads a CSV file as `read(path:)` does, but hands each data row to `row` and forgets
    /// it, so memory holds the text and one row's cells, not a table of millions of cells
    /// (a long file of many series: `LongSeriesTable.read`). `header` sees the header first,
    /// as a table without rows (for column lookup and locations). The file's problems are
    /// the ones `read` lists, thrown at the end: a caller discards what it built from the
    /// rows when this throws.
    public static func stream(path: String, header: (CSVTable) throws -> Void, row: (CSVRow) throws -> Void) throws {
        try checkBeforeReading(path: path)
        var decoded = try TextDecoding.read(path: path)
        decoded.text.makeContiguousUTF8()
        let encoding = decoded.encoding
        try decoded.text.utf8.withContiguousStorageIfAvailable { bytes in
            var scanner = try RowScanner(bytes: bytes, file: path, encoding: encoding, reserving: false)
            try header(scanner.headerTable(rows: []))
            while let record = try scanner.nextRow() {
                try row(CSVRow(line: record.line, slice: scanner.cells[record.cells]))
                scanner.cells.removeSubrange(record.cells)
            }
            try scanner.finish()
        }!
    }

    /// The one reading of a CSV's records: the header and its problems, then each data row
    /// whose width matches the header's (a row of another width is a problem, and its cells
    /// are dropped), up to `InputLimits.csvProblems` problems.
    private struct RowScanner {
        var parser: CSVReader.Parser
        let file: String
        let encoding: DetectedEncoding
        var cells: [CSVCell] = []
        var problems = InputErrors()
        let headerCells: [CSVCell]
        let headerLine: Int
        var sawDataRecord = false
        let byteCount: Int

        init(bytes: UnsafeBufferPointer<UInt8>, file: String, encoding: DetectedEncoding, reserving: Bool) throws {
            parser = CSVReader.Parser(bytes: bytes, file: file)
            self.file = file
            self.encoding = encoding
            byteCount = bytes.count
            // About one cell per 8 bytes of a typical file; a guess only saves early regrowing.
            if reserving { cells.reserveCapacity(min(bytes.count / 16, 1 << 24)) }
            let header: CSVReader.Record
            do {
                guard let found = try parser.nextRecord(into: &cells) else {
                    throw Diagnostic(file: file, "the file is empty",
                                     hint: "put a header row (for example year,value,unit,status,source) and one row per value in it")
                }
                header = found
            } catch let tooWide as CSVReader.TooManyColumns {
                throw CSVTable.wideHeaderProblems(tooWide, cells: cells, file: file)
            }
            headerCells = Array(cells[header.cells])
            headerLine = header.line
            problems.append(contentsOf: CSVTable.headerProblems(headerCells, file: file))
        }

        /// The next data row of the header's width; nil at the end or at the problem limit.
        mutating func nextRow() throws -> CSVReader.Record? {
            let columns = headerCells.count
            do {
                while problems.count < InputLimits.csvProblems, let record = try parser.nextRecord(into: &cells) {
                    sawDataRecord = true
                    let count = record.cells.count
                    let line = record.line
                    if count < columns {
                        let missing = headerCells[count...].map { "\"\($0.text)\"" }.joined(separator: ", ")
                        problems.append(Diagnostic(file: file, line: line,
                                                   "row has \(count) cell\(count == 1 ? "" : "s") but the header has \(columns) columns; missing: \(missing)",
                                                   hint: "add the missing cells (an empty cell is written as nothing between two commas)"))
                        cells.removeSubrange(record.cells)
                    } else if count > columns {
                        let extra = cells[record.cells.lowerBound + columns]
                        problems.append(Diagnostic(file: file, line: extra.line, column: extra.column,
                                                   "row has \(count) cells but the header has \(columns) columns",
                                                   hint: "a comma inside a cell (such as a thousands separator in 4,305) needs quotes around the cell: \"4,305\"; or remove the extra cells"))
                        cells.removeSubrange(record.cells)
                    } else {
                        return record
                    }
                }
            } catch let tooWide as CSVReader.TooManyColumns {
                problems.append(tooWide.error)
                throw problems.capped(at: InputLimits.csvProblems, file: file)
            }
            return nil
        }

        /// Throws every problem found, or that the file has no data rows.
        mutating func finish() throws {
            if !sawDataRecord {
                problems.append(Diagnostic(file: file, line: headerLine,
                                           "the file has a header row but no data rows",
                                           hint: "add one row per value under the header"))
            }
            try problems.capped(at: InputLimits.csvProblems, file: file, more: parser.index < byteCount).throwIfAny()
        }

        func headerTable(rows: [CSVRow]) -> CSVTable {
            CSVTable(file: file, header: headerCells.map(\.text), headerLine: headerLine, headerCells: headerCells,
                     rows: rows, encoding: encoding)
        }
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

    static func headerProblems(_ cells: [CSVCell], file: String) -> InputErrors {
        var problems = InputErrors()
        var firstSeen: [String: CSVCell] = [:]
        for cell in cells {
            if cell.text.isEmpty {
                problems.append(Diagnostic(file: file, line: cell.line, column: cell.column,
                                           "the header has an empty column name",
                                           hint: "give every column a name, or delete the empty column"))
                continue
            }
            // Case-insensitive, because column lookup forgives case and must stay unambiguous.
            let key = cell.text.lowercased()
            if let earlier = firstSeen[key] {
                problems.append(Diagnostic(file: file, line: cell.line, column: cell.column,
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
        throw Diagnostic(file: file, line: headerLine,
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

extension InputErrors {
    /// At most `limit` problems; when reading stopped early (`more`) or problems were left
    /// out, a last error at the file says so, so a file with a million bad rows gives a
    /// readable list in moments.
    func capped(at limit: Int, file: String, more: Bool = false) -> InputErrors {
        guard errors.count >= limit || (more && !errors.isEmpty) else { return self }
        var kept = InputErrors(Array(errors.prefix(limit)))
        kept.append(Diagnostic(file: file, "stopped after \(kept.count) problem\(kept.count == 1 ? "" : "s"); the rest of the file was not checked",
                               hint: "fix these first (a wrong separator or encoding often causes every row's problem), then check again"))
        return kept
    }
}
