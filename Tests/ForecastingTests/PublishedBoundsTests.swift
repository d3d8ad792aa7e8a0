import MarketData
import XCTest
@testable import Forecasting

/// How a forecast treats figures published only as bounds (docs/user-guide.md, "Bounds"): fitted at the
/// figure and flagged; a forecast year the inputs bound never lands on the wrong side.
final class PublishedBoundsTests: XCTestCase {
    private func series(_ rows: [(Int, Double, ObservationStatus, ObservationBound?)]) -> MarketSeries {
        MarketSeries(id: "s", file: "s.csv", unit: "亿元", observations: rows.enumerated().map { index, row in
            var observation = Observation(year: row.0, value: row.1, unit: "亿元", status: row.2, source: "x", line: index + 2)
            observation.bound = row.3
            return observation
        })
    }

    func testFittedLowerBoundsAreUsedAsValuesAndFlagged() throws {
        let bounded = series([(2020, 100, .actual, nil), (2021, 120, .actual, nil), (2022, 150, .actual, .lower),
                              (2023, 180, .actual, .lower)])
        let exact = series([(2020, 100, .actual, nil), (2021, 120, .actual, nil), (2022, 150, .actual, nil),
                            (2023, 180, .actual, nil)])
        for model: ModelSpec in [.auto, .curve(.exponential)] {
            let a = try Forecaster.forecast(bounded, model: model, horizon: 2026, level: 0.95)
            let b = try Forecaster.forecast(exact, model: model, horizon: 2026, level: 0.95)
            if model == .auto {
                // The yearly methods take the series as given: the figure is the value.
                XCTAssertEqual(a.points.map(\.value), b.points.map(\.value), model.name)
            } else {
                // A curve treats the bounds as censored (CensoredFit): never below the exact fit.
                for (p, q) in zip(a.points, b.points) { XCTAssertGreaterThanOrEqual(p.value, q.value - 1e-9, "\(p.year)") }
            }
            XCTAssertEqual(a.warnings.filter { if case .publishedBounds = $0 { return true } else { return false } }.count, 1, "\(model): \(a.warnings)")
            XCTAssertTrue(a.warnings.contains { $0.description.hasPrefix("2022, 2023 are published lower bounds") }, "\(a.warnings)")
            XCTAssertFalse(b.warnings.contains { $0.description.contains("bound") }, "\(b.warnings)")
        }
    }

    func testAForecastYearWithALowerBoundNeverGetsAnIntervalBelowIt() throws {
        // An estimate row says 2025 is more than 400, far above the trend (about 250).
        let input = series([(2020, 100, .actual, nil), (2021, 120, .actual, nil), (2022, 150, .actual, nil),
                            (2023, 180, .actual, nil), (2025, 400, .estimate, .lower)])
        let forecast = try Forecaster.forecast(input, model: .auto, horizon: 2026, level: 0.95)
        let y2024 = try XCTUnwrap(forecast.points.first { $0.year == 2024 })
        let y2025 = try XCTUnwrap(forecast.points.first { $0.year == 2025 })
        XCTAssertLessThan(try XCTUnwrap(y2024.lower), 400, "a year without a bound is left alone")
        XCTAssertEqual(y2025.value, 400)
        XCTAssertEqual(y2025.lower, 400)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(y2025.upper), 400)
        let unbounded = try Forecaster.forecast(series([(2020, 100, .actual, nil), (2021, 120, .actual, nil),
                                                        (2022, 150, .actual, nil), (2023, 180, .actual, nil)]),
                                                model: .auto, horizon: 2026, level: 0.95)
        XCTAssertLessThan(try XCTUnwrap(unbounded.points.first { $0.year == 2025 }?.lower), 400,
                          "without the bound the interval would reach below it")
    }

    func testAnUpperBoundCapsTheValueAndInterval() {
        let point = ForecastPoint(year: 2025, value: 300, lower: 200, upper: 420, isEstimate: true)
        let capped = point.clamped(to: .upper, at: 250)
        XCTAssertEqual(capped.value, 250)
        XCTAssertEqual(capped.lower, 200)
        XCTAssertEqual(capped.upper, 250)
        let raised = point.clamped(to: .lower, at: 350)
        XCTAssertEqual([raised.value, raised.lower, raised.upper], [350, 350, 420])
    }

    func testABacktestNeverSeesTheBoundsOfTheYearsItIsScoredOn() throws {
        let input = series([(2020, 100, .actual, nil), (2021, 120, .actual, nil), (2022, 150, .actual, nil),
                            (2023, 400, .actual, .lower)])
        let forecast = try ScenarioFitter.forecast(input, assumptions: SeriesAssumptions(seriesID: "s", model: .auto),
                                                   scenario: "t", horizon: 2023, level: 0.95, fitThrough: 2022)
        let y2023 = try XCTUnwrap(forecast.points.first { $0.year == 2023 })
        XCTAssertTrue(y2023.isEstimate)
        XCTAssertLessThan(y2023.value, 400, "the held-out bound must not leak into the forecast it scores")
    }
}
