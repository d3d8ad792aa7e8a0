// Prediction intervals from out-of-sample errors (split-conformal with a per-series scale).
//
// Model-based intervals are far too narrow on yearly data: they assume the model is right.
// Instead, the errors a method actually made are measured once on a reference set of real
// yearly series — at rolling origins inside their histories, h = 1…10 years ahead — each
// divided by its series' scale (the mean absolute yearly change of the history the forecast
// saw, the MASE scale). Their quantiles per horizon are shipped as data
// (`ReferenceCalibration`); a new series' interval at horizon h is
//
//   [ F + q_h(p) · s,  F + q_h(1 − p) · s ],  p = (1 − level) / 2,
//
// with s the series' own scale. Errors in scale units travel between series of any size
// and any length, including the 5–8 points of a market series, where the series' own
// rolling errors would be far too few. Beyond the calibrated horizons the quantiles grow in
// proportion to h (trend errors grow about linearly with the horizon on yearly data).
import Foundation

public struct IntervalCalibration: Sendable, Equatable {
    /// The probabilities at which quantiles are stored, ascending.
    public static let probabilities: [Double] = (1...199).map { Double($0) / 200 }
    public static let horizons = 10

    /// What the errors were measured on, for the methodology text.
    public var reference: String
    /// quantiles[h − 1][k]: the `probabilities[k]` quantile of (actual − forecast) / scale
    /// at horizon h.
    public var quantiles: [[Double]]

    public init(reference: String, quantiles: [[Double]]) {
        self.reference = reference
        self.quantiles = quantiles
    }

    /// Levels the table can serve: the tails it stores.
    public static let levelRange: ClosedRange<Double> = 0.01...0.99

    /// The scaled error quantile at probability `p` and horizon `h` (h ≥ 1).
    public func quantile(_ p: Double, horizon h: Int) -> Double {
        let probabilities = Self.probabilities
        let calibrated = min(max(h, 1), quantiles.count)
        let row = quantiles[calibrated - 1]
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
        return h > quantiles.count ? value * Double(h) / Double(quantiles.count) : value
    }

    /// The interval around `forecast` at horizon h for a series of scale `scale`. Each end
    /// stays on its side of the point: at a narrow level both error quantiles can lie on one
    /// side of zero (the method's errors lean one way), and an interval that leaves out its
    /// own point would say nothing a reader can use; there the interval starts at the point.
    public func interval(forecast: Double, horizon h: Int, scale: Double, level: Double) -> (lower: Double, upper: Double) {
        let p = (1 - level) / 2
        return (forecast + min(quantile(p, horizon: h), 0) * scale, forecast + max(quantile(1 - p, horizon: h), 0) * scale)
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

/// Learns an `IntervalCalibration` from reference series: every series contributes its
/// rolling-origin errors (windows of at least `minimumWindow` values, forecasts 1…10 years
/// ahead, as far as its history reaches), each series with the same total weight at each
/// horizon, so long series do not outvote short ones.
public enum CalibrationLearner {
    public static let minimumWindow = 4

    public static func learn(series: [[Double]], reference: String,
                             forecast: ([Double], Int) -> [Double]?) -> IntervalCalibration {
        let horizons = IntervalCalibration.horizons
        var scores = [[(value: Double, weight: Double)]](repeating: [], count: horizons)
        for y in series {
            var perHorizon = [[Double]](repeating: [], count: horizons)
            guard y.count > minimumWindow else { continue }
            for origin in minimumWindow..<y.count {
                let window = Array(y[0..<origin])
                let reach = min(horizons, y.count - origin)
                guard let scale = ForecastScale.of(window), let f = forecast(window, reach), f.count == reach else { continue }
                for h in 1...reach where f[h - 1].isFinite {
                    perHorizon[h - 1].append((y[origin + h - 1] - f[h - 1]) / scale)
                }
            }
            for h in 0..<horizons where !perHorizon[h].isEmpty {
                let weight = 1 / Double(perHorizon[h].count)
                scores[h] += perHorizon[h].map { ($0, weight) }
            }
        }
        let quantiles = scores.map { weightedQuantiles($0, at: IntervalCalibration.probabilities) }
        return IntervalCalibration(reference: reference, quantiles: quantiles)
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
