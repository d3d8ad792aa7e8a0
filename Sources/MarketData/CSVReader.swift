import Foundation

/// One cell as read from the file, with the position where it starts so errors can point at it.
/// Compact (32 bytes, and the text inline when it has at most 15 UTF-8 bytes, as numbers,
/// years and short names do), since a big file has millions of them.
public struct CSVCell: Sendable, Equatable {
    /// The cell's text: unquoted cells trimmed of surrounding spaces and tabs, quoted cells
    /// exactly as written between the quotes (with "" turned into ").
    public var text: String
    private var storedLine: Int32
    private var storedColumn: Int32
    /// True when the cell was written in quotes; numbers use it to accept "4,305".
    public var wasQuoted: Bool

    /// 1-based line where the cell starts (a quoted cell may span several lines).
    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }
    /// 1-based character column where the cell starts.
    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Int32(clamping: newValue) }
    }

    public init(text: String, wasQuoted: Bool = false, line: Int, column: Int) {
        self.text = text
        self.wasQuoted = wasQuoted
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }
}

/// RFC 4180 reader: fields separated by commas, optionally in double quotes, where a quoted
/// field may hold commas, line breaks and doubled quotes. Lenient where Excel and hand edits
/// differ harmlessly (spaces around fields, no newline at the end, blank lines), strict where
/// a guess could shift data between columns (an unterminated quote, text after a closing quote).
///
/// It reads the UTF-8 bytes of the text in one pass, record by record, into one flat array
/// of cells, so memory follows the data (about 32 bytes a cell besides the text itself),
/// and the limits (`InputLimits.csvColumns`, `csvCellCharacters`) stop it at the first
/// record or cell beyond them instead of after reading the rest of the file.
public enum CSVReader {
    /// The records of `text` (already decoded, line ends already "\n"). Blank lines and lines
    /// made only of empty unquoted cells (",,,", what Excel leaves for cleared rows) are skipped.
    public static func records(in text: String, file: String) throws -> [[CSVCell]] {
        var text = text
        text.makeContiguousUTF8()
        return try text.utf8.withContiguousStorageIfAvailable { bytes in
            var parser = Parser(bytes: bytes, file: file)
            var cells: [CSVCell] = []
            var records: [[CSVCell]] = []
            while let record = try parser.nextRecord(into: &cells) {
                records.append(Array(cells[record.cells]))
            }
            return records
        }!
    }

    /// A record's line and the range of its cells in the flat array.
    struct Record {
        var line: Int
        var cells: Range<Int>
    }

    /// A record wider than `InputLimits.csvColumns`: the cells before the limit stay in the
    /// array (so the header's other problems can still be listed), the error is at the first
    /// cell past it.
    struct TooManyColumns: Error {
        var error: Diagnostic
        var record: Record
    }

    struct Parser {
        let bytes: UnsafeBufferPointer<UInt8>
        let file: String
        var index = 0
        var line = 1
        var column = 1
        /// Where the last record's cells are in the flat array (for sharing repeated texts);
        /// the caller may remove a record's cells, so every use checks it is still there.
        var previousRecord: Range<Int>?

        init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
            self.bytes = bytes
            self.file = file
        }

        static let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), quote = UInt8(ascii: "\"")
        static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

        /// Whether a byte starts a character (is not a UTF-8 continuation byte).
        @inline(__always) static func starts(_ byte: UInt8) -> Bool { byte & 0xC0 != 0x80 }

        /// Whether a U+FEFF (EF BB BF) starts at `at`.
        @inline(__always) func isBOM(at position: Int) -> Bool {
            position + 2 < bytes.count && bytes[position] == 0xEF && bytes[position + 1] == 0xBB
                && bytes[position + 2] == 0xBF
        }

        /// Skips spaces, tabs and stray byte order marks before a cell.
        mutating func skipSpaces() {
            while index < bytes.count {
                let byte = bytes[index]
                if byte == Self.space || byte == Self.tab {
                    index += 1; column += 1
                } else if isBOM(at: index) {
                    index += 3; column += 1
                } else {
                    return
                }
            }
        }

        /// Appends the next non-blank record's cells to `cells`; nil at the end of the text.
        mutating func nextRecord(into cells: inout [CSVCell]) throws -> Record? {
            while index < bytes.count {
                let start = cells.count
                let line = self.line
                var blank = true
                while true {
                    if cells.count - start == InputLimits.csvColumns {
                        skipSpaces()
                        let error = Diagnostic(file: file, line: self.line, column: column,
                                               "this row has more than \(InputLimits.csvColumns) columns, the most a table may have",
                                               hint: "check the separator (marketcast reads commas) and that no line is a run of commas; split a wider table into several files")
                        throw TooManyColumns(error: error, record: Record(line: line, cells: start..<cells.count))
                    }
                    let position = cells.count - start
                    let above = previousRecord.map { $0.lowerBound + position }
                        .flatMap { $0 < previousRecord!.upperBound && $0 < cells.count ? cells[$0].text : nil }
                    let cell = try parseField(above: above)
                    if blank && (cell.wasQuoted || !cell.text.isEmpty) { blank = false }
                    cells.append(cell)
                    guard index < bytes.count else { break }
                    let next = bytes[index]
                    advanceOne()
                    if next == Self.newline { break }
                    // Otherwise it was a comma: another field follows, possibly empty at line end.
                }
                if blank {
                    cells.removeSubrange(start...)
                    continue
                }
                previousRecord = start..<cells.count
                return Record(line: cells[start].line, cells: start..<cells.count)
            }
            return nil
        }

        /// Moves past one byte that is a comma, a newline or ASCII.
        @inline(__always) mutating func advanceOne() {
            if bytes[index] == Self.newline {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }

        func cellTooLong(line: Int, column: Int) -> Diagnostic {
            Diagnostic(file: file, line: line, column: column,
                       "the cell that starts here is longer than \(InputLimits.csvCellCharacters) characters, the most a cell may have",
                       hint: "if it starts with a quote, check that its closing \" is there (a \" inside a quoted cell is written twice, \"\"); otherwise shorten the cell")
        }

        /// `above`: the text of the cell in the same column of the previous record, if any.
        mutating func parseField(above: String? = nil) throws -> CSVCell {
            skipSpaces()
            let startLine = line, startColumn = column
            let limit = InputLimits.csvCellCharacters
            if index < bytes.count, bytes[index] == Self.quote {
                index += 1; column += 1
                var characters = 0
                var runStart = index
                // Only a cell with "" inside needs its own buffer; others are one range of bytes.
                var unescaped: [UInt8]?
                while true {
                    guard index < bytes.count else {
                        throw Diagnostic(file: file, line: startLine, column: startColumn,
                                         "the quoted cell that starts here is never closed",
                                         hint: "add the closing \" at the end of the cell; a \" inside a quoted cell is written twice (\"\")")
                    }
                    let byte = bytes[index]
                    if byte == Self.quote {
                        if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                            if unescaped == nil { unescaped = [] }
                            unescaped!.append(contentsOf: bytes[runStart...index])
                            index += 2; column += 2
                            characters += 1
                            runStart = index
                            continue
                        }
                        break
                    }
                    if byte == Self.newline {
                        line += 1
                        column = 1
                        characters += 1
                    } else if Self.starts(byte) {
                        column += 1
                        characters += 1
                    }
                    if characters > limit { throw cellTooLong(line: startLine, column: startColumn) }
                    index += 1
                }
                let text: String
                if var buffer = unescaped {
                    buffer.append(contentsOf: bytes[runStart..<index])
                    text = String(decoding: buffer, as: UTF8.self)
                } else {
                    text = String(decoding: UnsafeBufferPointer(rebasing: bytes[runStart..<index]), as: UTF8.self)
                }
                index += 1; column += 1
                skipSpaces()
                if index < bytes.count, bytes[index] != Self.comma, bytes[index] != Self.newline {
                    var end = index + 1
                    while end < bytes.count, !Self.starts(bytes[end]) { end += 1 }
                    let after = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                    throw Diagnostic(file: file, line: line, column: column,
                                     "unexpected text \"\(after)\" after the closing quote of a cell",
                                     hint: "put the whole cell inside the quotes, and write a \" inside it twice (\"\")")
                }
                return CSVCell(text: text, wasQuoted: true, line: startLine, column: startColumn)
            }
            let start = index
            var characters = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == Self.comma || byte == Self.newline { break }
                if Self.starts(byte) {
                    characters += 1
                    if characters > limit { throw cellTooLong(line: startLine, column: startColumn) }
                }
                index += 1
            }
            column += characters
            // Trailing spaces, tabs and byte order marks are not part of the cell.
            var end = index
            while end > start {
                let last = bytes[end - 1]
                if last == Self.space || last == Self.tab {
                    end -= 1
                } else if end - start >= 3, isBOM(at: end - 3) {
                    end -= 3
                } else {
                    break
                }
            }
            let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
            // A long file repeats its series names row after row: a text equal to the one
            // above it shares that one's storage instead of allocating its own copy.
            if let above, raw.count > 15, above.utf8.count == raw.count,
               above.utf8.withContiguousStorageIfAvailable({ memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 }) == true {
                return CSVCell(text: above, wasQuoted: false, line: startLine, column: startColumn)
            }
            return CSVCell(text: String(decoding: raw, as: UTF8.self), wasQuoted: false, line: startLine, column: startColumn)
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace, exactly as
    /// `trimmingCharacters(in: .whitespaces)`, but free when it starts and ends with a
    /// visible ASCII character (the usual case for CSV cells): Foundation's character sets
    /// are then not consulted at all. They were an eighth of `forecast`'s instructions.
    public var trimmedOfSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        func visibleASCII(_ scalar: Unicode.Scalar) -> Bool { scalar.value > 0x20 && scalar.value < 0x7F }
        if visibleASCII(first) && visibleASCII(last) { return String(self) }
        return trimmingCharacters(in: .whitespaces)
    }
}
