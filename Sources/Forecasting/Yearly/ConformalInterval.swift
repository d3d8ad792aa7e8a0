// Prediction intervals from out-of-sample errors (split-conformal with a per-series scale).
//
// Model-based intervals are far too narrow on yearly data: they assume the model is right.
// Instead, the errors a method actually made are measured once on reference sets of real
// yearly series (the M1 and M3 yearly series' training years) — at rolling origins inside
// their histories, full and cut to their last 5–8 values (the length of a market series),
// h = 1…10 years ahead — each divided by its series' scale s (the mean absolute yearly
// change of the history the forecast saw, the MASE scale). Their quantiles per horizon are
// shipped as data (`ReferenceCalibration`). With p = (1 − level) / 2, a new series' interval
// at horizon h around the point forecast F is
//
//   any series:       [ F + q_h(p) · s,          F + q_h(1 − p) · s ]
//   positive series:  [ F · exp(r_h(p) · s / F), F + q_h(1 − p) · s ]
//
// where q are quantiles of (actual − F) / s and r of log(actual / F) / (s / F): below the
// forecast the error is relative (on the log scale), so a positive series' lower end never
// reaches zero and the interval is asymmetric the way growth is; above it the additive
// error is kept, because an exponential upper end explodes for volatile series (measured:
// MSIS 1,400 on M1 and 7,700 on M3). Each quantile is clamped to its side of zero, so the point lies
// inside its interval at every level. Errors in scale units travel between series of any
// size and length, and between sets; the series' own rolling errors (a handful for a
// market series) are not blended in. Beyond the calibrated horizons the quantiles grow in
// proportion to h (trend errors grow about linearly with the horizon on yearly data).
import Foundation
import Numerics

public struct IntervalCalibration: Sendable, Equatable {
    /// The probabilities at which quantiles are stored, ascending.
    public static let probabilities: [Double] = (1...199).map { Double($0) / 200 }
    public static let horizons = 10

    /// What the errors were measured on, for the methodology text.
    public var reference: String
    /// quantiles[h − 1][k]: the `probabilities[k]` quantile of (actual − forecast) / scale
    /// at horizon h.
    public var quantiles: [[Double]]
    /// relative[h − 1][k]: the same for log(actual / forecast) / (scale / forecast), measured
    /// on positive windows; serves the lower end of positive series.
    public var relative: [[Double]]

    public init(reference: String, quantiles: [[Double]], relative: [[Double]]) {
        self.reference = reference
        self.quantiles = quantiles
        self.relative = relative
    }

    /// Levels the table can serve: the tails it stores.
    public static let levelRange: ClosedRange<Double> = 0.01...0.99

    /// The scaled error quantile at probability `p` and horizon `h` (h ≥ 1).
    public func quantile(_ p: Double, horizon h: Int) -> Double {
        Self.quantile(in: quantiles, p, horizon: h)
    }

    /// The relative (log-scale) error quantile at probability `p` and horizon `h` (h ≥ 1).
    public func relativeQuantile(_ p: Double, horizon h: Int) -> Double {
        Self.quantile(in: relative, p, horizon: h)
    }

    static func quantile(in table: [[Double]], _ p: Double, horizon h: Int) -> Double {
        let probabilities = Self.probabilities
        let calibrated = min(max(h, 1), table.count)
        let row = table[calibrated - 1]
        let value: Double
        if p <= probabilities[0] {
            value = row[0]
        } else if p >= probabilities[probabilities.count - 1] {
            value = row[row.count - 1]
        } else {
            // Uniform grid: the cell is found by arithmetic, then interpolated.
            let position = p * 200 - 1
            let k = min(max(Int(position.rounded(.down)), 0), row.count - 2)
            let fraction = position - Double(k)
            value = row[k] + fraction * (row[k + 1] - row[k])
        }
        return h > table.count ? value * Double(h) / Double(table.count) : value
    }

    /// The interval around `forecast` at horizon h for a series of scale `scale`;
    /// `positive`: every value of the series is positive (and so is the forecast), and the
    /// lower end is made on the relative scale.
    public func interval(forecast: Double, horizon h: Int, scale: Double, level: Double,
                         positive: Bool = false) -> (lower: Double, upper: Double) {
        let p = (1 - level) / 2
        // The upper end stays additive (see the header: an exponential one explodes).
        let upper = forecast + max(quantile(1 - p, horizon: h), 0) * scale
        if positive && forecast > 0 {
            return (forecast * Foundation.exp(min(relativeQuantile(p, horizon: h), 0) * scale / forecast), upper)
        }
        return (forecast + min(quantile(p, horizon: h), 0) * scale, upper)
    }
}

public enum ForecastScale {
    /// The mean absolute yearly change: the unit interval quantiles are measured in. nil
    /// when the values never change (no error scale can be read from them).
    public static func of(_ values: [Double]) -> Double? {
        guard values.count >= 2 else { return nil }
        var sum = 0.0
        for i in 1..<values.count { sum += abs(values[i] - values[i - 1]) }
        let scale = sum / Double(values.count - 1)
        return scale > 0 && scale.isFinite ? scale : nil
    }
}

/// Learns an `IntervalCalibration` from reference sets of series: every series contributes
/// its rolling-origin errors (origins after at least `minimumWindow` values, the history up
/// to the origin in full and cut to its last `cutLengths` values, forecasts 1…10 years ahead
/// as far as its history reaches). At each horizon every series has the same total weight
/// within its set, so long series do not outvote short ones, and every set the same total
/// weight, so a large set does not outvote a small one.
public enum CalibrationLearner {
    public static let minimumWindow = 4
    /// The lengths histories are also cut to: those of a market series.
    public static let cutLengths = 5...8

    public static func learn(sets: [[[Double]]], reference: String,
                             forecast: ([Double], Int) -> [Double]?) -> IntervalCalibration {
        let horizons = IntervalCalibration.horizons
        typealias Score = (value: Double, weight: Double)
        var additive = [[Score]](repeating: [], count: horizons)
        var relative = [[Score]](repeating: [], count: horizons)
        for series in sets {
            var setAdditive = [[Score]](repeating: [], count: horizons)
            var setRelative = [[Score]](repeating: [], count: horizons)
            var contributors = [Double](repeating: 0, count: horizons)
            var relativeContributors = [Double](repeating: 0, count: horizons)
            for y in series {
                var perHorizon = [[Double]](repeating: [], count: horizons)
                var perHorizonRelative = [[Double]](repeating: [], count: horizons)
                guard y.count > minimumWindow else { continue }
                let windows = RollingOrigin.windows(count: y.count, origins: minimumWindow...(y.count - 1),
                                                    maximumHorizon: horizons, cutLengths: Array(cutLengths))
                for window in windows {
                    let history = Array(y[window.history])
                    // A window without a scale scores nothing: skip it before forecasting.
                    guard let scale = ForecastScale.of(history), let f = forecast(history, window.reach),
                          f.count == window.reach else { continue }
                    let positive = history.allSatisfy { $0 > 0 }
                    for h in 1...window.reach where f[h - 1].isFinite {
                        let actual = y[window.origin + h - 1], point = f[h - 1]
                        perHorizon[h - 1].append((actual - point) / scale)
                        if positive && actual > 0 && point > 0 {
                            perHorizonRelative[h - 1].append(Foundation.log(actual / point) / (scale / point))
                        }
                    }
                }
                for h in 0..<horizons {
                    if !perHorizon[h].isEmpty {
                        let weight = 1 / Double(perHorizon[h].count)
                        setAdditive[h] += perHorizon[h].map { ($0, weight) }
                        contributors[h] += 1
                    }
                    if !perHorizonRelative[h].isEmpty {
                        let weight = 1 / Double(perHorizonRelative[h].count)
                        setRelative[h] += perHorizonRelative[h].map { ($0, weight) }
                        relativeContributors[h] += 1
                    }
                }
            }
            for h in 0..<horizons {
                additive[h] += setAdditive[h].map { ($0.value, $0.weight / contributors[h]) }
                relative[h] += setRelative[h].map { ($0.value, $0.weight / relativeContributors[h]) }
            }
        }
        return IntervalCalibration(reference: reference,
                                   quantiles: additive.map { weightedQuantiles($0, at: IntervalCalibration.probabilities) },
                                   relative: relative.map { weightedQuantiles($0, at: IntervalCalibration.probabilities) })
    }

    /// Quantiles of weighted values, interpolating between the midpoints of each value's
    /// weight (the Hazen rule, weighted).
    static func weightedQuantiles(_ items: [(value: Double, weight: Double)], at probabilities: [Double]) -> [Double] {
        guard !items.isEmpty else { return probabilities.map { _ in .nan } }
        let sorted = items.sorted { $0.value < $1.value }
        let total = sorted.reduce(0) { $0 + $1.weight }
        var positions: [Double] = []
        var cumulative = 0.0
        for item in sorted {
            positions.append((cumulative + item.weight / 2) / total)
            cumulative += item.weight
        }
        return probabilities.map { p in
            if p <= positions[0] { return sorted[0].value }
            if p >= positions[positions.count - 1] { return sorted[sorted.count - 1].value }
            var lo = 0, hi = positions.count - 1
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if positions[mid] <= p { lo = mid } else { hi = mid }
            }
            let t = (p - positions[lo]) / (positions[hi] - positions[lo])
            return sorted[lo].value + t * (sorted[hi].value - sorted[lo].value)
        }
    }
}
