// A parsed model formula: the expression tree plus the split of its names into
// variables (the caller's data columns) and parameters (everything else, to be fitted).

public struct Formula: Sendable, CustomStringConvertible {
    public let text: String
    public let expression: Expression
    /// The caller's variable names; `Expression.variable(i)` refers to `variableNames[i]`.
    public let variableNames: [String]
    /// Parameter names in order of first appearance (or the caller's order when given).
    public let parameterNames: [String]

    /// Parses `text`. Names listed in `variables` are data columns; `pi` is the constant;
    /// every other name is a parameter. `parameterOrder`, when given, fixes the parameter
    /// order (names not in the formula are an error; formula names not listed are appended).
    public init(_ text: String, variables: [String], parameterOrder: [String] = []) throws {
        // Formulas name a handful of things: looking names up by comparing the (short,
        // inline) strings is cheaper than hashing them into dictionaries.
        var parameters: [String] = []
        for name in parameterOrder where !parameters.contains(name) { parameters.append(name) }

        // The resolver needs to record parameters as the parser meets them; a small box
        // keeps that state outside the escaping closure's captures.
        final class Names { var list: [String]; init(_ l: [String]) { list = l } }
        let names = Names(parameters)
        names.list.reserveCapacity(parameters.count + 8)
        let expression = try FormulaParser.parse(text) { name in
            if let v = variables.firstIndex(of: name) { return .variable(v) }
            if let k = names.list.firstIndex(of: name) { return .parameter(k) }
            names.list.append(name)
            return .parameter(names.list.count - 1)
        }
        var used = [Bool](repeating: false, count: names.list.count)
        func mark(_ e: Expression) {
            switch e {
            case .number, .variable: break
            case .parameter(let k): used[k] = true
            case .negate(let a), .call(_, let a): mark(a)
            case .binary(_, let a, let b): mark(a); mark(b)
            }
        }
        mark(expression)
        if let k = used.firstIndex(of: false) {
            throw NumericsError(.invalidInput, "parameter '\(names.list[k])' does not appear in the formula '\(text)'")
        }
        self.text = text
        self.expression = expression
        self.variableNames = variables
        self.parameterNames = names.list
    }

    public var description: String { text }

    /// Indices (into variableNames) of the variables the formula actually uses.
    public var usedVariables: [Int] {
        var set = Set<Int>()
        func walk(_ e: Expression) {
            switch e {
            case .variable(let i): set.insert(i)
            case .number, .parameter: break
            case .negate(let a), .call(_, let a): walk(a)
            case .binary(_, let a, let b): walk(a); walk(b)
            }
        }
        walk(expression)
        return set.sorted()
    }

    public func compiled() -> CompiledFormula {
        CompiledFormula(expression: expression, parameterCount: parameterNames.count,
                        variableCount: variableNames.count)
    }
}
