// Splits formula text into tokens, each remembering its 1-based column so that every
// later error can point at the exact place ("unexpected ')' at column 14").
import Foundation

/// A token is plain data (no strings): its text is read back from the source bytes only
/// when a name is resolved or an error quotes it, so parsing moves no reference counts.
struct FormulaToken: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case identifier
        case plus, minus, star, slash, caret, leftParen, rightParen
        case end
    }
    let kind: Kind
    /// 1-based column of the first character.
    let column: Int
    /// Length in bytes (one byte a character: the language is ASCII).
    let length: Int
}

/// Formula text as UTF-8 bytes with its tokens.
struct TokenizedFormula {
    let bytes: [UInt8]
    let tokens: [FormulaToken]

    /// The source text of a token, for names and messages.
    func text(_ token: FormulaToken) -> String {
        if case .end = token.kind { return "end of formula" }
        let start = token.column - 1
        return String(decoding: bytes[start..<(start + token.length)], as: UTF8.self)
    }
}

enum FormulaLexer {
    /// Every character the language uses is ASCII, so the lexer reads UTF-8 bytes: up to
    /// the first non-ASCII byte (always an error) byte offsets are character columns, and
    /// a token's text is read straight from the bytes. A fit parses its formula every
    /// time, and a model selection many times, so this stays cheap.
    static func tokenize(_ source: String) throws -> TokenizedFormula {
        let bytes = Array(source.utf8)
        var tokens: [FormulaToken] = []
        tokens.reserveCapacity(bytes.count + 1)   // at most one token a byte, and the end
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        func isIdentifierStart(_ c: UInt8) -> Bool {
            (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                || c == UInt8(ascii: "_")
        }
        let dot = UInt8(ascii: "."), count = bytes.count
        var i = 0
        while i < count {
            let c = bytes[i]
            let column = i + 1
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
                i += 1
                continue
            }
            if isDigit(c) || (c == dot && i + 1 < count && isDigit(bytes[i + 1])) {
                var j = i
                while j < count, isDigit(bytes[j]) { j += 1 }
                if j < count, bytes[j] == dot {
                    j += 1
                    while j < count, isDigit(bytes[j]) { j += 1 }
                }
                // An exponent only counts when digits follow it: "2e" is the number 2
                // followed by the identifier e, which the parser then reports.
                if j < count, bytes[j] == UInt8(ascii: "e") || bytes[j] == UInt8(ascii: "E") {
                    var k = j + 1
                    if k < count, bytes[k] == UInt8(ascii: "+") || bytes[k] == UInt8(ascii: "-") { k += 1 }
                    if k < count, isDigit(bytes[k]) {
                        while k < count, isDigit(bytes[k]) { k += 1 }
                        j = k
                    }
                }
                let text = text(i..<j)
                guard let value = Double(text), value.isFinite else {
                    throw NumericsError(.syntax, "invalid number '\(text)' at column \(column)", column: column)
                }
                if j < count, bytes[j] == dot {
                    throw NumericsError(.syntax, "unexpected '.' at column \(j + 1) (a number has at most one decimal point)", column: j + 1)
                }
                tokens.append(FormulaToken(kind: .number(value), column: column, length: j - i))
                i = j
                continue
            }
            if isIdentifierStart(c) {
                var j = i
                while j < count, isIdentifierStart(bytes[j]) || isDigit(bytes[j]) { j += 1 }
                tokens.append(FormulaToken(kind: .identifier, column: column, length: j - i))
                i = j
                continue
            }
            let kind: FormulaToken.Kind
            var length = 1
            switch c {
            case UInt8(ascii: "+"): kind = .plus
            case UInt8(ascii: "-"): kind = .minus
            case UInt8(ascii: "*"):
                if i + 1 < count, bytes[i + 1] == UInt8(ascii: "*") {
                    kind = .caret; length = 2
                } else {
                    kind = .star
                }
            case UInt8(ascii: "/"): kind = .slash
            case UInt8(ascii: "^"): kind = .caret
            case UInt8(ascii: "("): kind = .leftParen
            case UInt8(ascii: ")"): kind = .rightParen
            default:
                // The whole character, even when it takes several bytes.
                let character = String(decoding: bytes[i...], as: UTF8.self).first.map(String.init) ?? "?"
                throw NumericsError(.syntax, "unexpected character '\(character)' at column \(column)", column: column)
            }
            tokens.append(FormulaToken(kind: kind, column: column, length: length))
            i += length
        }
        // Every byte was ASCII (anything else was refused), so this is the character count.
        tokens.append(FormulaToken(kind: .end, column: count + 1, length: 0))
        return TokenizedFormula(bytes: bytes, tokens: tokens)
    }
}
