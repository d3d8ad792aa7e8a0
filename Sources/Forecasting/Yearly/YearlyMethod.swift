// The extrapolation methods that win on yearly data (M1, M3, M4): each takes the values of
// consecutive years and returns point forecasts for the next h years. They are the members
// of `auto`'s combination and can be asked for by name (`--model drift`).
//
// A `-log` method runs on log(y) and maps back with exp: constant growth instead of
// constant change. Those apply to positive series only.
import Foundation

public enum YearlyMethod: String, CaseIterable, Sendable {
    case naive
    case drift
    case ses
    case theta
    case damped
    case driftLog = "drift-log"
    case thetaLog = "theta-log"
    case dampedLog = "damped-log"

    /// The method on the original scale, for a `-log` method.
    var base: YearlyMethod {
        switch self {
        case .driftLog: return .drift
        case .thetaLog: return .theta
        case .dampedLog: return .damped
        default: return self
        }
    }

    public var onLogScale: Bool { base != self }

    /// Fewest consecutive values the method can be fitted to. The damped trend estimates
    /// three smoothing parameters from the one-step errors, so it needs two more.
    public var minimumPoints: Int {
        switch base {
        case .naive: return 1
        case .drift, .ses: return 2
        case .theta: return 3
        case .damped: return 5
        default: return 2
        }
    }

    /// One line a reader understands, in English.
    public var summary: String {
        let scale = onLogScale ? " on the log scale (constant growth)" : ""
        switch base {
        case .naive: return "last value carried forward"
        case .drift: return "random walk with drift: the average yearly change since the first year continues" + scale
        case .ses: return "simple exponential smoothing (level only)"
        case .theta: return "Theta method: exponential smoothing of the level plus half the linear trend" + scale
        case .damped: return "damped-trend exponential smoothing (Gardner–McKenzie), fitted to the one-step errors" + scale
        default: return rawValue
        }
    }

    /// Point forecasts 1…horizon years after the last of `values` (consecutive years).
    public func forecast(_ values: [Double], horizon: Int) throws -> [Double] {
        guard values.count >= minimumPoints else {
            throw YearlyMethodError.tooFewPoints(method: rawValue, needs: minimumPoints, has: values.count)
        }
        guard horizon >= 1 else { return [] }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw YearlyMethodError.notFinite(method: rawValue, index: bad)
        }
        guard onLogScale else { return try base.forecastOriginalScale(values, horizon: horizon) }
        guard values.allSatisfy({ $0 > 0 }) else { throw YearlyMethodError.notPositive(method: rawValue) }
        let logs = try base.forecastOriginalScale(values.map { Foundation.log($0) }, horizon: horizon)
        return logs.map { Foundation.exp($0) }
    }

    private func forecastOriginalScale(_ y: [Double], horizon: Int) throws -> [Double] {
        switch self {
        case .naive: return RandomWalk.naive(y, horizon: horizon)
        case .drift: return RandomWalk.drift(y, horizon: horizon)
        case .ses: return try SimpleExponentialSmoothing.fit(y).forecast(horizon: horizon)
        case .theta: return try ThetaMethod.forecast(y, horizon: horizon)
        case .damped: return try DampedTrend.fit(y).forecast(horizon: horizon)
        default: return try base.forecastOriginalScale(y, horizon: horizon)
        }
    }
}

public enum YearlyMethodError: Error, CustomStringConvertible, Equatable, Sendable {
    case tooFewPoints(method: String, needs: Int, has: Int)
    case notFinite(method: String, index: Int)
    case notPositive(method: String)
    case fitFailed(method: String, reason: String)

    public var description: String {
        switch self {
        case let .tooFewPoints(method, needs, has):
            return "\(method) needs at least \(needs) consecutive yearly values, the series has \(has)"
        case let .notFinite(method, index):
            return "\(method): value \(index + 1) is not a finite number"
        case let .notPositive(method):
            return "\(method) works on the log scale and needs every value to be positive"
        case let .fitFailed(method, reason):
            return "\(method) could not be fitted: \(reason)"
        }
    }
}
