// The publishers' consensus as a path, and a base case declared as a weighted mix of the
// statistical trend and that consensus (issue 19, "a declared base case").
//
// Why a consensus path at all: a series published only as lower bounds carries no
// information about how far above them the market lies, so any trend fitted to it is a
// floor. The publishers' own forecasts of the same series are what the market's
// participants expect; set beside the trend (and, where the analyst declares it, weighted
// into the base case) they make the spread a client reads first.
//
// How the path is built, and only from published figures:
// - its start is the latest published level of the series' own definition for the last
//   actual year or later (the tightest bound when several sources give that year); without
//   one it starts from the last actual;
// - from there it grows at the mean of the published compound growth rates of the series
//   (each publisher's rate weighted equally; a rate of a narrower definition is compared
//   as a rate only, never as a level, as the published-forecasts table says);
// - years between the last actual and a later start are filled at the constant growth
//   that joins them.
import Foundation
import MarketData

/// A published level forecast of the series' own definition.
public struct PublishedLevel: Sendable, Equatable {
    public var year: Int
    public var value: Double
    public var bound: ObservationBound?
    public var publisher: String
    public init(year: Int, value: Double, bound: ObservationBound?, publisher: String) {
        self.year = year; self.value = value; self.bound = bound; self.publisher = publisher
    }
}

/// A published compound annual growth rate (0.321 = 32.1%) from `fromYear` to `toYear`.
public struct PublishedRate: Sendable, Equatable {
    public var fromYear: Int
    public var toYear: Int
    public var rate: Double
    public var publisher: String
    public init(fromYear: Int, toYear: Int, rate: Double, publisher: String) {
        self.fromYear = fromYear; self.toYear = toYear; self.rate = rate; self.publisher = publisher
    }
}

/// What the consensus path is made of, for the pages to say.
public struct Consensus: Sendable, Equatable {
    /// The published level it starts from; nil when it starts from the last actual.
    public var start: PublishedLevel?
    /// The rates it grows at, and their mean.
    public var rates: [PublishedRate]
    public var meanRate: Double

    /// The consensus of `levels` and `rates` for a series whose last actual year is
    /// `lastActualYear`; nil without a rate (a level alone says nothing about the years after it).
    public static func make(levels: [PublishedLevel], rates: [PublishedRate], lastActualYear: Int) -> Consensus? {
        guard !rates.isEmpty else { return nil }
        let candidates = levels.filter { $0.year >= lastActualYear && $0.bound != .upper }
        let start = candidates.max { a, b in a.year != b.year ? a.year < b.year : a.value < b.value }
        return Consensus(start: start, rates: rates, meanRate: rates.map(\.rate).reduce(0, +) / Double(rates.count))
    }

    /// The series' actuals followed by the consensus path to `horizon` (no interval: it is
    /// the publishers' expectation, not a fit).
    public func forecast(_ series: MarketSeries, horizon: Int, level: Double) -> SeriesForecast? {
        guard let last = series.actuals.last else { return nil }
        let startYear = start?.year ?? last.year, startValue = start?.value ?? last.value
        var points = series.actuals.map { ForecastPoint(year: $0.year, value: $0.value, isEstimate: false) }
        if horizon > last.year {
            for year in (last.year + 1)...horizon {
                let value: Double
                if year <= startYear {
                    // Between the last actual and a later published start: the constant growth that joins them.
                    value = last.value * pow(startValue / last.value, Double(year - last.year) / Double(startYear - last.year))
                } else {
                    value = startValue * pow(1 + meanRate, Double(year - startYear))
                }
                points.append(ForecastPoint(year: year, value: value, isEstimate: true))
            }
        }
        var result = SeriesForecast(seriesID: series.id, unit: series.unit, points: points, model: .consensus,
                                    modelDescription: "published forecasts: start \(start.map { "\($0.year) \($0.value)" } ?? "last actual"), mean growth \(meanRate)",
                                    level: level, warnings: [], fit: nil)
        result.fitYears = nil
        return result
    }
}

/// A base case declared as the statistical trend and the consensus, weighted.
public struct BaseBlend: Sendable, Equatable {
    public var trendWeight: Double
    public var consensusWeight: Double
    public var consensus: Consensus
    public init(trendWeight: Double, consensusWeight: Double, consensus: Consensus) {
        self.trendWeight = trendWeight; self.consensusWeight = consensusWeight; self.consensus = consensus
    }
}

extension SeriesForecast {
    /// This (trend) forecast mixed with `consensus` year by year: the value is the weighted
    /// mean; the interval keeps the trend's relative width around it (the statistical
    /// uncertainty of the trend, carried to the declared level; the consensus has none).
    public func blended(with consensus: SeriesForecast, blend: BaseBlend) -> SeriesForecast {
        var result = self
        let total = blend.trendWeight + blend.consensusWeight
        for index in result.points.indices where result.points[index].isEstimate {
            let point = result.points[index]
            guard total > 0, let other = consensus.points.first(where: { $0.year == point.year && $0.isEstimate }),
                  point.value != 0 else { continue }
            let value = (blend.trendWeight * point.value + blend.consensusWeight * other.value) / total
            let scale = value / point.value
            result.points[index].value = value
            result.points[index].lower = point.lower.map { $0 * scale }
            result.points[index].upper = point.upper.map { $0 * scale }
        }
        result.blend = blend
        return result
    }
}
