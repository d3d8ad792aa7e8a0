// `auto` and the named yearly methods, from consecutive yearly values to point forecasts
// with calibrated intervals.
//
// `auto` is a combination: the median, year by year, of six extrapolations — the last
// value (naive), simple exponential smoothing, the straight line (drift), the damped trend,
// and constant growth on the log scale (drift-log) and Theta on the log scale. Combining
// diverse methods beats choosing one (M-competitions; Makridakis et al. 2020), and the
// median is robust to the one member that runs away. One rule adapts the pool to the
// series: where a positive series has grown steadily (its mean yearly log change exceeds
// their standard deviation), the two members that carry no trend (naive, ses) leave, since
// a steady trend is what they cannot see. The pool, the aggregation and that rule were
// chosen once, by cross-validation over the training windows of the M1 and M3 yearly
// series together (full histories and windows cut to 5–8 values; bench/accuracy/choose_pool.py,
// docs/methods.md "How auto forecasts"), never per series and never on the test years.
// Members the series cannot support (the damped trend needs five values, log-scale members
// positive values) are left out and the warning says which remained.
import Foundation
import Numerics

public enum YearlyModel: Sendable, Hashable {
    case auto
    case method(YearlyMethod)

    public var name: String {
        switch self {
        case .auto: return "auto"
        case .method(let method): return method.rawValue
        }
    }

    /// `auto` or a method name; nil for anything else (a growth curve, a formula).
    public init?(name: String) {
        let text = name.trimmingCharacters(in: .whitespaces).lowercased()
        if text == "auto" { self = .auto; return }
        guard let method = YearlyMethod(rawValue: text) else { return nil }
        self = .method(method)
    }

    /// `auto`, then every method: the models the calibration serves.
    public static var all: [YearlyModel] { [.auto] + YearlyMethod.allCases.map { .method($0) } }
}

/// One member of a combination: the method, its forecasts and, per year, its weight in the
/// combined value (for a median of six, the two middle members weigh ½ each that year).
public struct CombinationMember: Sendable, Equatable {
    public var method: YearlyMethod
    public var values: [Double]
    public var weights: [Double]

    /// The method's name (`drift`, `damped`, …).
    public var name: String { method.rawValue }
    /// One line a reader understands, in English.
    public var summary: String { method.summary }
}

/// `auto`'s forecast as a value: the members it combined, each with its forecasts and
/// weights, and the pool members the series could not support. Text is made from it only
/// where it is shown (`label`).
public struct Combination: Sendable, Equatable {
    public var members: [CombinationMember]
    /// Pool members left out (too few values, or values not positive).
    public var leftOut: [YearlyMethod]
    /// The series grew steadily, so the members without trend (naive, ses) left the pool
    /// (`YearlyForecaster.growsSteadily`); they are not in `leftOut`, which lists what the
    /// series could not support.
    public var steadyGrowth: Bool = false

    /// The text forecasts.csv, `fit` and the manifest print: `combination(naive,drift,…)`.
    public var label: String { Self.label(members) }

    public static func label(_ members: [CombinationMember]) -> String {
        "combination(" + members.map(\.name).joined(separator: ",") + ")"
    }
}

public struct YearlyForecast: Sendable {
    public var model: YearlyModel
    /// `auto`'s members; nil for a single method.
    public var combination: Combination?
    public var values: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var level: Double
    /// The series' error scale (mean absolute yearly change); nil for a constant series.
    public var scale: Double?
    /// How the interval was made, in one sentence.
    public var intervalMethod: String
    public var warnings: [ForecastWarning]

    /// The members behind the values: `auto`'s, or the one method with weight 1.
    public var members: [CombinationMember] {
        if let combination { return combination.members }
        guard case .method(let method) = model else { return [] }
        return [CombinationMember(method: method, values: values, weights: values.map { _ in 1 })]
    }

    /// What produced the values, as printed: `combination(…)` or the method's name.
    public var label: String { combination?.label ?? model.name }
}

/// The point forecasts of a model before any interval: the combined path and, for `auto`,
/// its combination.
public struct PointForecast: Sendable {
    public var values: [Double]
    public var combination: Combination?
    public var warnings: [ForecastWarning]
}

public enum YearlyForecaster {
    /// `auto`'s pool, in the order members are listed.
    public static let pool: [YearlyMethod] = [.naive, .ses, .drift, .damped, .driftLog, .thetaLog]

    /// The members that carry no trend: they leave the pool of a steadily growing series.
    public static let levelMembers: [YearlyMethod] = [.naive, .ses]

    /// A positive series has grown steadily when the mean of its yearly log changes exceeds
    /// their standard deviation (n − 1 in the denominator; a single change counts as steady
    /// when it is a rise): the trend is clearer than the noise around it. The threshold, 1,
    /// is the natural one and sits inside the flat optimum of the cross-validation
    /// (thresholds 0.75–1.25 score within 0.02 sMAPE of each other); it was not tuned further.
    public static func growsSteadily(_ values: [Double]) -> Bool {
        guard values.count >= 2, values.allSatisfy({ $0 > 0 && $0.isFinite }) else { return false }
        var changes: [Double] = []
        changes.reserveCapacity(values.count - 1)
        for i in 1..<values.count { changes.append(Foundation.log(values[i] / values[i - 1])) }
        let mean = changes.reduce(0, +) / Double(changes.count)
        let squares = changes.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let deviation = (squares / Double(max(changes.count - 1, 1))).squareRoot()
        return mean > deviation
    }

    /// A positive series is never forecast below this fraction of its smallest value: a
    /// positive quantity's point stays positive, so its interval can be made on the
    /// relative scale around it.
    public static let positiveFloorFraction = 0.01

    /// Forecasts 1…horizon years after the last of `values`, which are consecutive years.
    public static func forecast(_ values: [Double], model: YearlyModel, horizon: Int, level: Double) throws -> YearlyForecast {
        guard horizon >= 1 else { throw YearlyForecastError.noHorizon }
        guard IntervalCalibration.levelRange.contains(level) else {
            throw YearlyForecastError.levelOutOfRange(level)
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw YearlyForecastError.notFinite(index: bad)
        }
        let positive = values.allSatisfy { $0 > 0 }
        let point = try pointForecasts(values, model: model, horizon: horizon)
        var warnings = point.warnings
        let calibration = ReferenceCalibration.table(for: model)
        let scale = ForecastScale.of(values)
        let points = point.values
        var lower = points, upper = points
        if let scale {
            // The relative lower end can underflow to zero far below a tiny point: it never
            // goes below the positive floor (or the point, when that is lower).
            let floor = positive ? (values.min() ?? 0) * positiveFloorFraction : -Double.infinity
            for h in 1...horizon {
                let band = calibration.interval(forecast: points[h - 1], horizon: h, scale: scale, level: level,
                                                positive: positive)
                lower[h - 1] = max(band.lower, min(floor, points[h - 1]))
                upper[h - 1] = band.upper
            }
        } else {
            warnings.append(.constantSeries)
        }
        if horizon > IntervalCalibration.horizons {
            warnings.append(.intervalsExtrapolated(beyond: IntervalCalibration.horizons))
        }
        let label = point.combination?.label ?? model.name
        guard points.allSatisfy(\.isFinite), lower.allSatisfy(\.isFinite), upper.allSatisfy(\.isFinite) else {
            throw YearlyForecastError.notFiniteForecast(label)
        }
        let percent = String(format: "%g", level * 100)
        let shape = positive
            ? "below the forecast as a relative (log-scale) error, so it never reaches zero, above it as a multiple of the series' mean absolute yearly change"
            : "in units of the series' mean absolute yearly change"
        let intervalMethod = "\(percent)% interval from out-of-sample errors: quantiles, per horizon, of \(model.name)'s rolling-origin forecast errors on \(calibration.reference), \(shape)"
        return YearlyForecast(model: model, combination: point.combination, values: points, lower: lower, upper: upper,
                              level: level, scale: scale, intervalMethod: intervalMethod, warnings: warnings)
    }

    /// The point forecasts alone (no interval): what the calibration measures errors of.
    public static func pointForecasts(_ values: [Double], model: YearlyModel, horizon: Int) throws -> PointForecast {
        let positive = values.allSatisfy { $0 > 0 }
        var warnings: [ForecastWarning] = []
        var combined: [Double]
        var combination: Combination?
        switch model {
        case .method(let method):
            combined = try method.forecast(values, horizon: horizon)
        case .auto:
            guard values.count >= 2 else { throw YearlyForecastError.tooShort(values.count) }
            let steady = growsSteadily(values)
            let candidates = steady ? pool.filter { !levelMembers.contains($0) } : pool
            let members = candidates.filter { values.count >= $0.minimumPoints && (positive || !$0.onLogScale) }
            let left = candidates.filter { !members.contains($0) }
            if !left.isEmpty {
                let tooShort = left.contains { values.count < $0.minimumPoints }
                warnings.append(.partialPool(members: members, needsPositive: !positive,
                                             needsPoints: tooShort ? YearlyMethod.damped.minimumPoints : nil))
            }
            let forecasts = try members.map { try $0.forecast(values, horizon: horizon) }
            let (median, weights) = median(forecasts, horizon: horizon)
            combined = median
            combination = Combination(members: members.indices.map {
                CombinationMember(method: members[$0], values: forecasts[$0], weights: weights[$0])
            }, leftOut: left, steadyGrowth: steady)
        }
        if positive, let smallest = values.min() {
            // A positive quantity is never forecast at or below zero.
            let floor = smallest * positiveFloorFraction
            combined = combined.map { $0.isFinite ? max($0, floor) : $0 }
        }
        return PointForecast(values: combined, combination: combination, warnings: warnings)
    }

    /// The median of the members' forecasts each year, and each member's weight in it.
    static func median(_ forecasts: [[Double]], horizon: Int) -> ([Double], [[Double]]) {
        let k = forecasts.count
        var combined = [Double](repeating: 0, count: horizon)
        var weights = [[Double]](repeating: [Double](repeating: 0, count: horizon), count: k)
        for h in 0..<horizon {
            let order = (0..<k).sorted { forecasts[$0][h] < forecasts[$1][h] || (forecasts[$0][h] == forecasts[$1][h] && $0 < $1) }
            if k % 2 == 1 {
                combined[h] = forecasts[order[k / 2]][h]
                weights[order[k / 2]][h] = 1
            } else {
                let a = order[k / 2 - 1], b = order[k / 2]
                combined[h] = (forecasts[a][h] + forecasts[b][h]) / 2
                weights[a][h] = 0.5
                weights[b][h] = 0.5
            }
        }
        return (combined, weights)
    }
}

public enum YearlyForecastError: Error, CustomStringConvertible, Equatable, Sendable {
    case noHorizon
    case levelOutOfRange(Double)
    case notFinite(index: Int)
    case tooShort(Int)
    case notFiniteForecast(String)

    public var description: String {
        switch self {
        case .noHorizon: return "nothing to forecast: the horizon is not after the last value"
        case .levelOutOfRange(let level):
            return "interval level \(level) is outside \(IntervalCalibration.levelRange.lowerBound)…\(IntervalCalibration.levelRange.upperBound), the range the calibrated intervals serve"
        case .notFinite(let index): return "value \(index + 1) is not a finite number"
        case .tooShort(let count): return "auto needs at least 2 consecutive yearly values, the series has \(count)"
        case .notFiniteForecast(let label): return "\(label) gives a forecast that is not a finite number (the values are too large to extrapolate)"
        }
    }
}
