// Recursive-descent parser for the formula language of DESIGN.md.
//
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := ('-' | '+') unary | power
//   power   := primary ('^' unary)?          right-associative: 2^3^2 = 2^(3^2)
//   primary := number | 'pi' | name '(' sum ')' | name | '(' sum ')'
//
// '^' binds tighter than unary minus, as in mathematics: -x^2 = -(x^2), while the
// exponent may itself be negative: x^-2.  Names resolve through a callback so the parser
// does not decide what is a variable and what is a parameter.
import Foundation

struct FormulaParser {
    private let source: TokenizedFormula
    private var position = 0
    private let resolve: (String) -> Expression

    init(_ source: TokenizedFormula, resolve: @escaping (String) -> Expression) {
        self.source = source
        self.resolve = resolve
    }

    static func parse(_ source: String, resolve: @escaping (String) -> Expression) throws -> Expression {
        var parser = FormulaParser(try FormulaLexer.tokenize(source), resolve: resolve)
        if case .end = parser.current.kind {
            throw NumericsError(.syntax, "the formula is empty", column: 1)
        }
        let expression = try parser.parseSum()
        guard case .end = parser.current.kind else { throw parser.unexpected() }
        return expression
    }

    private var current: FormulaToken { source.tokens[min(position, source.tokens.count - 1)] }

    private mutating func advance() { if position < source.tokens.count - 1 { position += 1 } }

    private func unexpected(expecting: String? = nil) -> NumericsError {
        let token = current
        let what: String
        if case .end = token.kind { what = "unexpected end of formula" } else { what = "unexpected '\(source.text(token))'" }
        let hint = expecting.map { " (expected \($0))" } ?? ""
        return NumericsError(.syntax, "\(what) at column \(token.column)\(hint)", column: token.column)
    }

    private mutating func parseSum() throws -> Expression {
        var left = try parseProduct()
        while true {
            switch current.kind {
            case .plus: advance(); left = .binary(.add, left, try parseProduct())
            case .minus: advance(); left = .binary(.subtract, left, try parseProduct())
            default: return left
            }
        }
    }

    private mutating func parseProduct() throws -> Expression {
        var left = try parseUnary()
        while true {
            switch current.kind {
            case .star: advance(); left = .binary(.multiply, left, try parseUnary())
            case .slash: advance(); left = .binary(.divide, left, try parseUnary())
            default: return left
            }
        }
    }

    private mutating func parseUnary() throws -> Expression {
        switch current.kind {
        case .minus: advance(); return .negate(try parseUnary())
        case .plus: advance(); return try parseUnary()
        default: return try parsePower()
        }
    }

    private mutating func parsePower() throws -> Expression {
        let base = try parsePrimary()
        if case .caret = current.kind {
            advance()
            return .binary(.power, base, try parseUnary())
        }
        return base
    }

    /// Function names have 3 or 4 letters; the length test spares every other name
    /// (b1, x, …) the runtime's string-switch search behind init(rawValue:).
    private static func function(named name: String) -> ElementaryFunction? {
        let length = name.utf8.count
        guard length == 3 || length == 4 else { return nil }
        return ElementaryFunction(rawValue: name)
    }

    private mutating func parsePrimary() throws -> Expression {
        let token = current
        switch token.kind {
        case .number(let v):
            advance()
            return .number(v)
        case .leftParen:
            advance()
            let inner = try parseSum()
            guard case .rightParen = current.kind else {
                throw unexpected(expecting: "')' to close the '(' at column \(token.column)")
            }
            advance()
            return inner
        case .identifier:
            let name = source.text(token)
            advance()
            if case .leftParen = current.kind {
                guard let function = Self.function(named: name) else {
                    let known = ElementaryFunction.allCases.map(\.rawValue).joined(separator: ", ")
                    throw NumericsError(.unknownFunction,
                                        "unknown function '\(name)' at column \(token.column) (known: \(known))",
                                        column: token.column)
                }
                let open = current.column
                advance()
                let argument = try parseSum()
                guard case .rightParen = current.kind else {
                    throw unexpected(expecting: "')' to close the '(' at column \(open)")
                }
                advance()
                return .call(function, argument)
            }
            if Self.function(named: name) != nil {
                throw NumericsError(.syntax, "function '\(name)' at column \(token.column) needs an argument in parentheses, e.g. \(name)(x)",
                                    column: token.column)
            }
            if name == "pi" { return .number(Double.pi) }
            return resolve(name)
        default:
            throw unexpected(expecting: "a number, a name or '('")
        }
    }
}
