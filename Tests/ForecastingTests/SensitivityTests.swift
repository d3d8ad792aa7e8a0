import MarketData
import XCTest
@testable import Forecasting

/// The sensitivity rows: the base row is the scenario fit itself, every alternative is one
/// change, and an alternative that cannot be fitted is a row that says why.
final class SensitivityTests: XCTestCase {
    private let series = MarketSeries(id: "s", file: "t.csv", unit: "亿元", observations: [
        (2023, 7258.0), (2024, 9000), (2025, 10000),
    ].enumerated().map { Observation(year: $1.0, value: $1.1, unit: "亿元", status: .actual, source: "s", line: $0 + 2) })

    func testTheBaseRowIsTheScenarioFitAndFailuresSayWhy() throws {
        let base = SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential)))
        let bull = Scenario(name: "bull", labelZh: "乐观", labelEn: "Bull", series: [
            SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential)), parameters: [.init(name: "g", minimum: 0.3)]),
        ])
        let rows = Sensitivity.run(series, base: base, scenarios: [bull], baseName: "base", horizon: 2027, level: 0.95)
        let direct = try ScenarioFitter.forecast(series, assumptions: base, scenario: "base", horizon: 2027, level: 0.95)
        XCTAssertEqual(rows.first?.change, .base)
        XCTAssertEqual(try XCTUnwrap(rows.first?.point(at: 2027)).value, try XCTUnwrap(direct.points.last).value)
        XCTAssertEqual(rows[1].change, .scenario("bull"))
        XCTAssertGreaterThan(try XCTUnwrap(rows[1].point(at: 2027)).value, try XCTUnwrap(rows[0].point(at: 2027)).value)
        // The base already uses exponential: that alternative changes nothing and is left out.
        XCTAssertFalse(rows.contains { $0.change == .model(.curve(.exponential)) })

        let logistic = try XCTUnwrap(rows.first { $0.change == .model(.curve(.logistic)) })
        guard case .failure(let error) = logistic.outcome else { return XCTFail("three actuals cannot fit three parameters") }
        XCTAssertEqual(error.failure, .tooFewActuals(parameters: 3, actuals: 3))
        let damped = try XCTUnwrap(rows.first { $0.change == .model(.yearly(.method(.dampedLog))) })
        guard case .failure(let dampedError) = damped.outcome else { return XCTFail("damped-log needs more years") }
        if case .tooFewForMethod(let needs, let actuals) = dampedError.failure {
            XCTAssertGreaterThan(needs, actuals)
        } else { XCTFail("\(dampedError)") }
        // A saturation level fixes K, leaving two free parameters for three actuals: fitted.
        let saturated = try XCTUnwrap(rows.first { $0.change == .saturation(multiple: 2.5) })
        XCTAssertNotNil(saturated.point(at: 2027))
        XCTAssertLessThanOrEqual(try XCTUnwrap(saturated.point(at: 2027)).value, 2.5 * 10000 + 1e-6)
    }

    /// A base case's rationale is words for the pages: the model it already uses is still
    /// no alternative (issue 19).
    func testTheBaseRationaleDoesNotMakeItsOwnModelARow() {
        var base = SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential)))
        base.rationale = .init(zh: "三年数据", en: "three years")
        let rows = Sensitivity.run(series, base: base, scenarios: [], baseName: "base", horizon: 2027, level: 0.95,
                                   alternatives: [.model(.curve(.exponential)), .model(.curve(.linear))])
        XCTAssertEqual(rows.map(\.change), [.base, .model(.curve(.linear))])
    }

    func testTheFitWindowAndGrowthLimitsChangeWhatTheyName() throws {
        let base = SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential)))
        let rows = Sensitivity.run(series, base: base, scenarios: [], baseName: nil, horizon: 2027, level: 0.95,
                                   alternatives: [.dropFirstYears(1), .growthFloor(0.25), .growthCeiling(0.05)])
        XCTAssertEqual(rows.map(\.change), [.base, .dropFirstYears(1), .growthFloor(0.25), .growthCeiling(0.05)])
        // Two actuals left for two parameters: no residual, so the row says so.
        guard case .failure(let window) = rows[1].outcome else { return XCTFail("two actuals fit an exponential exactly") }
        XCTAssertEqual(window.failure, .tooFewActuals(parameters: 2, actuals: 2))
        // With `auto` the window is what it fits.
        let auto = Sensitivity.run(series, base: SeriesAssumptions(seriesID: "s", model: .auto), scenarios: [], baseName: nil,
                                   horizon: 2027, level: 0.95, alternatives: [.dropFirstYears(1)])
        guard case .success(let shorter) = auto[1].outcome else { return XCTFail("\(auto[1].outcome)") }
        XCTAssertEqual(shorter.fitYears, 2024...2025)
        let floor = try XCTUnwrap(rows[2].point(at: 2027)).value, ceiling = try XCTUnwrap(rows[3].point(at: 2027)).value
        XCTAssertGreaterThanOrEqual(floor, 10000 * 1.25 * 1.25 * 0.9)
        XCTAssertLessThan(ceiling, floor)
    }

    func testNothingTrapsOnAnEmptySeries() {
        let empty = MarketSeries(id: "e", file: "t.csv", unit: "亿元", observations: [])
        let rows = Sensitivity.run(empty, base: SeriesAssumptions(seriesID: "e", model: .auto), scenarios: [], baseName: nil,
                                   horizon: 2027, level: 0.95)
        XCTAssertFalse(rows.isEmpty)
        for row in rows {
            if case .success = row.outcome { XCTFail("\(row.change) fitted an empty series") }
        }
    }
}
