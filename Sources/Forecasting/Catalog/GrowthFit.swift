// A fitted catalog growth curve, with what analysts need from it: estimates, their
// uncertainty, predictions with intervals, information criteria, and honest warnings.
import Foundation
import Numerics

public struct GrowthFit: Sendable {
    public let kind: GrowthModelKind
    public let curve: CurveFit
    /// x₀ (linear, exponential) or the launch year (bass) substituted in the formula.
    public let origin: Double
    /// What the data do not pin down, as values (their descriptions are in `warnings`).
    public let identifiability: [IdentifiabilityIssue]
    /// Solver warnings plus the model-specific ones (undetermined ceiling, …), as text:
    /// `curve.result.warnings` followed by the descriptions of `identifiability`.
    public let warnings: [String]

    public var parameterNames: [String] { curve.parameterNames }
    public var parameters: [Double] { curve.parameters }
    public var standardErrors: [Double] { curve.standardErrors }
    public var covariance: Matrix { curve.result.covariance }
    public var residualSumOfSquares: Double { curve.residualSumOfSquares }
    public var degreesOfFreedom: Int { curve.degreesOfFreedom }
    public var converged: Bool { curve.result.converged }
    public var iterations: Int { curve.result.iterations }
    public var reason: String { curve.result.reason }
    public var aicc: Double { curve.aicc }
    public var bic: Double { curve.bic }
    public var logResponse: Bool { curve.logResponse }

    public func parameter(_ name: String) -> Double? {
        parameterNames.firstIndex(of: name).map { parameters[$0] }
    }

    public func predict(_ x: Double) -> Double { curve.predict(x) }

    public func confidenceInterval(at x: Double, level: Double) -> (lower: Double, upper: Double) {
        curve.confidenceInterval(at: x, level: level)
    }

    public func predictionInterval(at x: Double, level: Double) -> (lower: Double, upper: Double) {
        curve.predictionInterval(at: x, level: level)
    }

    /// "y = K / (1 + exp(−r·(x − t₀)))".
    public var formulaDescription: String { kind.formulaDescription }

    /// One line for a chart note: the model and its estimates, e.g.
    /// "logistic curve y = K / (1 + exp(−r·(x − t₀))); K = 1.23e+04, r = 0.41, t0 = 2026.3".
    public var description: String {
        let values = zip(parameterNames, parameters).map { "\($0) = \(Self.format($1))" }.joined(separator: ", ")
        let origin = (kind == .linear || kind == .exponential) ? " (x₀ = \(Self.format(self.origin)))"
            : kind == .bass ? " (launch \(Self.format(self.origin)))" : ""
        return "\(kind.displayName) \(formulaDescription)\(origin); \(values)\(logResponse ? "; fitted to log(y)" : "")"
    }

    static func format(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e6 { return String(format: "%.0f", v) }
        return String(format: abs(v) >= 1e5 || abs(v) < 1e-3 ? "%.3g" : "%.4g", v)
    }
}

extension GrowthFit {
    /// Residual-bootstrap percentile intervals of the curve at `xs` (see Bootstrap).
    public func bootstrap(at xs: [Double], options: BootstrapOptions) throws -> BootstrapResult {
        try Bootstrap.residual(curve, at: xs, options: options)
    }
}
