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

/// Only the recursive cases are boxed: leaves (about half the nodes of a formula) then
/// cost no allocation, which a fit, parsing its formula each time, notices.
public enum Expression: Equatable, Sendable, CustomStringConvertible {
    case number(Double)
    case variable(Int)
    case parameter(Int)
    indirect case negate(Expression)
    indirect case call(ElementaryFunction, Expression)
    indirect case binary(BinaryOperator, Expression, Expression)

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
        /// What one bottom-up pass learns of a subtree: whether it is free of parameters
        /// (and of data), and whether it is costly per row. The tree is walked once;
        /// asking each node about its whole subtree again would make the pass quadratic.
        struct Facts { var parameterFree: Bool; var constant: Bool; var costly: Bool }
        func take(_ e: Expression) -> Expression {
            // A subtree met again (x^2 in numerator and denominator) reuses its column.
            if let j = extracted.firstIndex(of: e) { return .variable(firstIndex + j) }
            extracted.append(e)
            return .variable(firstIndex + extracted.count - 1)
        }
        /// A costly data-only subtree is taken out by its parent, which alone knows whether
        /// it is part of a larger one (the root is settled at the end).
        func hoistable(_ facts: Facts) -> Bool { facts.parameterFree && !facts.constant && facts.costly }
        /// The subtree with its costly data-only parts replaced, or nil when it has none
        /// (so that an unchanged tree is not rebuilt node by node), and its facts.
        func walk(_ e: Expression) -> (Expression?, Facts) {
            switch e {
            case .number: return (nil, Facts(parameterFree: true, constant: true, costly: false))
            case .variable: return (nil, Facts(parameterFree: true, constant: false, costly: false))
            case .parameter: return (nil, Facts(parameterFree: false, constant: false, costly: false))
            // A unary node is data-only exactly when its operand is, so it never takes its
            // operand out itself: either both go together, or the operand's own parts did.
            case .negate(let a):
                let (replaced, facts) = walk(a)
                return (replaced.map { .negate($0) }, facts)
            case .call(let f, let a):
                let (replaced, facts) = walk(a)
                return (replaced.map { .call(f, $0) },
                        Facts(parameterFree: facts.parameterFree, constant: facts.constant, costly: true))
            case .binary(let op, let a, let b):
                let (left, lf) = walk(a), (right, rf) = walk(b)
                // Costly: an elementary function, or a power other than x², x³, √x or 1/x.
                var costly = lf.costly || rf.costly
                if op == .power {
                    if case .number(let c) = b { costly = costly || ![2, 3, 0.5, -1].contains(c) } else { costly = true }
                }
                let facts = Facts(parameterFree: lf.parameterFree && rf.parameterFree,
                                  constant: lf.constant && rf.constant, costly: costly)
                if facts.parameterFree { return (nil, facts) }
                let newLeft = hoistable(lf) ? take(a) : left
                let newRight = hoistable(rf) ? take(b) : right
                if newLeft == nil && newRight == nil { return (nil, facts) }
                return (.binary(op, newLeft ?? a, newRight ?? b), facts)
            }
        }
        let (replaced, facts) = walk(self)
        let root = hoistable(facts) ? take(self) : (replaced ?? self)
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
