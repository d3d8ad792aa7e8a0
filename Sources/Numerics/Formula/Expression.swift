// The expression tree the formula parser produces. Identifiers are already resolved into
// variables (data columns, by index into the caller's list) and parameters (unknowns the
// fit estimates, by index into Formula.parameterNames), so later stages never compare names.

public enum ElementaryFunction: String, CaseIterable, Sendable {
    case exp, log, sqrt, sin, cos, tan, atan, abs

    @inline(__always)
    func value(_ x: Double) -> Double {
        switch self {
        case .exp: return Foundation.exp(x)
        case .log: return Foundation.log(x)
        case .sqrt: return x.squareRoot()
        case .sin: return Foundation.sin(x)
        case .cos: return Foundation.cos(x)
        case .tan: return Foundation.tan(x)
        case .atan: return Foundation.atan(x)
        case .abs: return Swift.abs(x)
        }
    }

    /// f(x) and f'(x) together.
    @inline(__always)
    func valueAndDerivative(_ x: Double) -> (Double, Double) {
        let v = value(x)
        return (v, derivative(x, value: v))
    }

    /// f'(x), given x and the already computed f(x) (which several derivatives reuse).
    @inline(__always)
    func derivative(_ x: Double, value fx: Double) -> Double {
        switch self {
        case .exp: return fx
        case .log: return 1 / x
        case .sqrt: return 0.5 / fx
        case .sin: return Foundation.cos(x)
        case .cos: return -Foundation.sin(x)
        case .tan: return 1 + fx * fx
        case .atan: return 1 / (1 + x * x)
        // abs is not differentiable at 0; the subgradient 0 there keeps steps finite.
        case .abs: return x > 0 ? 1 : (x < 0 ? -1 : 0)
        }
    }
}

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"

    @inline(__always)
    func apply(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .add: return a + b
        case .subtract: return a - b
        case .multiply: return a * b
        case .divide: return a / b
        case .power: return Foundation.pow(a, b)
        }
    }
}

public indirect enum Expression: Equatable, Sendable, CustomStringConvertible {
    case number(Double)
    case variable(Int)
    case parameter(Int)
    case negate(Expression)
    case call(ElementaryFunction, Expression)
    case binary(BinaryOperator, Expression, Expression)

    /// True when the value does not change with the parameters (its gradient is zero).
    var isParameterFree: Bool {
        switch self {
        case .number, .variable: return true
        case .parameter: return false
        case .negate(let e), .call(_, let e): return e.isParameterFree
        case .binary(_, let l, let r): return l.isParameterFree && r.isParameterFree
        }
    }

    /// True when the value is a plain number (no variables, no parameters): foldable.
    var isConstant: Bool {
        switch self {
        case .number: return true
        case .variable, .parameter: return false
        case .negate(let e), .call(_, let e): return e.isConstant
        case .binary(_, let l, let r): return l.isConstant && r.isConstant
        }
    }

    /// Replaces every largest subtree that depends on the data but not on the parameters
    /// (cos(2*pi*x/12), x^1.5, …) by a new variable numbered from `firstIndex`, and returns
    /// those subtrees (each once) in numbering order. Their values never change during a
    /// fit, so they can be computed once per data set instead of once per evaluation.
    ///
    /// Only subtrees that are costly per row are taken out (a function call, or a power
    /// other than a square, cube, square root or reciprocal): recomputing x^2 is one
    /// multiplication, about what reading a stored column costs, while taking it out means
    /// compiling the formula a second time, which for a small data set costs more than
    /// every evaluation of the fit saves.
    func hoistingDataOnlySubtrees(firstIndex: Int) -> (Expression, [Expression]) {
        var extracted: [Expression] = []
        /// The subtree with its costly data-only parts replaced, or nil when it has none
        /// (so that an unchanged tree is not rebuilt node by node).
        func walk(_ e: Expression) -> Expression? {
            switch e {
            case .number, .variable, .parameter: return nil
            default: break
            }
            if e.isParameterFree && !e.isConstant {
                guard e.isCostlyPerRow else { return nil }
                // A subtree met again (x^2 in numerator and denominator) reuses its column.
                if let j = extracted.firstIndex(of: e) { return .variable(firstIndex + j) }
                extracted.append(e)
                return .variable(firstIndex + extracted.count - 1)
            }
            switch e {
            case .negate(let a): return walk(a).map { .negate($0) }
            case .call(let f, let a): return walk(a).map { .call(f, $0) }
            case .binary(let op, let a, let b):
                let left = walk(a), right = walk(b)
                if left == nil && right == nil { return nil }
                return .binary(op, left ?? a, right ?? b)
            default: return nil
            }
        }
        let root = walk(self) ?? self
        return (root, extracted)
    }

    /// Number of nodes in the tree.
    var nodeCount: Int {
        switch self {
        case .number, .variable, .parameter: return 1
        case .negate(let a), .call(_, let a): return 1 + a.nodeCount
        case .binary(_, let a, let b): return 1 + a.nodeCount + b.nodeCount
        }
    }

    /// Contains an elementary function or a power that is not x², x³, √x or 1/x.
    var isCostlyPerRow: Bool {
        switch self {
        case .number, .variable, .parameter: return false
        case .call: return true
        case .negate(let a): return a.isCostlyPerRow
        case .binary(.power, let a, .number(let c)):
            return ![2, 3, 0.5, -1].contains(c) || a.isCostlyPerRow
        case .binary(.power, _, _): return true
        case .binary(_, let a, let b): return a.isCostlyPerRow || b.isCostlyPerRow
        }
    }

    /// A fully parenthesised rendering with indices, for debugging and test messages.
    public var description: String {
        switch self {
        case .number(let v): return "\(v)"
        case .variable(let i): return "x[\(i)]"
        case .parameter(let k): return "p[\(k)]"
        case .negate(let e): return "(-\(e))"
        case .call(let f, let e): return "\(f.rawValue)(\(e))"
        case .binary(let op, let l, let r): return "(\(l) \(op.rawValue) \(r))"
        }
    }
}

import Foundation
