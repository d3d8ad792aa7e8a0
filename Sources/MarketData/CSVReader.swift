import Foundation

/// One cell as read from the file, with the position where it starts so errors can point at it.
public struct CSVCell: Sendable, Equatable {
    /// The cell's text: unquoted cells trimmed of surrounding spaces and tabs, quoted cells
    /// exactly as written between the quotes (with "" turned into ").
    public var text: String
    /// True when the cell was written in quotes; numbers use it to accept "4,305".
    public var wasQuoted: Bool
    /// 1-based line where the cell starts (a quoted cell may span several lines).
    public var line: Int
    /// 1-based character column where the cell starts.
    public var column: Int

    public init(text: String, wasQuoted: Bool = false, line: Int, column: Int) {
        self.text = text
        self.wasQuoted = wasQuoted
        self.line = line
        self.column = column
    }
}

/// RFC 4180 reader: fields separated by commas, optionally in double quotes, where a quoted
/// field may hold commas, line breaks and doubled quotes. Lenient where Excel and hand edits
/// differ harmlessly (spaces around fields, no newline at the end, blank lines), strict where
/// a guess could shift data between columns (an unterminated quote, text after a closing quote).
public enum CSVReader {
    /// The records of `text` (already decoded, line ends already "\n"). Blank lines and lines
    /// made only of empty unquoted cells (",,,", what Excel leaves for cleared rows) are skipped.
    public static func records(in text: String, file: String) throws -> [[CSVCell]] {
        var parser = Parser(scalars: Array(text.unicodeScalars), file: file)
        return try parser.parseAll()
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let file: String
        var index = 0
        var line = 1
        var column = 1

        init(scalars: [Unicode.Scalar], file: String) {
            self.scalars = scalars
            self.file = file
        }

        var atEnd: Bool { index >= scalars.count }
        var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        mutating func advance() {
            guard index < scalars.count else { return }
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }

        mutating func skipSpaces() {
            while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\u{FEFF}" {
                advance()
            }
        }

        mutating func parseAll() throws -> [[CSVCell]] {
            var records: [[CSVCell]] = []
            while !atEnd {
                let record = try parseRecord()
                let isBlank = record.allSatisfy { $0.text.isEmpty && !$0.wasQuoted }
                if !isBlank { records.append(record) }
            }
            return records
        }

        /// Parses fields up to and including the record's "\n" (or the end of the text).
        mutating func parseRecord() throws -> [CSVCell] {
            var cells: [CSVCell] = []
            while true {
                cells.append(try parseField())
                guard let next = current else { return cells }
                advance()
                if next == "\n" { return cells }
                // Otherwise it was a comma: another field follows, possibly empty at line end.
            }
        }

        mutating func parseField() throws -> CSVCell {
            skipSpaces()
            let startLine = line, startColumn = column
            if current == "\"" {
                advance()
                var text = String.UnicodeScalarView()
                while true {
                    guard let scalar = current else {
                        throw InputError(file: file, line: startLine, column: startColumn,
                                         "the quoted cell that starts here is never closed",
                                         hint: "add the closing \" at the end of the cell; a \" inside a quoted cell is written twice (\"\")")
                    }
                    if scalar == "\"" {
                        advance()
                        if current == "\"" {
                            text.append("\"")
                            advance()
                            continue
                        }
                        break
                    }
                    text.append(scalar)
                    advance()
                }
                skipSpaces()
                if let after = current, after != ",", after != "\n" {
                    throw InputError(file: file, line: line, column: column,
                                     "unexpected text \"\(String(after))\" after the closing quote of a cell",
                                     hint: "put the whole cell inside the quotes, and write a \" inside it twice (\"\")")
                }
                return CSVCell(text: String(text), wasQuoted: true, line: startLine, column: startColumn)
            }
            var text = String.UnicodeScalarView()
            while let scalar = current, scalar != ",", scalar != "\n" {
                text.append(scalar)
                advance()
            }
            let trimmed = String(text).trimmingCharacters(in: CharacterSet(charactersIn: " \t\u{FEFF}"))
            return CSVCell(text: trimmed, wasQuoted: false, line: startLine, column: startColumn)
        }
    }
}
