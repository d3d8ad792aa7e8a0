// `auto` and the named yearly methods, from consecutive yearly values to point forecasts
// with calibrated intervals.
//
// `auto` is a combination: the median, year by year, of four trend extrapolations —
// the straight line (drift) and constant growth (drift on the log scale), each also
// damped (damped-trend exponential smoothing, additive and on the log scale). Combining
// diverse methods beats choosing one (M-competitions; Makridakis et al. 2020), and the
// median is robust to the one member that runs away. The pool was chosen once on the M1
// yearly series for the whole set (docs/methods.md, "How auto forecasts"), never per series.
// Members that the series cannot support (the damped trend needs five values, log-scale
// members positive values) are left out and the label says which remained. The logistic
// curve joins where the data bend (BentCurve).
import Foundation
import Numerics

public enum YearlyModel: Sendable, Equatable {
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
}

/// One member of a combination: its forecasts and, per year, its weight in the combined
/// value (for a median of four, the two middle members weigh ½ each that year).
public struct CombinationMember: Sendable, Equatable {
    /// `drift`, `damped`, … or `logistic` for the growth curve that joins when the data bend.
    public var name: String
    /// One line a reader understands, in English.
    public var summary: String
    public var values: [Double]
    public var weights: [Double]
}

public struct YearlyForecast: Sendable {
    /// What produced the values: `combination(drift,damped,drift-log,damped-log)` or a method name.
    public var label: String
    public var values: [Double]
    public var lower: [Double]
    public var upper: [Double]
    public var level: Double
    /// The members of `auto`'s combination (one entry for a single method).
    public var members: [CombinationMember]
    /// The series' error scale (mean absolute yearly change); nil for a constant series.
    public var scale: Double?
    /// How the interval was made, in one sentence.
    public var intervalMethod: String
    public var warnings: [String]
}

public enum YearlyForecaster {
    public static let pool: [YearlyMethod] = [.drift, .damped, .driftLog, .dampedLog]

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
        let pointsOnly = try pointForecasts(values, model: model, horizon: horizon)
        var warnings = pointsOnly.warnings
        let combined = pointsOnly.combined
        let names = pointsOnly.members.map(\.name)
        let label = model == .auto ? "combination(\(names.joined(separator: ",")))" : names[0]
        let calibration = ReferenceCalibration.table(for: model)
        let scale = ForecastScale.of(values)
        var points = combined, lower = combined, upper = combined
        if let scale {
            for h in 1...horizon {
                let band = calibration.interval(forecast: combined[h - 1], horizon: h, scale: scale, level: level)
                lower[h - 1] = band.lower
                upper[h - 1] = band.upper
            }
        } else {
            warnings.append("the series never changes, so no error scale can be read from it: the interval has zero width and says nothing about uncertainty")
        }
        if horizon > IntervalCalibration.horizons {
            warnings.append("intervals beyond \(IntervalCalibration.horizons) years ahead are extrapolated (growing in proportion to the horizon), not measured")
        }
        if positive {
            // A positive quantity is never forecast below zero.
            for h in 0..<horizon {
                points[h] = max(points[h], 0)
                lower[h] = max(lower[h], 0)
                upper[h] = max(upper[h], 0)
            }
        }
        guard points.allSatisfy(\.isFinite), lower.allSatisfy(\.isFinite), upper.allSatisfy(\.isFinite) else {
            throw YearlyForecastError.notFiniteForecast(label)
        }
        let percent = String(format: "%g", level * 100)
        let intervalMethod = "\(percent)% interval from out-of-sample errors: quantiles, per horizon, of \(model.name)'s rolling-origin forecast errors on \(calibration.reference), in units of the series' mean absolute yearly change"
        return YearlyForecast(label: label, values: points, lower: lower, upper: upper, level: level,
                              members: pointsOnly.members,
                              scale: scale, intervalMethod: intervalMethod, warnings: warnings)
    }

    /// The point forecasts alone (no interval): what the calibration measures errors of.
    public static func pointForecasts(_ values: [Double], model: YearlyModel, horizon: Int) throws
        -> (combined: [Double], members: [CombinationMember], warnings: [String]) {
        let positive = values.allSatisfy { $0 > 0 }
        var warnings: [String] = []
        let members: [YearlyMethod]
        switch model {
        case .method(let method):
            members = [method]
        case .auto:
            guard values.count >= 2 else { throw YearlyForecastError.tooShort(values.count) }
            members = pool.filter { values.count >= $0.minimumPoints && (positive || !$0.onLogScale) }
            let left = pool.filter { !members.contains($0) }
            if !left.isEmpty {
                let why = positive ? "\(YearlyMethod.damped.minimumPoints) or more values are needed for the damped trend"
                                   : "the log-scale members need positive values"
                warnings.append("auto combines \(members.map(\.rawValue).joined(separator: ", ")) only: \(why)")
            }
        }
        var forecasts: [[Double]] = []
        var names = members.map(\.rawValue), summaries = members.map(\.summary)
        for method in members {
            forecasts.append(try method.forecast(values, horizon: horizon))
        }
        if model == .auto, let curve = BentCurve.logisticForecast(values, horizon: horizon) {
            forecasts.append(curve)
            names.append(GrowthModelKind.logistic.rawValue)
            summaries.append("logistic growth curve: joins because the data have passed their inflection point")
        }
        let (combined, weights) = median(forecasts, horizon: horizon)
        let list = forecasts.indices.map {
            CombinationMember(name: names[$0], summary: summaries[$0], values: forecasts[$0], weights: weights[$0])
        }
        return (combined, list, warnings)
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
