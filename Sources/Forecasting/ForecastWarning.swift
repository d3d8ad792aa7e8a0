// What a forecast warns about, as values with cases: a caller can act on the case (batch
// counts them, the pages choose what to say), and the English words the terminal, the logs
// and the CSVs print are the description, made here once.
import Foundation
import MarketData
import Numerics

public enum ForecastWarning: Sendable, Equatable, CustomStringConvertible {
    /// Years missing from the history, filled by interpolation for the fit only.
    case gapsFilled(years: [Int])
    /// The curve's solver stopped without converging; `reason` says which limit.
    case notConverged(reason: String)
    /// A warning of the least-squares fit behind a curve.
    case fit(FitWarning)
    /// A curve parameter the data cannot pin down.
    case identifiability(IdentifiabilityIssue)
    /// The fit to published bounds (CensoredFit) was still moving when its rounds ran out.
    case censoredFitUnsettled(rounds: Int)
    /// The fitted years include published bounds of this kind (lower: "超过…").
    case publishedBounds(ObservationBound, years: [Int], censored: Bool)
    /// The forecast met the analyst's declared natural bounds from `year` on.
    case heldAtNaturalBounds(NaturalBounds, from: Int)
    /// A constant series: no error scale, so a zero-width interval.
    case constantSeries
    /// The horizon runs past the calibrated horizons.
    case intervalsExtrapolated(beyond: Int)
    /// `auto` combined fewer members than its pool: the series could not support the rest.
    case partialPool(members: [YearlyMethod], needsPositive: Bool, needsPoints: Int?)

    public var description: String {
        switch self {
        case .gapsFilled(let years):
            return "\(GapFilling.describe(years)) missing: filled by interpolation for the fit only"
        case .notConverged(let reason):
            return "the fit did not converge: \(reason)"
        case .fit(let warning):
            return warning.description
        case .identifiability(let issue):
            return issue.description
        case .censoredFitUnsettled(let rounds):
            return "the fit to the published bounds still moved after \(rounds) rounds; the path may lie slightly off the bound"
        case let .publishedBounds(kind, years, censored):
            return Self.publishedBoundsText(kind, years: years, censored: censored)
        case let .heldAtNaturalBounds(bounds, first):
            return "the forecast meets the declared bounds \(bounds.description) from \(first): points and interval ends there are held at the bound (declared by the analyst, not fitted)"
        case .constantSeries:
            return "the series never changes, so no error scale can be read from it: the interval has zero width and says nothing about uncertainty"
        case .intervalsExtrapolated(let horizons):
            return "intervals beyond \(horizons) years ahead are extrapolated (growing in proportion to the horizon), not measured"
        case let .partialPool(members, needsPositive, needsPoints):
            var why: [String] = []
            if needsPositive { why.append("the log-scale members need positive values") }
            if let needsPoints { why.append("\(needsPoints) or more values are needed for the damped trend") }
            return "auto combines \(members.map(\.rawValue).joined(separator: ", ")) only: \(why.joined(separator: "; "))"
        }
    }

    /// Published bounds of one kind, naming the years (they are also printed on the chart's
    /// note, so the words say what follows for the reader).
    private static func publishedBoundsText(_ kind: ObservationBound, years: [Int], censored: Bool) -> String {
        let list = years.map(String.init).joined(separator: ", ")
        if censored {
            let side = kind == .lower ? "above" : "below"
            return "\(list) \(years.count == 1 ? "is a published \(kind.rawValue) bound" : "are published \(kind.rawValue) bounds"): fitted as censored observations (a path \(side) a bound costs nothing), so the path is not pulled onto them"
        }
        switch kind {
        case .lower:
            return "\(list) \(years.count == 1 ? "is a published lower bound" : "are published lower bounds") (the true value is higher): fitted at the bound, so the path and its interval are the least the data support"
        case .upper:
            return "\(list) \(years.count == 1 ? "is a published upper bound" : "are published upper bounds") (the true value is lower): fitted at the bound, so the path and its interval are the most the data support"
        }
    }
}
