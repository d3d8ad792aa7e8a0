import MarketData
import Numerics
import XCTest
@testable import Forecasting

/// Bounds as censored observations (CensoredFit): closed-form cases of the one-sided loss,
/// the breach rule `check` applies, and the log-scale band of a positive series.
final class CensoredFitTests: XCTestCase {
    private func linear(_ x: [Double], _ y: [Double]) throws -> GrowthFit {
        try GrowthCurves.fit(.linear, x: x, y: y)
    }

    private func censored(_ x: [Double], _ y: [Double], _ bounds: [ObservationBound?]) throws -> CensoredFit.Outcome<GrowthFit> {
        try CensoredFit.fit(x: x, y: y, bounds: bounds, predict: { $0.predict($1) }) { try self.linear(x, $0) }
    }

    func testABoundThePathClearsChangesNothing() throws {
        // The line through the four values reaches about 4.6 at x = 4, above the bound 2.
        let x: [Double] = [0, 1, 2, 3, 4], y: [Double] = [1, 3, 2, 4, 2]
        let withBound = try censored(x, y, [nil, nil, nil, nil, .lower])
        let without = try linear(Array(x.prefix(4)), Array(y.prefix(4)))
        XCTAssertGreaterThan(without.predict(4), 2)
        for (a, b) in zip(withBound.fit.parameters, without.parameters) { XCTAssertEqual(a, b, accuracy: 1e-8) }
        XCTAssertEqual(withBound.imputed[4], without.predict(4), accuracy: 1e-8, "the bound is imputed onto the path")
        XCTAssertTrue(withBound.converged)
        // Fitted as a value, the bound would have pulled the line down.
        XCTAssertLessThan(try linear(x, y).predict(4), without.predict(4) - 1)
    }

    func testABoundThePathCannotClearCostsAsAValue() throws {
        // Values on the line y = x; a lower bound of 10 at x = 3. Least squares with 10 as a
        // value gives b = 3.1, a = −1.4, so 7.9 at x = 3: still below 10, the hinge is active
        // and the censored fit is that ordinary fit (closed form).
        let x: [Double] = [0, 1, 2, 3], y: [Double] = [0, 1, 2, 10]
        let outcome = try censored(x, y, [nil, nil, nil, .lower])
        XCTAssertEqual(outcome.fit.predict(0), -1.4, accuracy: 1e-8)
        XCTAssertEqual(outcome.fit.predict(3), 7.9, accuracy: 1e-8)
        let observations = zip(x, y).enumerated().map { index, pair in
            var o = Observation(year: 2020 + Int(pair.0), value: pair.1, unit: "u", status: .actual, source: "s", line: index + 2)
            o.bound = index == 3 ? .lower : nil
            return o
        }
        let breaches = BoundBreach.find(in: observations, years: 2020...2023) { outcome.fit.predict(Double($0 - 2020)) }
        XCTAssertEqual(breaches, [BoundBreach(year: 2023, bound: .lower, figure: 10, line: 5, source: "s", fitted: outcome.fit.predict(3))])
    }

    func testOnlyBoundsEndOnTheLowestClearingPath() throws {
        // Three floors: the path ends on or above each, touching at least one (nothing lifts it further).
        let x: [Double] = [0, 1, 2], y: [Double] = [7258, 9000, 10000]
        let outcome = try censored(x, y, [.lower, .lower, .lower])
        let gaps = zip(x, y).map { outcome.fit.predict($0.0) - $0.1 }
        XCTAssertTrue(gaps.allSatisfy { $0 >= -1e-6 * 10000 }, "\(gaps)")
        XCTAssertLessThan(gaps.min() ?? 1, 1e-3 * 10000, "\(gaps)")
        // The ordinary fit passes below 2024's 9,000 (the straight line 7258 → 10000 gives 8,629 there).
        XCTAssertLessThan(try linear(x, y).predict(1), 9000)
    }

    func testAScenarioPathIsLiftedOffTheFloorAndKeepsAnInterval() throws {
        var rows: [Observation] = []
        for (index, (year, value)) in [(2023, 7258.0), (2024, 9000), (2025, 10000)].enumerated() {
            var o = Observation(year: year, value: value, unit: "亿元", status: .actual, source: "s", line: index + 2)
            o.bound = .lower
            rows.append(o)
        }
        let series = MarketSeries(id: "s", file: "s.csv", unit: "亿元", observations: rows)
        let assumptions = SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential)),
                                            parameters: [.init(name: "g", minimum: 0.26)])
        let forecast = try ScenarioFitter.forecast(series, assumptions: assumptions, scenario: "bull", horizon: 2027, level: 0.95)
        XCTAssertEqual(forecast.boundBreaches, [])
        // g = 0.26 from 7,258 in 2023 (the binding floor): 7258 · 1.26³ in 2026.
        let y2026 = try XCTUnwrap(forecast.points.first { $0.year == 2026 })
        XCTAssertEqual(y2026.value, 7258 * pow(1.26, 3), accuracy: 0.5)
        let lower = try XCTUnwrap(y2026.lower), upper = try XCTUnwrap(y2026.upper)
        XCTAssertGreaterThan(lower, 0)
        XCTAssertLessThan(lower, y2026.value)
        XCTAssertGreaterThan(upper, y2026.value)
        // Only floors: a growth cap is met by raising the level, so it breaches nothing.
        let capped = SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential)), parameters: [.init(name: "g", maximum: 0.02)])
        XCTAssertEqual(try ScenarioFitter.forecast(series, assumptions: capped, scenario: "low", horizon: 2027, level: 0.95).boundBreaches, [])
        // Exact values before a floor: the cap cannot reach 9,000 in 2023 from 5,000 and
        // 5,100, and the path breaches that year's bound, on the row it came from.
        var mixed = rows
        mixed[0] = Observation(year: 2021, value: 5000, unit: "亿元", status: .actual, source: "s", line: 2)
        mixed[1] = Observation(year: 2022, value: 5100, unit: "亿元", status: .actual, source: "s", line: 3)
        mixed[2].year = 2023; mixed[2].value = 9000
        let low = try ScenarioFitter.forecast(MarketSeries(id: "s", file: "s.csv", unit: "亿元", observations: mixed),
                                              assumptions: capped, scenario: "low", horizon: 2027, level: 0.95)
        XCTAssertEqual(low.boundBreaches.map(\.year), [2023])
        XCTAssertEqual(low.boundBreaches.first?.line, 4)
        XCTAssertLessThan(low.boundBreaches.first?.fitted ?? .infinity, 9000)
    }

    func testTheLogScaleBandIsPositiveAndAsymmetric() {
        let band = LogScaleBand.band(value: 100, symmetric: (-50, 250))
        XCTAssertEqual(band.lower, 100 * exp(-1.5), accuracy: 1e-9)
        XCTAssertEqual(band.upper, 100 * exp(1.5), accuracy: 1e-9)
        XCTAssertEqual(band.upper / 100, 100 / band.lower, accuracy: 1e-9)
        // A narrow band is the symmetric one to first order.
        let narrow = LogScaleBand.band(value: 100, symmetric: (99, 101))
        XCTAssertEqual(narrow.lower, 99, accuracy: 0.01)
        XCTAssertEqual(narrow.upper, 101, accuracy: 0.01)
    }
}
