import MarketData
import Numerics
import XCTest
@testable import Forecasting

final class ScenarioFitterTests: XCTestCase {
    /// The shipped China AI core-industry actuals (亿元), 2019–2024.
    private let chinaAI = MarketSeries(id: "china-ai-market-size", file: "t.csv", unit: "亿元", observations: [
        (2019, 2633.0), (2020, 3031), (2021, 4305), (2022, 5080), (2023, 5298), (2024, 7470),
    ].enumerated().map { Observation(year: $1.0, value: $1.1, unit: "亿元", status: .actual, source: "s", line: $0 + 2) })

    private func value(_ forecast: SeriesForecast, _ year: Int) throws -> Double {
        try XCTUnwrap(forecast.points.first { $0.year == year }).value
    }

    private func fit(_ assumptions: SeriesAssumptions, horizon: Int = 2027) throws -> SeriesForecast {
        try ScenarioFitter.forecast(chinaAI, assumptions: assumptions, scenario: "t", horizon: horizon, level: 0.95)
    }

    /// Three actuals and an exponential: the symmetric delta-method band reaches far below
    /// zero by 2027 (−526); a positive quantity's band is made on the log scale instead
    /// (LogScaleBand), so its lower end is positive and the band longer above than below.
    func testAPositiveSeriesIntervalNeverGoesBelowZero() throws {
        let short = MarketSeries(id: "m", file: "t.csv", unit: "亿元", observations: [
            (2020, 15.0), (2022, 70), (2023, 141.34),
        ].enumerated().map { Observation(year: $1.0, value: $1.1, unit: "亿元", status: .actual, source: "s", line: $0 + 2) })
        for model: ModelSpec in [.curve(.exponential), .curve(.linear), .auto] {
            let forecast = try Forecaster.forecast(short, model: model, horizon: 2027, level: 0.95)
            for point in forecast.estimates {
                XCTAssertGreaterThanOrEqual(try XCTUnwrap(point.lower), 0, "\(model) \(point.year)")
                XCTAssertGreaterThanOrEqual(point.value, 0, "\(model) \(point.year)")
            }
        }
        let exponential = try Forecaster.forecast(short, model: .curve(.exponential), horizon: 2027, level: 0.95)
        let last = try XCTUnwrap(exponential.estimates.last)
        let lower = try XCTUnwrap(last.lower), upper = try XCTUnwrap(last.upper)
        XCTAssertGreaterThan(lower, 0, "the log-scale band's lower end is positive")
        XCTAssertEqual(upper / last.value, last.value / lower, accuracy: 1e-9, "symmetric on the log scale")
        XCTAssertGreaterThan(upper - last.value, last.value - lower, "longer above than below")
    }

    func testNoAssumptionsIsThePlainCatalogFit() throws {
        let forecast = try fit(SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential))))
        let reference = try GrowthCurves.fit(.exponential, x: (2019...2024).map(Double.init),
                                             y: chinaAI.actuals.map(\.value))
        for year in 2025...2027 {
            XCTAssertEqual(try value(forecast, year), reference.predict(Double(year)), accuracy: 1e-9)
        }
        XCTAssertEqual(forecast.points.filter { !$0.isEstimate }.map(\.value), chinaAI.actuals.map(\.value))
        XCTAssertEqual(forecast.points.map(\.year), Array(2019...2027))
    }

    func testCeilingIsFixedAndNeverExceeded() throws {
        let forecast = try fit(SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.logistic)), ceiling: .absolute(12000)),
                               horizon: 2040)
        XCTAssertEqual(forecast.fit?.parameters.first { $0.name == "K" }?.value, 12000)
        for point in forecast.estimates { XCTAssertLessThan(point.value, 12000) }
        XCTAssertGreaterThan(try value(forecast, 2040), 11000, "a logistic approaches its ceiling")
    }

    func testCeilingMultipleIsOfTheLastActualInTheWindow() throws {
        let forecast = try fit(SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.gompertz)), ceiling: .multipleOfLastActual(2)))
        XCTAssertEqual(forecast.fit?.parameters.first { $0.name == "K" }?.value ?? 0, 14940, accuracy: 1e-9)
    }

    func testSoftAnchorPullsTheForecastTowardItAndTighterPullsHarder() throws {
        let free = try value(try fit(SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential)))), 2027)
        let target = 18000.0
        let loose = try value(try fit(SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential)),
                                                        anchors: [.init(year: 2027, value: target, kind: .soft(tolerance: 0.3))])), 2027)
        let tight = try value(try fit(SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential)),
                                                        anchors: [.init(year: 2027, value: target, kind: .soft(tolerance: 0.02))])), 2027)
        XCTAssertGreaterThan(loose, free)
        XCTAssertLessThan(loose, target)
        XCTAssertGreaterThan(tight, loose)
        XCTAssertLessThan(abs(tight - target), abs(loose - target))
    }

    func testHardAnchorIsMet() throws {
        let forecast = try fit(SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential)),
                                                 anchors: [.init(year: 2026, value: 12500, kind: .hard)]))
        XCTAssertEqual(try value(forecast, 2026), 12500, accuracy: 12500 * 1e-3)
    }

    func testHardAnchorAboveTheCeilingIsRefusedWithAReason() {
        XCTAssertThrowsError(try fit(SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.logistic)), ceiling: .absolute(10000),
                                                       anchors: [.init(year: 2027, value: 12000, kind: .hard)]))) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("hard anchor 12000.0 in 2027"), text)
            XCTAssertTrue(text.contains("hint:"), text)
        }
    }

    func testParameterLimitBindsTheGrowthRate() throws {
        let forecast = try fit(SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential)),
                                                 parameters: [.init(name: "g", minimum: 0.3)]))
        XCTAssertEqual(forecast.fit?.parameters.first { $0.name == "g" }?.value ?? 0, 0.3, accuracy: 1e-9)
    }

    func testFutureShockIsALevelShiftFromItsYear() throws {
        let plain = try fit(SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential))))
        let shocked = try fit(SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential)),
                                                shocks: [.init(year: 2026, size: -0.1)]))
        XCTAssertEqual(try value(shocked, 2025), try value(plain, 2025), accuracy: 1e-9)
        XCTAssertEqual(try value(shocked, 2026), 0.9 * (try value(plain, 2026)), accuracy: 1e-6)
        XCTAssertEqual(try value(shocked, 2027), 0.9 * (try value(plain, 2027)), accuracy: 1e-6)
        let band = try XCTUnwrap(shocked.points.last)
        let plainBand = try XCTUnwrap(plain.points.last)
        XCTAssertEqual(try XCTUnwrap(band.upper), 0.9 * (try XCTUnwrap(plainBand.upper)), accuracy: 1e-6)
    }

    /// A shock inside the data makes the model f·m; the fit must minimise Σ(y − f·m)² on the
    /// original scale. Checked independently: the gradient of that sum by finite differences
    /// is zero at the solution.
    func testShockInsideTheDataMinimisesTheOriginalScaleResiduals() throws {
        let shock = SeriesAssumptions.Shock(year: 2023, size: -0.15)
        let forecast = try fit(SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential)), shocks: [shock]))
        let parameters = try XCTUnwrap(forecast.fit?.parameters)
        let a = parameters[0].value, g = parameters[1].value
        func sum(_ a: Double, _ g: Double) -> Double {
            chinaAI.actuals.reduce(0) { total, o in
                let m = o.year >= 2023 ? 0.85 : 1
                let r = o.value - a * pow(1 + g, Double(o.year - 2019)) * m
                return total + r * r
            }
        }
        let ha = a * 1e-6, hg = 1e-7
        let da = (sum(a + ha, g) - sum(a - ha, g)) / (2 * ha)
        let dg = (sum(a, g + hg) - sum(a, g - hg)) / (2 * hg)
        let scale = sum(a, g)
        XCTAssertLessThan(abs(da * a) / scale, 1e-4)
        XCTAssertLessThan(abs(dg) / scale, 1e-3)
        // And the forecast carries the shock: 2027 = f(2027)·0.85.
        XCTAssertEqual(try value(forecast, 2027), a * pow(1 + g, 8) * 0.85, accuracy: 1e-6)
    }

    func testFitWindowUsesOnlyTheLastYears() throws {
        let forecast = try fit(SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential)), fitYears: 3))
        XCTAssertEqual(forecast.fit?.fitYears, 2022...2024)
        let reference = try GrowthCurves.fit(.exponential, x: [2022, 2023, 2024], y: [5080, 5298, 7470])
        XCTAssertEqual(try value(forecast, 2027), reference.predict(2027), accuracy: 1e-9)
    }

    func testAutoWithACeilingChoosesOnlyAmongCeilingModels() throws {
        let forecast = try fit(SeriesAssumptions(seriesID: "s", model: .auto, ceiling: .multipleOfLastActual(3)))
        guard case .curve(let kind) = forecast.model else { return XCTFail("\(forecast.model) is not a curve") }
        XCTAssertNotNil(kind.ceilingParameter, forecast.model.description)
        XCTAssertNotNil(forecast.fit?.selectionReason)
    }

    func testSameInputsSameNumbers() throws {
        let assumptions = SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.logistic)), ceiling: .multipleOfLastActual(2.5),
                                            anchors: [.init(year: 2026, value: 9500, kind: .soft(tolerance: 0.1))],
                                            shocks: [.init(year: 2026, size: -0.05)])
        let first = try fit(assumptions), second = try fit(assumptions)
        XCTAssertEqual(first.points, second.points)
    }

    func testForecastsTableOrderAndStatus() throws {
        let bear = Scenario(name: "bear", labelZh: "悲观", labelEn: "Bear", series: [
            SeriesAssumptions(seriesID: "china-ai-market-size", model: .catalog(.curve(.logistic)), ceiling: .multipleOfLastActual(2)),
        ])
        let base = Scenario(name: "base", labelZh: "基准", labelEn: "Base", series: [
            SeriesAssumptions(seriesID: "china-ai-market-size", model: .catalog(.curve(.exponential))),
        ])
        let fitted = try ScenarioForecasts.fit(chinaAI, scenarios: [bear, base], horizon: 2026, level: 0.95)
        let lines = ScenarioForecasts.csv([fitted]).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.first, "series,scenario,year,value,lower,upper,status")
        XCTAssertEqual(lines.count, 1 + 2 * 8)
        XCTAssertEqual(lines[1], "china-ai-market-size,bear,2019,2633,,,actual")
        XCTAssertEqual(lines[6], "china-ai-market-size,bear,2024,7470,,,actual")
        XCTAssertTrue(lines[7].hasPrefix("china-ai-market-size,bear,2025,"), lines[7])
        XCTAssertTrue(lines[7].hasSuffix(",estimate"), lines[7])
        XCTAssertEqual(lines[9], "china-ai-market-size,base,2019,2633,,,actual")
        let cells = lines[16].split(separator: ",", omittingEmptySubsequences: false)
        XCTAssertEqual(cells.count, 7)
        let value = try XCTUnwrap(Double(cells[3])), lower = try XCTUnwrap(Double(cells[4])), upper = try XCTUnwrap(Double(cells[5]))
        XCTAssertTrue(lower < value && value < upper, lines[16])
    }
}

extension ScenarioFitterTests {
    /// The exponential written as a formula must give the catalog's numbers (same least
    /// squares problem, same delta-method interval).
    func testFormulaMatchesTheSameCatalogModel() throws {
        let formula = try fit(SeriesAssumptions(seriesID: "s", model: .formula("a*(1+g)^(year-2019)", start: ["a": 2000, "g": 0.1])))
        let catalog = try fit(SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential))))
        XCTAssertEqual(formula.model, .formula)
        for (f, c) in zip(formula.points, catalog.points) {
            XCTAssertEqual(f.value, c.value, accuracy: 1e-6 * c.value)
            if c.isEstimate {
                XCTAssertEqual(try XCTUnwrap(f.lower), try XCTUnwrap(c.lower), accuracy: 1e-5 * c.value)
                XCTAssertEqual(try XCTUnwrap(f.upper), try XCTUnwrap(c.upper), accuracy: 1e-5 * c.value)
            }
        }
    }

    func testFormulaTakesAnchorsAndFixedParameters() throws {
        let anchored = try fit(SeriesAssumptions(seriesID: "s", model: .formula("a*(1+g)^(year-2019)", start: ["a": 2000, "g": 0.1]),
                                                 anchors: [.init(year: 2026, value: 12500, kind: .hard)]))
        XCTAssertEqual(try value(anchored, 2026), 12500, accuracy: 12500 * 1e-3)
        let fixed = try fit(SeriesAssumptions(seriesID: "s", model: .formula("a*(1+g)^(year-2019)", start: ["a": 2000, "g": 0.1]),
                                              parameters: [.init(name: "g", fixed: 0.2)]))
        XCTAssertEqual(fixed.fit?.parameters.first { $0.name == "g" }?.value, 0.2)
    }
}

extension ScenarioFitterTests {
    /// The documented weight: a soft anchor is a pseudo-observation with standard deviation
    /// tolerance × value, weighed against the residual variance of the fit without it.
    func testSoftAnchorWeightFollowsTheDocumentedRule() throws {
        let x = (2019...2024).map(Double.init), y = chinaAI.actuals.map(\.value)
        let free = try GrowthCurves.fit(.exponential, x: x, y: y)
        let variance = free.residualSumOfSquares / Double(free.degreesOfFreedom)
        let sd = 0.15 * 16000
        let reference = try GrowthCurves.fit(.exponential, x: x, y: y, options: GrowthFitOptions(
            pseudoObservations: [PseudoObservation(x: 2027, y: 16000, weight: variance / (sd * sd))]))
        let forecast = try fit(SeriesAssumptions(seriesID: "s", model: .catalog(.curve(.exponential)),
                                                 anchors: [.init(year: 2027, value: 16000, kind: .soft(tolerance: 0.15))]))
        XCTAssertEqual(try value(forecast, 2027), reference.predict(2027), accuracy: 1e-9 * 16000)
        XCTAssertNotEqual(try value(forecast, 2027), free.predict(2027), accuracy: 1)
    }
}
