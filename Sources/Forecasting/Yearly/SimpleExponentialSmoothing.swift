// Simple exponential smoothing: the level follows each year's value by a fraction α of the
// one-step error, l ← l + α(y − l), starting from the first value. α is chosen by least
// squares on the one-step errors (the Levenberg–Marquardt engine, with the derivative of
// the recursion carried along), within [0.0001, 0.9999].
import Foundation
import Numerics

struct SimpleExponentialSmoothing {
    static let alphaBounds = (lower: 1e-4, upper: 0.9999)

    var alpha: Double
    /// The level after the last value: every forecast.
    var level: Double
    var count: Int

    func forecast(horizon: Int) -> [Double] { [Double](repeating: level, count: horizon) }

    static func fit(_ y: [Double]) throws -> SimpleExponentialSmoothing {
        let function = OneStepErrors(y)
        var best: LeastSquaresResult?
        for start in [0.2, 0.8] {
            guard let result = try? LevenbergMarquardt.minimize(
                function, start: [start], parameterNames: ["alpha"],
                constraints: ParameterConstraints(lower: [alphaBounds.lower], upper: [alphaBounds.upper]),
                options: ExponentialSmoothingFit.solverOptions) else { continue }
            if best == nil || result.residualSumOfSquares < best!.residualSumOfSquares { best = result }
        }
        // A constant series leaves every error zero whatever α is: any α serves. Two values
        // leave one error for one parameter, which the engine does not take: there the
        // lowest sum of squares on a grid of α stands in (for two values, α → 1).
        let constant = y.allSatisfy { $0 == y[0] }
        guard let alpha = best?.parameters[0] ?? (constant ? 0.5 : gridAlpha(function)), alpha.isFinite else {
            throw YearlyMethodError.fitFailed(method: "ses", reason: "no smoothing parameter gives finite errors")
        }
        return SimpleExponentialSmoothing(alpha: alpha, level: levels(y, alpha: alpha).last!, count: y.count)
    }

    /// The α of a grid over its bounds with the smallest finite sum of squared one-step
    /// errors, the largest α on a tie (two values: every α ties, and the level follows the
    /// last value); nil when none is finite.
    static func gridAlpha(_ function: OneStepErrors) -> Double? {
        var best: (alpha: Double, sum: Double)?
        var r = [Double](repeating: 0, count: function.residualCount)
        for alpha in [alphaBounds.upper] + Array(stride(from: 0.99, through: 0.01, by: -0.01)) + [alphaBounds.lower] {
            function.residuals(at: [alpha], into: &r)
            let sum = r.reduce(0) { $0 + $1 * $1 }
            if sum.isFinite && (best == nil || sum < best!.sum) { best = (alpha, sum) }
        }
        return best?.alpha
    }

    /// The level after each value.
    static func levels(_ y: [Double], alpha: Double) -> [Double] {
        var level = y[0]
        var out = [level]
        for t in 1..<y.count {
            level += alpha * (y[t] - level)
            out.append(level)
        }
        return out
    }

    /// e_t = l_{t−1} − y_t for t = 2…n, with de/dα from l' = l + α(y − l).
    final class OneStepErrors: ResidualFunction {
        let y: [Double]
        init(_ y: [Double]) { self.y = y }

        var residualCount: Int { y.count - 1 }
        var parameterCount: Int { 1 }
        var roundingLevel: Double { ExponentialSmoothingFit.roundingLevel(y) }
        func copy() -> Self { Self(y) }

        func residuals(at parameters: [Double], into residuals: inout [Double]) {
            var jacobian = [Double](repeating: 0, count: residualCount)
            residualsAndJacobian(at: parameters, residuals: &residuals, jacobian: &jacobian)
        }

        func residualsAndJacobian(at parameters: [Double], residuals: inout [Double], jacobian: inout [Double]) {
            let alpha = parameters[0]
            var level = y[0], dLevel = 0.0
            for t in 1..<y.count {
                let error = y[t] - level
                residuals[t - 1] = -error
                jacobian[t - 1] = dLevel
                // l' = l + α e, e = y − l  ⇒  dl' = dl − α dl + e
                dLevel = dLevel - alpha * dLevel + error
                level += alpha * error
            }
        }
    }
}

/// What the exponential-smoothing fits share.
enum ExponentialSmoothingFit {
    static var solverOptions: LevenbergMarquardtOptions {
        var options = LevenbergMarquardtOptions()
        options.maxEvaluations = 200
        options.maxRestarts = 2
        return options
    }

    /// ε times the norm of the data: reductions of the error norm below it are noise.
    static func roundingLevel(_ y: [Double]) -> Double {
        let norm = y.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return norm.isFinite ? norm * Double.ulpOfOne : 0
    }
}
