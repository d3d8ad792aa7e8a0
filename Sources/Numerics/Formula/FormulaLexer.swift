// Splits formula text into tokens, each remembering its 1-based column so that every
// later error can point at the exact place ("unexpected ')' at column 14").
import Foundation

struct FormulaToken: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case identifier(String)
        case plus, minus, star, slash, caret, leftParen, rightParen
        case end
    }
    let kind: Kind
    let column: Int
    /// The source text of the token, for messages.
    let text: String
}

enum FormulaLexer {
    static func tokenize(_ source: String) throws -> [FormulaToken] {
        let chars = Array(source.unicodeScalars)
        var tokens: [FormulaToken] = []
        tokens.reserveCapacity(chars.count / 2 + 1)
        // Numbers, names and operators are ASCII, so their text is rebuilt from bytes
        // (much cheaper than slicing unicode scalar views).
        func text(_ range: Range<Int>) -> String {
            String(decoding: chars[range].map { UInt8(truncatingIfNeeded: $0.value) }, as: UTF8.self)
        }
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
        func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_"
        }
        while i < chars.count {
            let c = chars[i]
            let column = i + 1
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            if isDigit(c) || (c == "." && i + 1 < chars.count && isDigit(chars[i + 1])) {
                var j = i
                while j < chars.count, isDigit(chars[j]) { j += 1 }
                if j < chars.count, chars[j] == "." {
                    j += 1
                    while j < chars.count, isDigit(chars[j]) { j += 1 }
                }
                // An exponent only counts when digits follow it: "2e" is the number 2
                // followed by the identifier e, which the parser then reports.
                if j < chars.count, chars[j] == "e" || chars[j] == "E" {
                    var k = j + 1
                    if k < chars.count, chars[k] == "+" || chars[k] == "-" { k += 1 }
                    if k < chars.count, isDigit(chars[k]) {
                        while k < chars.count, isDigit(chars[k]) { k += 1 }
                        j = k
                    }
                }
                let text = text(i..<j)
                guard let value = Double(text), value.isFinite else {
                    throw NumericsError(.syntax, "invalid number '\(text)' at column \(column)", column: column)
                }
                if j < chars.count, chars[j] == "." {
                    throw NumericsError(.syntax, "unexpected '.' at column \(j + 1) (a number has at most one decimal point)", column: j + 1)
                }
                tokens.append(FormulaToken(kind: .number(value), column: column, text: text))
                i = j
                continue
            }
            if isIdentifierStart(c) {
                var j = i
                while j < chars.count, isIdentifierStart(chars[j]) || isDigit(chars[j]) { j += 1 }
                let name = text(i..<j)
                tokens.append(FormulaToken(kind: .identifier(name), column: column, text: name))
                i = j
                continue
            }
            let kind: FormulaToken.Kind
            var length = 1
            switch c {
            case "+": kind = .plus
            case "-": kind = .minus
            case "*":
                if i + 1 < chars.count, chars[i + 1] == "*" { kind = .caret; length = 2 } else { kind = .star }
            case "/": kind = .slash
            case "^": kind = .caret
            case "(": kind = .leftParen
            case ")": kind = .rightParen
            default:
                throw NumericsError(.syntax, "unexpected character '\(Character(c))' at column \(column)", column: column)
            }
            tokens.append(FormulaToken(kind: kind, column: column, text: text(i..<(i + length))))
            i += length
        }
        tokens.append(FormulaToken(kind: .end, column: chars.count + 1, text: "end of formula"))
        return tokens
    }
}
