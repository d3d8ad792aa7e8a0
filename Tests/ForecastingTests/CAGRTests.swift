import XCTest
@testable import Forecasting
import MarketData

final class CAGRTests: XCTestCase {
    func testTwoYearsOfTenPercent() throws {
        // 100 → 110 → 121 is exactly 10% a year.
        let rate = try XCTUnwrap(CAGR.rate(from: 100, to: 121, years: 2))
        XCTAssertEqual(rate, 0.10, accuracy: 1e-12)
    }

    func testDefaultSeriesActualSpan() throws {
        // 2019 → 2024 of datasets/china-ai-market-size.csv, by hand: (7470/2633)^(1/5) − 1.
        let rate = try XCTUnwrap(CAGR.rate(from: 2633, to: 7470, years: 5))
        XCTAssertEqual(rate, 0.2318957, accuracy: 5e-7)
    }

    func testShrinkingMarketGivesNegativeRate() throws {
        let rate = try XCTUnwrap(CAGR.rate(from: 200, to: 50, years: 2))
        XCTAssertEqual(rate, -0.5, accuracy: 1e-12)
    }

    func testUndefinedCases() {
        XCTAssertNil(CAGR.rate(from: 0, to: 100, years: 3))
        XCTAssertNil(CAGR.rate(from: -5, to: 100, years: 3))
        XCTAssertNil(CAGR.rate(from: 100, to: 0, years: 3))
        XCTAssertNil(CAGR.rate(from: 100, to: 120, years: 0))
        XCTAssertNil(CAGR.rate(from: .nan, to: 120, years: 2))
    }

    func testSeriesForecastCAGRUsesTheNamedYears() throws {
        let forecast = SeriesForecast(
            seriesID: "s", unit: "亿元",
            points: [ForecastPoint(year: 2020, value: 100, isEstimate: false),
                     ForecastPoint(year: 2021, value: 150, isEstimate: false),
                     ForecastPoint(year: 2022, value: 121, isEstimate: true)],
            model: .curve(.exponential), modelDescription: "", level: 0.95, warnings: [])
        XCTAssertEqual(try XCTUnwrap(forecast.cagr(from: 2020, to: 2022)), 0.10, accuracy: 1e-12)
        XCTAssertNil(forecast.cagr(from: 2019, to: 2022))
        XCTAssertEqual(forecast.actuals.map(\.year), [2020, 2021])
        XCTAssertEqual(forecast.estimates.map(\.year), [2022])
    }
}

/// The rule for a growth rate between figures that may be bounds (BoundedGrowth, README
/// "Bounds"): only what holds for every value the bounds allow is stated.
final class BoundedGrowthTests: XCTestCase {
    func testTwoExactFiguresGiveTheRate() throws {
        XCTAssertEqual(BoundedGrowth.between(GrowthEnd(100), GrowthEnd(121), years: 2), .exact(try XCTUnwrap(CAGR.rate(from: 100, to: 121, years: 2))))
    }

    func testTwoLowerBoundsGiveNothing() {
        // The shipped series: above 7,258 in 2023, above 10,000 in 2025. The true 2023 could be
        // 12,000 (the rate negative) or the 2025 value 20,000 (the rate over 60%).
        XCTAssertEqual(BoundedGrowth.between(GrowthEnd(7258, bound: .lower), GrowthEnd(10000, bound: .lower), years: 2), .undetermined)
        XCTAssertEqual(BoundedGrowth.between(GrowthEnd(50, bound: .upper), GrowthEnd(80, bound: .upper), years: 1), .undetermined)
    }

    func testFromALowerBoundToAValueIsAtMost() throws {
        // 2025 above 10,000 to 2027E 13,260: the true start is higher, so the rate is lower.
        let growth = BoundedGrowth.between(GrowthEnd(10000, bound: .lower), GrowthEnd(13260), years: 2)
        XCTAssertEqual(growth, .atMost(try XCTUnwrap(CAGR.rate(from: 10000, to: 13260, years: 2))))
        XCTAssertEqual(growth?.quotedRate ?? 0, 0.15152, accuracy: 1e-5)
    }

    func testFromAValueToALowerBoundIsAtLeast() throws {
        XCTAssertEqual(BoundedGrowth.between(GrowthEnd(100), GrowthEnd(150, bound: .lower), years: 1), .atLeast(0.5))
        // An upper-bounded start works the same way: the true start is lower, the rate higher.
        XCTAssertEqual(BoundedGrowth.between(GrowthEnd(100, bound: .upper), GrowthEnd(150, bound: .lower), years: 1), .atLeast(0.5))
        XCTAssertEqual(BoundedGrowth.between(GrowthEnd(100), GrowthEnd(150, bound: .upper), years: 1), .atMost(0.5))
        XCTAssertEqual(BoundedGrowth.between(GrowthEnd(100, bound: .lower), GrowthEnd(150, bound: .upper), years: 1), .atMost(0.5))
    }

    func testUndefinedSpansStayNil() {
        XCTAssertNil(BoundedGrowth.between(GrowthEnd(0), GrowthEnd(10), years: 1))
        XCTAssertNil(BoundedGrowth.between(GrowthEnd(10, bound: .lower), GrowthEnd(20), years: 0))
    }

    func testSeriesForecastTakesBoundsFromActualsOnly() throws {
        var series = MarketSeries(id: "s", file: "s.csv", unit: "亿元", observations: [
            Observation(year: 2023, value: 7258, unit: "亿元", status: .actual, source: "x", line: 2),
            Observation(year: 2025, value: 10000, unit: "亿元", status: .actual, source: "x", line: 3),
        ])
        series.observations[0].bound = .lower
        series.observations[1].bound = .lower
        let forecast = SeriesForecast(seriesID: "s", unit: "亿元", points: [
            ForecastPoint(year: 2023, value: 7258, isEstimate: false),
            ForecastPoint(year: 2025, value: 10000, isEstimate: false),
            ForecastPoint(year: 2027, value: 13260, lower: 7140, upper: 20320, isEstimate: true),
        ], model: .auto, modelDescription: "", level: 0.95, warnings: [])
        XCTAssertEqual(forecast.boundedGrowth(from: 2023, to: 2025, series: series), .undetermined)
        XCTAssertEqual(forecast.boundedGrowth(from: 2025, to: 2027, series: series)?.quotedRate ?? 0, 0.15152, accuracy: 1e-5)
        guard case .atMost = try XCTUnwrap(forecast.boundedGrowth(from: 2025, to: 2027, series: series)) else {
            return XCTFail("from a lower bound the rate is at most")
        }
        XCTAssertNil(forecast.boundedGrowth(from: 2024, to: 2027, series: series))
    }
}
