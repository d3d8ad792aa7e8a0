// Recursive-descent parser for the formula language (docs/user-guide.md, `marketcast fit`).
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
    /// Parsing recurses once per level of parentheses, function call, sign or power, and
    /// every later stage (compiling, differentiating, freeing the tree) recurses once per
    /// level of the tree, which a long chain such as a+b+c+… deepens by one per operator.
    /// Formula text comes from the command line and from config files, so both are capped
    /// far above any real model and below what overflows a thread's 8 MB stack (in a debug
    /// build, about 1,700 nested parentheses or a chain of 3,500 terms): an error instead
    /// of a crash.
    static let maximumNesting = 1000
    static let maximumTokens = 2500

    private let source: TokenizedFormula
    private var position = 0
    private var nesting = 0
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
        let tokens = parser.source.tokens
        if tokens.count - 1 > maximumTokens {
            let column = tokens[maximumTokens].column
            throw NumericsError(.invalidInput, "the formula has \(tokens.count - 1) numbers, names, operators and parentheses; at most \(maximumTokens) are supported (the limit is reached at column \(column))", column: column)
        }
        let expression = try parser.parseSum()
        guard case .end = parser.current.kind else { throw parser.unexpected() }
        return expression
    }

    private var current: FormulaToken { source.tokens[min(position, source.tokens.count - 1)] }

    private mutating func advance() { if position < source.tokens.count - 1 { position += 1 } }

    /// One level deeper (the caller undoes it with `nesting -= 1` on the way out).
    private mutating func descend(at token: FormulaToken) throws {
        nesting += 1
        guard nesting <= Self.maximumNesting else {
            throw NumericsError(.invalidInput, "the formula nests more than \(Self.maximumNesting) levels deep at column \(token.column) (parentheses, function calls, signs and powers)", column: token.column)
        }
    }

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
        case .minus, .plus:
            let sign = current
            try descend(at: sign)
            defer { nesting -= 1 }
            advance()
            if case .minus = sign.kind { return .negate(try parseUnary()) }
            return try parseUnary()
        default: return try parsePower()
        }
    }

    private mutating func parsePower() throws -> Expression {
        let base = try parsePrimary()
        if case .caret = current.kind {
            try descend(at: current)
            defer { nesting -= 1 }
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
            try descend(at: token)
            defer { nesting -= 1 }
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
                try descend(at: token)
                defer { nesting -= 1 }
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
