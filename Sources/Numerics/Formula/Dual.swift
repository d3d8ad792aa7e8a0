// Forward-mode automatic differentiation with dual numbers: a value together with its
// gradient with respect to every parameter. Evaluating the expression tree on Duals
// is the plain, obviously-correct definition of the derivative; CompiledFormula does the
// same arithmetic on flat buffers for speed and is tested against this.
import Foundation

public struct Dual: Equatable, Sendable {
    public var value: Double
    public var gradient: [Double]

    public init(_ value: Double, gradient: [Double]) {
        self.value = value
        self.gradient = gradient
    }

    public static func constant(_ value: Double, count: Int) -> Dual {
        Dual(value, gradient: [Double](repeating: 0, count: count))
    }

    public static func variable(_ value: Double, index: Int, count: Int) -> Dual {
        var g = [Double](repeating: 0, count: count)
        g[index] = 1
        return Dual(value, gradient: g)
    }

    private func scaled(_ s: Double) -> [Double] { gradient.map { $0 * s } }

    public static func + (a: Dual, b: Dual) -> Dual {
        Dual(a.value + b.value, gradient: zip(a.gradient, b.gradient).map { $0 + $1 })
    }
    public static func - (a: Dual, b: Dual) -> Dual {
        Dual(a.value - b.value, gradient: zip(a.gradient, b.gradient).map { $0 - $1 })
    }
    public static prefix func - (a: Dual) -> Dual { Dual(-a.value, gradient: a.scaled(-1)) }
    public static func * (a: Dual, b: Dual) -> Dual {
        Dual(a.value * b.value, gradient: zip(a.gradient, b.gradient).map { $0 * b.value + a.value * $1 })
    }
    public static func / (a: Dual, b: Dual) -> Dual {
        let q = a.value / b.value
        return Dual(q, gradient: zip(a.gradient, b.gradient).map { ($0 - q * $1) / b.value })
    }

    /// a^b. When b carries no gradient the log of a is never taken, so negative bases with
    /// constant exponents (x^2, x^-1) keep finite derivatives.
    public static func pow(_ a: Dual, _ b: Dual) -> Dual {
        let v = Foundation.pow(a.value, b.value)
        let bIsConstant = b.gradient.allSatisfy { $0 == 0 }
        if bIsConstant {
            let d = b.value * Foundation.pow(a.value, b.value - 1)
            return Dual(v, gradient: a.scaled(d))
        }
        let logA = Foundation.log(a.value)
        let aIsConstant = a.gradient.allSatisfy { $0 == 0 }
        if aIsConstant { return Dual(v, gradient: b.scaled(v * logA)) }
        return Dual(v, gradient: zip(a.gradient, b.gradient).map { v * ($1 * logA + b.value * $0 / a.value) })
    }

    public static func apply(_ f: ElementaryFunction, _ a: Dual) -> Dual {
        let v = f.value(a.value)
        return Dual(v, gradient: a.scaled(f.derivative(a.value, value: v)))
    }
}

extension Expression {
    /// Evaluates the tree on dual numbers: value and gradient w.r.t. the parameters.
    public func evaluateDual(parameters: [Double], variables: [Double]) -> Dual {
        let p = parameters.count
        switch self {
        case .number(let v): return .constant(v, count: p)
        case .variable(let i): return .constant(i < variables.count ? variables[i] : .nan, count: p)
        case .parameter(let k): return .variable(parameters[k], index: k, count: p)
        case .negate(let e): return -e.evaluateDual(parameters: parameters, variables: variables)
        case .call(let f, let e): return Dual.apply(f, e.evaluateDual(parameters: parameters, variables: variables))
        case .binary(let op, let l, let r):
            let a = l.evaluateDual(parameters: parameters, variables: variables)
            let b = r.evaluateDual(parameters: parameters, variables: variables)
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return a / b
            case .power: return Dual.pow(a, b)
            }
        }
    }
}
