import Foundation
import MarketData
import XCTest
@testable import Forecasting

/// No trap is reachable from data: every M1 yearly series through `auto` and every yearly
/// method, and the awkward shapes real files contain, each give a finite forecast or a
/// clear error.
final class YearlyRobustnessTests: XCTestCase {
    func testEveryM1SeriesGetsAForecastFromEveryYearlyModel() throws {
        let series = try M1Data.training()
        XCTAssertEqual(series.count, 181)
        for s in series {
            for model in ReferenceCalibration.models {
                let result = try YearlyForecaster.forecast(s.values, model: model, horizon: 6, level: 0.95)
                for h in 0..<6 {
                    XCTAssertTrue(result.values[h].isFinite && result.lower[h].isFinite && result.upper[h].isFinite,
                                  "\(s.id) \(model.name)")
                    XCTAssertLessThanOrEqual(result.lower[h], result.values[h], "\(s.id) \(model.name)")
                    XCTAssertLessThanOrEqual(result.values[h], result.upper[h], "\(s.id) \(model.name)")
                }
            }
        }
    }

    // The out-of-sample goals (M1 and M3 test years) are held by AutoGoalsTests.

    func testAwkwardSeriesGiveAForecastOrAClearError() {
        let cases: [(String, [Double])] = [
            ("constant", [5, 5, 5, 5, 5, 5]),
            ("zeros", [0, 0, 0, 0, 0]),
            ("huge", [1e300, 1.2e300, 1.5e300, 1.4e300, 1.7e300, 1.79e300]),
            ("tiny", [1e-300, 2e-300, 3e-300, 3.5e-300, 5e-300]),
            ("jump", [1, 1, 1, 1, 100, 100, 100]),
            ("three points", [10, 12, 15]),
            ("four points", [10, 12, 15, 14]),
            ("five points", [10, 12, 15, 14, 19]),
            ("two points", [3, 4]),
            ("one point", [3]),
            ("negative", [5, -2, 4, -1, 6, 3]),
            ("sign change", [-10, -5, 0, 5, 10, 15]),
            ("with NaN", [1, 2, .nan, 4, 5]),
            ("with infinity", [1, 2, .infinity, 4, 5]),
        ]
        for (name, values) in cases {
            for model in ReferenceCalibration.models {
                for horizon in [1, 6, 30] {
                    do {
                        let result = try YearlyForecaster.forecast(values, model: model, horizon: horizon, level: 0.95)
                        XCTAssertEqual(result.values.count, horizon)
                        XCTAssertTrue(result.values.allSatisfy(\.isFinite), "\(name) \(model.name)")
                        XCTAssertTrue(result.lower.allSatisfy(\.isFinite) && result.upper.allSatisfy(\.isFinite), "\(name) \(model.name)")
                    } catch {
                        // A clear error names what is wrong.
                        XCTAssertFalse("\(error)".isEmpty, "\(name) \(model.name)")
                    }
                }
            }
        }
        // The ones an analyst would expect to work do.
        XCTAssertNoThrow(try YearlyForecaster.forecast([5, 5, 5, 5, 5, 5], model: .auto, horizon: 3, level: 0.95))
        XCTAssertNoThrow(try YearlyForecaster.forecast([10, 12, 15], model: .auto, horizon: 3, level: 0.95))
        XCTAssertNoThrow(try YearlyForecaster.forecast([5, -2, 4, -1, 6, 3], model: .auto, horizon: 3, level: 0.95))
        XCTAssertThrowsError(try YearlyForecaster.forecast([3], model: .auto, horizon: 3, level: 0.95))
        XCTAssertThrowsError(try YearlyForecaster.forecast([1, 2, .nan, 4], model: .auto, horizon: 3, level: 0.95))
        XCTAssertThrowsError(try YearlyForecaster.forecast([1, 2, 3, 4], model: .auto, horizon: 3, level: 1.5))
    }

    func testManySeriesOutputIsTheSameForAnyThreadCount() throws {
        let table = try CSVTable.read(path: M1Data.folder.appendingPathComponent("train.csv").path)
        let long = try LongSeriesTable(table, idColumn: "series", xColumn: "year", yColumn: "value")
        let one = ManySeriesForecast.run(long, options: ManySeriesOptions(horizon: .years(6), threads: 1))
        let four = ManySeriesForecast.run(long, options: ManySeriesOptions(horizon: .years(6), threads: 4))
        XCTAssertEqual(one.csv, four.csv)
        XCTAssertEqual(one.failures, [])
        XCTAssertEqual(one.rowCount, 181 * 6)
        XCTAssertEqual(String(decoding: one.csv, as: UTF8.self).split(separator: "\n").count, 181 * 6 + 1)
    }

    func testGapsAreFilledGeometricallyForPositiveSeries() throws {
        let (values, filled) = try GapFilling.fill(years: [2020, 2022, 2023], values: [15, 60, 70])
        XCTAssertEqual(filled, [2021])
        XCTAssertEqual(values[1], 30, accuracy: 1e-12)
        XCTAssertEqual(values.count, 4)
    }

    /// A gap longer than the filling limit is an error, not decades of made-up values.
    func testAGapLongerThanTheLimitIsAnError() throws {
        XCTAssertNoThrow(try GapFilling.fill(years: [2000, 2000 + GapFilling.maximumGap + 1], values: [1, 2]))
        XCTAssertThrowsError(try GapFilling.fill(years: [2000, 2000 + GapFilling.maximumGap + 2], values: [1, 2])) { error in
            XCTAssertEqual(error as? GapFilling.GapTooLong, GapFilling.GapTooLong(after: 2000, before: 2012))
        }
        XCTAssertEqual(GapFilling.describe([2003]), "year 2003 is")
        XCTAssertEqual(GapFilling.describe([2003, 2004, 2005, 2009]), "years 2003–2005, 2009 are")
    }
}
