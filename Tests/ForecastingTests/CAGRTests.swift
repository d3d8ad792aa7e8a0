import XCTest
@testable import Forecasting

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
            modelName: "exponential", modelDescription: "", level: 0.95, warnings: [])
        XCTAssertEqual(try XCTUnwrap(forecast.cagr(from: 2020, to: 2022)), 0.10, accuracy: 1e-12)
        XCTAssertNil(forecast.cagr(from: 2019, to: 2022))
        XCTAssertEqual(forecast.actuals.map(\.year), [2020, 2021])
        XCTAssertEqual(forecast.estimates.map(\.year), [2022])
    }
}
