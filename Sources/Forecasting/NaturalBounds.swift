// The range a quantity takes by its nature, declared by the analyst: a share or a
// penetration in % lies within 0…100, a count never below 0. No point and no interval end
// of a forecast crosses it (issue 18: a share forecast at 113% is no forecast). The methods
// do not know such limits, so the forecast is held at the bound after it is made, and the
// holding is reported: where a path meets its bound, the statement a reader needs is "held
// at the declared bound", not a number the model never produced. The bound is the
// analyst's, and pages say so.
import Foundation
import MarketData

public struct NaturalBounds: Sendable, Equatable {
    public let floor: Double?
    public let ceiling: Double?

    /// nil for `nil, nil` (nothing declared); throws for a non-finite bound or a floor not
    /// below the ceiling.
    public init?(floor: Double?, ceiling: Double?) throws {
        guard floor != nil || ceiling != nil else { return nil }
        for bound in [floor, ceiling].compactMap({ $0 }) where !bound.isFinite {
            throw NaturalBoundsError.notFinite(bound)
        }
        if let floor, let ceiling, floor >= ceiling { throw NaturalBoundsError.emptyRange(floor: floor, ceiling: ceiling) }
        self.floor = floor
        self.ceiling = ceiling
    }

    /// `LOW,HIGH` as the command line writes it; either side may be empty (`0,`, `,100`).
    public static func parse(_ text: String) throws -> NaturalBounds {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2 else { throw NaturalBoundsError.notAPair(text) }
        func number(_ part: String) throws -> Double? {
            if part.isEmpty { return nil }
            guard let value = Double(part) else { throw NaturalBoundsError.notANumber(part) }
            return value
        }
        guard let bounds = try NaturalBounds(floor: try number(parts[0]), ceiling: try number(parts[1])) else {
            throw NaturalBoundsError.notAPair(text)
        }
        return bounds
    }

    public func contains(_ value: Double) -> Bool {
        (floor.map { value >= $0 } ?? true) && (ceiling.map { value <= $0 } ?? true)
    }

    /// `value` moved inside the bounds.
    public func hold(_ value: Double) -> Double {
        var held = value
        if let ceiling { held = min(held, ceiling) }
        if let floor { held = max(held, floor) }
        return held
    }

    /// "0–100", "≥ 0", "≤ 100": the range as pages and messages print it.
    public var description: String {
        switch (floor, ceiling) {
        case let (floor?, ceiling?): return "\(Self.format(floor))–\(Self.format(ceiling))"
        case let (floor?, nil): return "≥ \(Self.format(floor))"
        case let (nil, ceiling?): return "≤ \(Self.format(ceiling))"
        case (nil, nil): return ""
        }
    }

    static func format(_ value: Double) -> String { String(format: "%g", value) }
}

/// What holding a forecast inside its bounds did: the forecast years whose point or an
/// interval end met a bound (empty when nothing reached one).
public struct BoundsHolding: Sendable, Equatable {
    public var bounds: NaturalBounds
    public var heldYears: [Int]

    /// The warning for a forecast that met its bound; nil when none did.
    public var warning: ForecastWarning? {
        heldYears.first.map { .heldAtNaturalBounds(bounds, from: $0) }
    }
}

public enum NaturalBoundsError: Error, Equatable, CustomStringConvertible, Sendable {
    case notAPair(String)
    case notANumber(String)
    case notFinite(Double)
    case emptyRange(floor: Double, ceiling: Double)
    /// A value of the history lies outside the bounds declared for it.
    case historyOutside(year: Int, value: Double, bounds: String)

    public var description: String {
        switch self {
        case .notAPair(let text): return "bounds \"\(text)\" are not LOW,HIGH (e.g. 0,100 for a share in %, 0, for a floor alone)"
        case .notANumber(let text): return "bound \"\(text)\" is not a number"
        case .notFinite(let value): return "bound \(value) is not a finite number"
        case let .emptyRange(floor, ceiling): return "the floor \(NaturalBounds.format(floor)) is not below the ceiling \(NaturalBounds.format(ceiling))"
        case let .historyOutside(year, value, bounds):
            return "the \(year) value \(NaturalBounds.format(value)) lies outside the declared bounds \(bounds): correct the value or the bounds"
        }
    }
}

extension NaturalBounds {
    /// Checks that every value of the history (`years`, `values`) lies inside the bounds.
    public func checkHistory(years: [Int], values: [Double]) throws {
        for (year, value) in zip(years, values) where !contains(value) {
            throw NaturalBoundsError.historyOutside(year: year, value: value, bounds: description)
        }
    }

    /// Holds forecast arrays (one entry per year from `firstYear`) inside the bounds.
    public func hold(values: inout [Double], lower: inout [Double], upper: inout [Double], firstYear: Int) -> BoundsHolding {
        var held: [Int] = []
        for i in values.indices {
            let before = (values[i], lower[i], upper[i])
            values[i] = hold(values[i]); lower[i] = hold(lower[i]); upper[i] = hold(upper[i])
            if before != (values[i], lower[i], upper[i]) { held.append(firstYear + i) }
        }
        return BoundsHolding(bounds: self, heldYears: held)
    }
}

extension SeriesForecast {
    /// The forecast with its estimates held inside `bounds` (actuals are left as published;
    /// `checkHistory` refuses a history outside them).
    public func held(within bounds: NaturalBounds) -> (forecast: SeriesForecast, holding: BoundsHolding) {
        var copy = self
        var held: [Int] = []
        for index in copy.points.indices where copy.points[index].isEstimate {
            let before = copy.points[index]
            copy.points[index].value = bounds.hold(before.value)
            copy.points[index].lower = before.lower.map(bounds.hold)
            copy.points[index].upper = before.upper.map(bounds.hold)
            if copy.points[index] != before { held.append(before.year) }
        }
        let holding = BoundsHolding(bounds: bounds, heldYears: held)
        if let warning = holding.warning { copy.warnings.append(warning) }
        copy.bounds = bounds
        return (copy, holding)
    }
}

extension NaturalBounds {
    /// `forecast` of `series` held inside the bounds (`run`, `batch`): a published actual
    /// outside them is an error at its line, with `hint` saying where the bounds were set.
    public func hold(_ forecast: SeriesForecast, of series: MarketSeries, hint: String) throws -> SeriesForecast {
        if let outside = firstActualOutside(series, hint: hint) { throw outside }
        return forecast.held(within: self).forecast
    }

    /// The first actual of `series` outside the bounds, as the error at its line; nil when
    /// every actual lies inside. `check` lists it with the other problems; `run` and `batch`
    /// stop on it (through `hold`).
    public func firstActualOutside(_ series: MarketSeries, hint: String) -> Diagnostic? {
        guard let outside = series.actuals.first(where: { !contains($0.value) }) else { return nil }
        return Diagnostic(file: series.file, line: outside.line,
                          "the \(outside.year) value \(Self.format(outside.value)) of series `\(series.id)` lies outside the declared bounds \(description)",
                          hint: hint)
    }

    /// The hint for an actual outside bounds declared in report.yaml.
    public static let reportConfigHint = "correct the value, or the series' `bounds` in the report config"
}
