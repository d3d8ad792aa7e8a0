// Additive damped-trend exponential smoothing (Gardner & McKenzie 1985): a level and a
// trend, the trend shrunk by φ every year, so the forecast flattens out instead of
// extending the last slope for ever:
//
//   forecast  f_t = l + φ b,   error e_t = y_t − f_t
//   level     l  ← f_t + α e_t
//   trend     b  ← φ b + α β e_t
//   h ahead   l + b (φ + φ² + … + φ^h)
//
// The states start at l = y₁ and b = y₂ − y₁; α, β and φ are chosen by least squares on the
// one-step errors (the Levenberg–Marquardt engine, derivatives carried through the
// recursion), with α, β in [0.0001, 0.9999] and φ in [0.8, 0.98] — the range in which R's
// `ets` and the literature keep damping, so that a forecast neither explodes nor goes flat
// at once. Several starts; the lowest sum of squares wins.
import Foundation
import Numerics

struct DampedTrend {
    static let smoothingBounds = (lower: 1e-4, upper: 0.9999)
    static let dampingBounds = (lower: 0.8, upper: 0.98)

    var alpha: Double
    var beta: Double
    var phi: Double
    var level: Double
    var trend: Double

    func forecast(horizon: Int) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(horizon)
        var damping = 0.0, power = 1.0
        for _ in 0..<horizon {
            power *= phi
            damping += power
            out.append(level + trend * damping)
        }
        return out
    }

    static func fit(_ y: [Double]) throws -> DampedTrend {
        let function = OneStepErrors(y)
        let constraints = ParameterConstraints(lower: [smoothingBounds.lower, smoothingBounds.lower, dampingBounds.lower],
                                               upper: [smoothingBounds.upper, smoothingBounds.upper, dampingBounds.upper])
        var best: LeastSquaresResult?
        for alpha in [0.3, 0.8] {
            for beta in [0.1, 0.5] {
                guard let result = try? LevenbergMarquardt.minimize(
                    function, start: [alpha, beta, 0.9], parameterNames: ["alpha", "beta", "phi"],
                    constraints: constraints, options: ExponentialSmoothingFit.solverOptions),
                    result.residualSumOfSquares.isFinite else { continue }
                if best == nil || result.residualSumOfSquares < best!.residualSumOfSquares { best = result }
            }
        }
        // Data the one-step errors do not depend on (a constant series: every error is zero
        // whatever the parameters) leave the engine nothing to move; the first start then
        // serves as well as any, if its errors are finite.
        guard let parameters = best?.parameters ?? function.finiteStart([0.3, 0.1, 0.9]) else {
            throw YearlyMethodError.fitFailed(method: "damped", reason: "no smoothing parameters give finite one-step errors")
        }
        let (level, trend) = function.finalStates(parameters)
        guard level.isFinite, trend.isFinite else {
            throw YearlyMethodError.fitFailed(method: "damped", reason: "the smoothed level or trend is not finite")
        }
        return DampedTrend(alpha: parameters[0], beta: parameters[1], phi: parameters[2], level: level, trend: trend)
    }

    /// r_t = f_t − y_t for t = 2…n and its derivatives by α, β, φ (forward sensitivities of
    /// the level and trend through the recursion).
    final class OneStepErrors: ResidualFunction {
        let y: [Double]
        init(_ y: [Double]) { self.y = y }

        var residualCount: Int { y.count - 1 }
        var parameterCount: Int { 3 }
        var roundingLevel: Double { ExponentialSmoothingFit.roundingLevel(y) }
        func copy() -> Self { Self(y) }

        func residuals(at parameters: [Double], into residuals: inout [Double]) {
            let (alpha, beta, phi) = (parameters[0], parameters[1], parameters[2])
            var level = y[0], trend = y[1] - y[0]
            for t in 1..<y.count {
                let f = level + phi * trend
                let e = y[t] - f
                residuals[t - 1] = -e
                level = f + alpha * e
                trend = phi * trend + alpha * beta * e
            }
        }

        func residualsAndJacobian(at parameters: [Double], residuals: inout [Double], jacobian: inout [Double]) {
            let (alpha, beta, phi) = (parameters[0], parameters[1], parameters[2])
            let m = residualCount
            var level = y[0], trend = y[1] - y[0]
            // Derivatives of level and trend by (α, β, φ); the start states are data.
            var dl = (0.0, 0.0, 0.0), db = (0.0, 0.0, 0.0)
            for t in 1..<y.count {
                let f = level + phi * trend
                let e = y[t] - f
                let df = (dl.0 + phi * db.0, dl.1 + phi * db.1, dl.2 + phi * db.2 + trend)
                residuals[t - 1] = -e
                jacobian[t - 1] = df.0
                jacobian[m + t - 1] = df.1
                jacobian[2 * m + t - 1] = df.2
                // de = −df
                let ab = alpha * beta
                dl = (df.0 - alpha * df.0 + e, df.1 - alpha * df.1, df.2 - alpha * df.2)
                db = (phi * db.0 - ab * df.0 + beta * e,
                      phi * db.1 - ab * df.1 + alpha * e,
                      phi * db.2 + trend - ab * df.2)
                level = f + alpha * e
                trend = phi * trend + ab * e
            }
        }

        func finiteStart(_ parameters: [Double]) -> [Double]? {
            var r = [Double](repeating: 0, count: residualCount)
            residuals(at: parameters, into: &r)
            return r.allSatisfy(\.isFinite) ? parameters : nil
        }

        func finalStates(_ parameters: [Double]) -> (level: Double, trend: Double) {
            let (alpha, beta, phi) = (parameters[0], parameters[1], parameters[2])
            var level = y[0], trend = y[1] - y[0]
            for t in 1..<y.count {
                let f = level + phi * trend
                let e = y[t] - f
                level = f + alpha * e
                trend = phi * trend + alpha * beta * e
            }
            return (level, trend)
        }
    }
}
