// What the data cannot pin down in a catalog fit, as values: callers act on the kind (drop
// the ceiling warnings when the analyst fixed the ceiling, leave an undetermined model out
// of `curves`), and the text a reader sees is the description.
import Foundation
import Numerics

public enum IdentifiabilityIssue: Sendable, Equatable, CustomStringConvertible {
    /// The inflection lies after the last observation: the ceiling is extrapolated.
    case inflectionBeyondData(ceiling: String, value: Double, inflection: Double, lastX: Double)
    /// The ceiling is over 1000× the largest observation: no sign of saturation at all.
    case ceilingRunsOff(ceiling: String, value: Double, ratio: Double)
    /// The ceiling is 10–1000× the largest observation: a guess.
    case ceilingIsAGuess(ceiling: String, value: Double, ratio: Double)
    /// A parameter's standard error is over half its value.
    case poorlyDetermined(parameter: String, value: Double, relativeError: Double)

    /// About the ceiling parameter (moot when the analyst sets the ceiling).
    public var concernsCeiling: Bool {
        switch self {
        case .inflectionBeyondData, .ceilingRunsOff, .ceilingIsAGuess: return true
        case .poorlyDetermined: return false
        }
    }

    /// The model's parameters are not determined by the data (model selection prefers
    /// models whose parameters are).
    public var leavesModelUndetermined: Bool {
        if case .inflectionBeyondData = self { return true }
        return false
    }

    public var description: String {
        let f = GrowthFit.format
        switch self {
        case let .inflectionBeyondData(name, value, inflection, lastX):
            return "the data have not reached the inflection point (at x ≈ \(f(inflection)), last observation \(f(lastX))): the ceiling \(name) = \(f(value)) is not pinned down by the data"
        case let .ceilingRunsOff(name, value, ratio):
            return "the ceiling \(name) runs off to \(f(value)) (\(f(ratio))× the largest observation): the data show no sign of saturation, so this model does not describe them"
        case let .ceilingIsAGuess(name, value, ratio):
            return "the ceiling \(name) = \(f(value)) is \(f(ratio))× the largest observation: the series is still in its early, near-exponential phase, so the ceiling is a guess"
        case let .poorlyDetermined(name, value, relative):
            // The ratio can be astronomically large (a parameter estimated near zero); it is
            // printed, never converted to an integer.
            let percent = relative * 100 < 1e6 ? String(format: "%.0f%%", relative * 100) : "more than 1,000,000%"
            return "\(name) = \(f(value)) has a standard error of \(percent) of its value: poorly determined by the data"
        }
    }
}
