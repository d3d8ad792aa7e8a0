// The delta-method band of a positive series, made on the log scale. The engine's band is
// f ± t·s with s² = gᵀΣg + σ² (Numerics' CurveFit). The delta method applied to log f
// instead of f gives the standard error s/f (d log f = df/f), so the band is
//     f·exp(−t·s/f) … f·exp(t·s/f):
// positive at every width, asymmetric (longer above), equal to the symmetric band to first
// order when t·s/f is small. It is built from the symmetric band's half-width, which is
// exactly t·s, so the fit's covariance and t quantile are used as they were.
import Foundation

enum LogScaleBand {
    /// The log-scale band around `value` (> 0) with the half-width of `symmetric`.
    static func band(value: Double, symmetric: (lower: Double, upper: Double)) -> (lower: Double, upper: Double) {
        guard value > 0, symmetric.lower.isFinite, symmetric.upper.isFinite else { return symmetric }
        let half = (symmetric.upper - symmetric.lower) / 2
        let relative = half / value
        return (value * exp(-relative), value * exp(relative))
    }
}
