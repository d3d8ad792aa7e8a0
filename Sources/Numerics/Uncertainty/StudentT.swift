// Student's t distribution: the quantiles that turn standard errors into confidence and
// prediction intervals. CDF via the regularised incomplete beta function (continued
// fraction, modified Lentz), quantile by safeguarded bisection/Newton on the CDF.
import Foundation

public enum StudentT {
    /// P(T ≤ t) for ν degrees of freedom (ν > 0); NaN for invalid ν.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, !t.isNaN else { return .nan }
        if t.isInfinite { return t > 0 ? 1 : 0 }
        let x = nu / (nu + t * t)
        let tail = 0.5 * regularizedIncompleteBeta(x, a: nu / 2, b: 0.5)
        return t > 0 ? 1 - tail : tail
    }

    /// The p-quantile (0 < p < 1) for ν degrees of freedom; NaN outside that domain.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        guard nu > 0, p > 0, p < 1 else { return .nan }
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: nu) }
        // Bracket [0, hi] with cdf(hi) ≥ p, then bisect with Newton steps when they stay inside.
        var lo = 0.0, hi = 1.0
        while cdf(hi, degreesOfFreedom: nu) < p {
            lo = hi
            hi *= 2
            if hi > 1e300 { return .infinity }
        }
        var t = 0.5 * (lo + hi)
        for _ in 0..<200 {
            let c = cdf(t, degreesOfFreedom: nu) - p
            if c == 0 { return t }
            if c > 0 { hi = t } else { lo = t }
            let density = exp(lgamma((nu + 1) / 2) - lgamma(nu / 2) - 0.5 * log(nu * Double.pi)
                              - (nu + 1) / 2 * log1p(t * t / nu))
            var next = t - c / density
            if !(next > lo && next < hi) { next = 0.5 * (lo + hi) }
            if abs(next - t) <= 1e-15 * max(1, abs(t)) { return next }
            t = next
            if hi - lo <= 1e-15 * max(1, hi) { break }
        }
        return t
    }

    /// I_x(a, b), the regularised incomplete beta function.
    static func regularizedIncompleteBeta(_ x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        // The continued fraction converges fast for x < (a+1)/(a+b+2); use symmetry otherwise.
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * betaContinuedFraction(x, a: a, b: b) / a
        }
        return 1 - exp(logFront) * betaContinuedFraction(1 - x, a: b, b: a) / b
    }

    private static func betaContinuedFraction(_ x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...500 {
            let mm = Double(m)
            // Even step.
            var numerator = mm * (b - mm) * x / ((a + 2 * mm - 1) * (a + 2 * mm))
            d = 1 + numerator * d; if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            // Odd step.
            numerator = -(a + mm) * (a + b + mm) * x / ((a + 2 * mm) * (a + 2 * mm + 1))
            d = 1 + numerator * d; if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }
}
