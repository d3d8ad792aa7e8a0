import Foundation
import MarketData

/// Compound annual growth rate, the number every consulting chart puts on its arrows.
public enum CAGR {
    /// `(end / start)^(1 / years) − 1`, or nil when it is undefined: a non-positive start
    /// or end value (a rate through zero has no meaning) or a span of no years.
    public static func rate(from start: Double, to end: Double, years: Int) -> Double? {
        guard years > 0, start > 0, end > 0, start.isFinite, end.isFinite else { return nil }
        return pow(end / start, 1 / Double(years)) - 1
    }
}

/// One end of a growth rate: a figure and, when the publisher gave only a bound, which side
/// of it the true value lies on. A forecast's point value is a figure without a bound.
public struct GrowthEnd: Sendable, Equatable {
    public var value: Double
    public var bound: ObservationBound?
    public init(_ value: Double, bound: ObservationBound? = nil) { self.value = value; self.bound = bound }

    /// The values the true figure may take: [v, v] exact, [v, ∞) a lower bound, (0, v] an upper one.
    var possible: (low: Double, high: Double) {
        switch bound {
        case nil: return (value, value)
        case .lower: return (value, .infinity)
        case .upper: return (0, value)
        }
    }
}

/// What a growth rate between two figures can claim when either end is only a bound.
///
/// The rule (docs/user-guide.md, "Bounds"): a CAGR `(E/S)^(1/n) − 1` rises with the end E and falls with
/// the start S, so over every value each end may take it runs from `(E_low/S_high)^(1/n) − 1`
/// to `(E_high/S_low)^(1/n) − 1`. A lower bound has no upper limit and an upper bound no lower
/// one (other than zero), so:
/// - two exact figures give the rate itself;
/// - an exact (or upper-bounded) start and a lower-bounded end give **at least** a rate;
/// - a lower-bounded start and an exact (or upper-bounded) end give **at most** a rate;
/// - two lower bounds (or two upper bounds) give **nothing**: the start may be far above its
///   bound (any rate down to −100%) and the end too (any rate up). "17.4% from 超过7,258 to
///   超过10,000" is not a fact, and no page may print it as one.
/// Both limits exist only when each end is known on the side the formula needs; with the
/// one-sided bounds the datasets hold, that means two exact figures, so `range` is kept for
/// figures known on both sides and never arises from today's inputs.
public enum BoundedGrowth: Sendable, Equatable {
    case exact(Double)
    case atLeast(Double)
    case atMost(Double)
    case range(Double, Double)
    /// Nothing certain follows (both ends bounded on the same side).
    case undetermined

    /// The rate between `start` and `end`, `years` apart; nil when a figure is not positive
    /// or the span is empty (as `CAGR.rate`).
    public static func between(_ start: GrowthEnd, _ end: GrowthEnd, years: Int) -> BoundedGrowth? {
        guard CAGR.rate(from: start.value, to: end.value, years: years) != nil else { return nil }
        let s = start.possible, e = end.possible
        // The least the rate can be: the smallest end over the largest start.
        let least: Double? = s.high.isFinite && e.low > 0 ? CAGR.rate(from: s.high, to: e.low, years: years) : nil
        // The most it can be: the largest end over the smallest start.
        let most: Double? = e.high.isFinite && s.low > 0 ? CAGR.rate(from: s.low, to: e.high, years: years) : nil
        switch (least, most) {
        case let (low?, high?): return low == high ? .exact(low) : .range(low, high)
        case let (low?, nil): return .atLeast(low)
        case let (nil, high?): return .atMost(high)
        case (nil, nil): return .undetermined
        }
    }

    public var isExact: Bool { if case .exact = self { return true }; return false }

    /// The rate a chart or CSV may store: the exact rate, or the limit a page quotes.
    public var quotedRate: Double? {
        switch self {
        case .exact(let r), .atLeast(let r), .atMost(let r): return r
        case .range, .undetermined: return nil
        }
    }
}

extension SeriesForecast {
    /// The growth from `startYear` to `endYear` as the figures allow: an actual year carries
    /// its published bound from `series`, an estimate is a value. nil when a year is missing.
    public func boundedGrowth(from startYear: Int, to endYear: Int, series: MarketSeries) -> BoundedGrowth? {
        func end(_ year: Int) -> GrowthEnd? {
            guard let point = points.first(where: { $0.year == year }) else { return nil }
            let bound = point.isEstimate ? nil : series.observation(forYear: year)?.bound
            return GrowthEnd(point.value, bound: bound)
        }
        guard let start = end(startYear), let finish = end(endYear) else { return nil }
        return BoundedGrowth.between(start, finish, years: endYear - startYear)
    }
}
