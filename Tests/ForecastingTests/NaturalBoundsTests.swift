import XCTest
@testable import Forecasting

/// Natural bounds (issue 18, "bounded quantities"): parsed as the command line writes them,
/// refused when they make no range, and holding every point and interval end inside them.
final class NaturalBoundsTests: XCTestCase {
    func testParsingAndRefusals() throws {
        let share = try NaturalBounds.parse("0,100")
        XCTAssertEqual(share.floor, 0)
        XCTAssertEqual(share.ceiling, 100)
        XCTAssertEqual(share.description, "0–100")
        XCTAssertEqual(try NaturalBounds.parse(" 0 ,").description, "≥ 0")
        XCTAssertEqual(try NaturalBounds.parse(",1.5").description, "≤ 1.5")
        for bad in ["", ",", "100", "0,100,200", "a,100", "100,0", "5,5", "nan,1", "0,inf"] {
            XCTAssertThrowsError(try NaturalBounds.parse(bad), bad)
        }
        XCTAssertNil(try NaturalBounds(floor: nil, ceiling: nil))
    }

    /// A share rising 10 points a year runs past 100 within the horizon: held at 100, with
    /// the years it met the bound, while the history inside the bounds passes the check.
    func testAShareIsHeldAtItsCeiling() throws {
        let years = Array(2019...2024), values: [Double] = [40, 50, 60, 70, 80, 90]
        let bounds = try XCTUnwrap(try NaturalBounds(floor: 0, ceiling: 100))
        XCTAssertNoThrow(try bounds.checkHistory(years: years, values: values))
        let forecast = try YearlyForecaster.forecast(values, model: .auto, horizon: 4, level: 0.95)
        XCTAssertGreaterThan(forecast.upper.max() ?? 0, 100, "unbounded, the interval runs past 100")
        var points = forecast.values, lower = forecast.lower, upper = forecast.upper
        let holding = bounds.hold(values: &points, lower: &lower, upper: &upper, firstYear: 2025)
        for h in 0..<4 {
            XCTAssertTrue((0...100).contains(lower[h]) && (0...100).contains(points[h]) && (0...100).contains(upper[h]))
            XCTAssertLessThanOrEqual(lower[h], points[h])
            XCTAssertLessThanOrEqual(points[h], upper[h])
        }
        XCTAssertEqual(holding.heldYears.first, 2025, "the first year's upper end already exceeds 100")
        XCTAssertEqual(holding.warning, .heldAtNaturalBounds(bounds, from: 2025))
        XCTAssertTrue(holding.warning?.description.contains("declared bounds 0–100 from 2025") ?? false, "\(String(describing: holding.warning))")
        XCTAssertThrowsError(try bounds.checkHistory(years: [2023, 2024], values: [99, 101])) { error in
            XCTAssertEqual(error as? NaturalBoundsError, .historyOutside(year: 2024, value: 101, bounds: "0–100"))
        }
    }

    func testASeriesForecastHoldsItsEstimatesOnlyAndSaysSo() throws {
        let bounds = try XCTUnwrap(try NaturalBounds(floor: nil, ceiling: 100))
        let forecast = SeriesForecast(
            seriesID: "share", unit: "%",
            points: [ForecastPoint(year: 2024, value: 95, isEstimate: false),
                     ForecastPoint(year: 2025, value: 99, lower: 90, upper: 104, isEstimate: true),
                     ForecastPoint(year: 2026, value: 103, lower: 92, upper: 111, isEstimate: true)],
            model: .yearly(.method(.drift)), modelDescription: "drift", level: 0.95, warnings: [])
        let (held, holding) = forecast.held(within: bounds)
        XCTAssertEqual(held.points.map(\.value), [95, 99, 100])
        XCTAssertEqual(held.points.map(\.upper), [nil, 100, 100])
        XCTAssertEqual(held.points.map(\.lower), [nil, 90, 92])
        XCTAssertEqual(holding.heldYears, [2025, 2026])
        XCTAssertEqual(held.bounds, bounds)
        XCTAssertEqual(held.warnings.count, 1)
    }
}
