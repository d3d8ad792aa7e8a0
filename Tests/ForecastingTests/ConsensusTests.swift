import MarketData
import XCTest
@testable import Forecasting

/// The publishers' consensus path and a base case weighted with it (Consensus.swift), by hand.
final class ConsensusTests: XCTestCase {
    private let series = MarketSeries(id: "s", file: "s.csv", unit: "亿元", observations: [
        Observation(year: 2024, value: 9000, unit: "亿元", status: .actual, source: "x", line: 2),
        Observation(year: 2025, value: 10000, unit: "亿元", status: .actual, source: "x", line: 3),
    ])

    func testTheConsensusStartsAtTheTightestLatestLevelAndGrowsAtTheMeanRate() throws {
        let levels = [PublishedLevel(year: 2025, value: 11000, bound: .lower, publisher: "A"),
                      PublishedLevel(year: 2025, value: 12000, bound: .lower, publisher: "B"),
                      PublishedLevel(year: 2023, value: 99999, bound: nil, publisher: "old")]
        let rates = [PublishedRate(fromYear: 2025, toYear: 2029, rate: 0.30, publisher: "C"),
                     PublishedRate(fromYear: 2023, toYear: 2028, rate: 0.20, publisher: "C")]
        let consensus = try XCTUnwrap(Consensus.make(levels: levels, rates: rates, lastActualYear: 2025))
        XCTAssertEqual(consensus.start?.value, 12000, "the tightest of the latest year's bounds")
        XCTAssertEqual(consensus.meanRate, 0.25, accuracy: 1e-12)
        let path = try XCTUnwrap(consensus.forecast(series, horizon: 2027, level: 0.95))
        XCTAssertEqual(path.estimates.map(\.year), [2026, 2027])
        XCTAssertEqual(path.estimates[0].value, 15000, accuracy: 1e-9)
        XCTAssertEqual(path.estimates[1].value, 18750, accuracy: 1e-9)
        XCTAssertNil(path.estimates[0].lower, "the publishers give no interval")
        // Without a rate there is no consensus; without a level it starts at the last actual.
        XCTAssertNil(Consensus.make(levels: levels, rates: [], lastActualYear: 2025))
        let fromActual = try XCTUnwrap(Consensus.make(levels: [], rates: rates, lastActualYear: 2025)?.forecast(series, horizon: 2026, level: 0.95))
        XCTAssertEqual(fromActual.estimates.first?.value ?? 0, 12500, accuracy: 1e-9)
        // A later published start is joined from the last actual at constant growth.
        let later = try XCTUnwrap(Consensus.make(levels: [PublishedLevel(year: 2027, value: 14400, bound: nil, publisher: "D")],
                                                 rates: rates, lastActualYear: 2025)?.forecast(series, horizon: 2028, level: 0.95))
        XCTAssertEqual(later.estimates.map(\.value)[0], 12000, accuracy: 1e-6)
        XCTAssertEqual(later.estimates.map(\.value)[1], 14400, accuracy: 1e-6)
        XCTAssertEqual(later.estimates.map(\.value)[2], 18000, accuracy: 1e-6)
    }

    func testTheBaseIsTheWeightedMeanWithTheTrendsRelativeInterval() throws {
        let trend = SeriesForecast(seriesID: "s", unit: "亿元", points: [
            ForecastPoint(year: 2025, value: 10000, isEstimate: false),
            ForecastPoint(year: 2026, value: 11000, lower: 9000, upper: 14000, isEstimate: true),
        ], model: .auto, modelDescription: "", level: 0.95, warnings: [], fit: nil)
        let consensus = Consensus(start: nil, rates: [PublishedRate(fromYear: 2025, toYear: 2029, rate: 0.5, publisher: "C")], meanRate: 0.5)
        let path = try XCTUnwrap(consensus.forecast(series, horizon: 2026, level: 0.95))
        let blend = BaseBlend(trendWeight: 1, consensusWeight: 3, consensus: consensus)
        let base = trend.blended(with: path, blend: blend)
        let y2026 = try XCTUnwrap(base.estimates.first)
        XCTAssertEqual(y2026.value, (11000 + 3 * 15000) / 4, accuracy: 1e-9)
        XCTAssertEqual(y2026.lower ?? 0, 9000 * 14000 / 11000, accuracy: 1e-9)
        XCTAssertEqual(y2026.upper ?? 0, 14000 * 14000 / 11000, accuracy: 1e-9)
        XCTAssertEqual(base.actuals.map(\.value), [10000], "actuals are never blended")
        XCTAssertEqual(base.blend, blend)
    }
}
