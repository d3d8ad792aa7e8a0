/// Numbers as analysts write them in CSV cells, parsed the same way on every machine (no
/// locale): plain decimals ("4305", "-0.5", ".5"), scientific notation ("4.305e3"), and
/// thousands separators ("4,305") only inside quotes, where they cannot split the row.
/// NaN, infinities, empty cells, percentages and text are refused with their location.
public enum NumberParsing {
    static let decimalHint = "write a plain decimal number such as 4305 or 4305.5"

    /// The value of `cell` in the column called `columnName`.
    public static func double(_ cell: CSVCell, column columnName: String, file: String) throws -> Double {
        try double(cell.text, quoted: cell.wasQuoted, column: columnName,
                   at: SourceLocation(file: file, line: cell.line, column: cell.column))
    }

    public static func double(_ rawText: String, quoted: Bool = false, column columnName: String, at location: SourceLocation) throws -> Double {
        let text = rawText.trimmingSpaces()
        if text.isEmpty {
            throw Diagnostic(location, "column \"\(columnName)\" is empty", hint: "write a number; if the value is unknown, leave the row out")
        }
        let lowered = text.lowercased()
        if ["nan", "+nan", "-nan", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity", "#n/a", "n/a", "na", "#num!", "#value!", "#div/0!"].contains(lowered) {
            throw Diagnostic(location, "value \"\(text)\" in column \"\(columnName)\" is not a number",
                             hint: "write a finite number; if the value is unknown, leave the row out")
        }
        guard let digits = plainDecimal(text, allowGrouping: quoted) else {
            throw Diagnostic(location, "value \"\(text)\" in column \"\(columnName)\" is not a number",
                             hint: specificHint(for: text, quoted: quoted))
        }
        guard let value = Double(digits), value.isFinite else {
            throw Diagnostic(location, "value \"\(text)\" in column \"\(columnName)\" is too large to be a number",
                             hint: decimalHint)
        }
        return value
    }

    /// A whole number, such as a year: digits with an optional sign, nothing else.
    public static func integer(_ cell: CSVCell, column columnName: String, file: String) throws -> Int {
        let location = SourceLocation(file: file, line: cell.line, column: cell.column)
        let text = cell.text.trimmingSpaces()
        if text.isEmpty {
            throw Diagnostic(location, "column \"\(columnName)\" is empty", hint: "write a whole number such as 2024")
        }
        let body = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        // Int(_:) returns nil on overflow rather than trapping, so "99999999999999999999" is an error.
        guard !body.isEmpty, body.unicodeScalars.allSatisfy(isASCIIDigit), let value = Int(text) else {
            var hint = "write a whole number such as 2024"
            if text.unicodeScalars.contains(where: { "Ee".unicodeScalars.contains($0) }) && text.unicodeScalars.first.map(isASCIIDigit) == true {
                hint += "; an estimated year is written as the plain year with \"estimate\" in the status column"
            } else if text.contains(".") {
                hint += ", without decimals"
            }
            throw Diagnostic(location, "value \"\(text)\" in column \"\(columnName)\" is not a whole number", hint: hint)
        }
        return value
    }

    /// The text reduced to what Double(_:) accepts, or nil when it is not a plain decimal.
    /// Double(_:) alone would also take "nan", "inf" and hexadecimal floats, so the grammar
    /// is checked here first: sign? digits* (. digits*)? ((e|E) sign? digits+)?
    static func plainDecimal(_ text: String, allowGrouping: Bool) -> String? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var output = String.UnicodeScalarView()
        if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
            output.append(scalars[index])
            index += 1
        }
        // Integer part, with optional grouping "1,234,567": first group 1-3 digits, then
        // groups of exactly three.
        var integerDigits = 0
        var groupLength = 0
        var sawGroupSeparator = false
        while index < scalars.count {
            let scalar = scalars[index]
            if isASCIIDigit(scalar) {
                output.append(scalar)
                integerDigits += 1
                groupLength += 1
            } else if scalar == ",", allowGrouping, integerDigits > 0 {
                if sawGroupSeparator ? groupLength != 3 : groupLength > 3 { return nil }
                sawGroupSeparator = true
                groupLength = 0
            } else {
                break
            }
            index += 1
        }
        if sawGroupSeparator && groupLength != 3 { return nil }
        var fractionDigits = 0
        if index < scalars.count, scalars[index] == "." {
            output.append(".")
            index += 1
            while index < scalars.count, isASCIIDigit(scalars[index]) {
                output.append(scalars[index])
                fractionDigits += 1
                index += 1
            }
        }
        guard integerDigits + fractionDigits > 0 else { return nil }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            output.append("e")
            index += 1
            if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" {
                output.append(scalars[index])
                index += 1
            }
            var exponentDigits = 0
            while index < scalars.count, isASCIIDigit(scalars[index]) {
                output.append(scalars[index])
                exponentDigits += 1
                index += 1
            }
            guard exponentDigits > 0 else { return nil }
        }
        guard index == scalars.count else { return nil }
        return String(output)
    }

    /// A hint that addresses the usual cause of each kind of bad number.
    static func specificHint(for text: String, quoted: Bool) -> String {
        if text.hasSuffix("%") {
            return "write the number without %: 18.0% as 18.0 (in a percentage column) or 0.18"
        }
        if text.unicodeScalars.contains(where: { (0xFF10...0xFF19).contains($0.value) || $0 == "，" || $0 == "．" }) {
            return "use ASCII digits and punctuation (half-width, 半角), not full-width (全角) characters; " + decimalHint
        }
        if text.contains(where: { $0.isLetter }) {
            return decimalHint + ", with the unit in the unit column and remarks in the note column"
        }
        if text.contains(",") {
            if !quoted {
                return "a thousands separator is only allowed in a quoted cell, \"4,305\"; " + decimalHint
            }
            if text.contains(".") || text.filter({ $0 == "," }).count == 1 {
                return "commas may only group thousands (4,305 or 1,234,567.5); a decimal comma is not accepted: " + decimalHint
            }
        }
        return decimalHint
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }
}

extension String {
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        // Most cells have nothing to trim: no scan and no copy then.
        if let head = scalars.first, let tail = scalars.last, !Self.isSpace(head), !Self.isSpace(tail) { return self }
        guard let first = scalars.firstIndex(where: { !Self.isSpace($0) }),
              let last = scalars.lastIndex(where: { !Self.isSpace($0) }) else { return "" }
        return String(scalars[first...last])
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{00A0}" || scalar == "\u{3000}"
    }
}
