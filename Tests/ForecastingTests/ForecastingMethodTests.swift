import XCTest
@testable import Forecasting
import MarketData

/// The one method contract: every model an analyst can name is a method, its points agree
/// with its forecast, and what it cannot do is a typed failure.
final class ForecastingMethodTests: XCTestCase {
    private let history = YearlyHistory(years: Array(2015...2024),
                                        values: [100, 112, 121, 138, 150, 171, 180, 204, 221, 240])

    func testEveryNamedModelIsAMethodThatSaysWhatItIs() throws {
        for name in ModelSpec.names {
            let spec = try XCTUnwrap(ModelSpec(name: name))
            let method = spec.method
            XCTAssertEqual(method.spec, spec, name)
            XCTAssertEqual(method.description, name)
        }
    }

    func testPointsAreTheForecastsPoints() throws {
        for spec in [ModelSpec.auto, .yearly(.method(.drift)), .yearly(.method(.thetaLog)), .curve(.exponential),
                     .curve(.logistic), .bestCurve] {
            let method = spec.method
            let forecast = try method.forecast(history, horizon: 4, level: 0.95)
            let points = try method.pointForecasts(history, horizon: 4)
            XCTAssertEqual(points.count, 4, "\(spec)")
            for (a, b) in zip(points, forecast.values) { XCTAssertEqual(a, b, accuracy: 1e-9 * abs(b), "\(spec)") }
            for h in 0..<4 {
                XCTAssertLessThanOrEqual(forecast.lower[h], forecast.values[h], "\(spec)")
                XCTAssertGreaterThanOrEqual(forecast.upper[h], forecast.values[h], "\(spec)")
                XCTAssertGreaterThanOrEqual(forecast.lower[h], 0, "\(spec): a positive history keeps its lower ends ≥ 0")
            }
        }
        // Drift in closed form: the mean yearly change carried forward.
        let drift = try ModelSpec.yearly(.method(.drift)).method.pointForecasts(history, horizon: 2)
        XCTAssertEqual(drift[0], 240 + 140.0 / 9, accuracy: 1e-9)
        XCTAssertEqual(drift[1], 240 + 2 * 140.0 / 9, accuracy: 1e-9)
    }

    func testWhatAMethodCannotDoIsATypedFailure() throws {
        let short = YearlyHistory(years: [2022, 2023, 2024], values: [10, 12, 15])
        XCTAssertThrowsError(try GrowthModelKind.logistic.pointForecasts(short, horizon: 2)) { error in
            guard case MethodFailure.tooFewActuals(.curve(.logistic), 3, 3)? = error as? MethodFailure else {
                return XCTFail("\(error)")
            }
        }
        XCTAssertThrowsError(try YearlyModel.method(.damped).pointForecasts(short, horizon: 2)) { error in
            guard case MethodFailure.tooFewForMethod(.damped, let needs, 3)? = error as? MethodFailure else {
                return XCTFail("\(error)")
            }
            XCTAssertGreaterThan(needs, 3)
        }
    }

    func testAGapIsFilledAndSaid() throws {
        let gappy = YearlyHistory(years: [2018, 2019, 2021, 2022], values: [10, 12, 17, 20])
        let forecast = try YearlyModel.method(.drift).forecast(gappy, horizon: 1, level: 0.95)
        XCTAssertEqual(forecast.warnings.first, .gapsFilled(years: [2020]))
        XCTAssertEqual(forecast.values[0], 20 + 10.0 / 4, accuracy: 1e-9, "drift over the filled five years")
    }

    /// A formula is a model like the others: its spec carries the text, a scenario's model
    /// its start values, and it fits and forecasts through the same contract.
    func testAFormulaIsAModelSpecAndAMethod() throws {
        let model = SeriesAssumptions.Model.formula("a*(1+g)^(year-2015)", start: ["a": 100, "g": 0.1])
        XCTAssertEqual(model.spec, .formula("a*(1+g)^(year-2015)"))
        XCTAssertEqual(model.spec.name, "a*(1+g)^(year-2015)")
        XCTAssertEqual(ForecastModel(model.spec), .formula)
        XCTAssertNotNil(model.spec.refusal(of: .ceiling), "a formula has no designated ceiling")
        XCTAssertNil(model.spec.refusal(of: .anchors))
        let forecast = try model.method.forecast(history, horizon: 2, level: 0.95)
        XCTAssertEqual(forecast.model, .formula)
        // The same curve as the catalog's exponential, fitted the same way.
        let exponential = try GrowthModelKind.exponential.forecast(history, horizon: 2, level: 0.95)
        for h in 0..<2 { XCTAssertEqual(forecast.values[h], exponential.values[h], accuracy: 1e-6 * exponential.values[h]) }
        // Without start values the fit says which parameter needs one.
        XCTAssertThrowsError(try ModelSpec.formula("a*(1+g)^(year-2015)").method.pointForecasts(history, horizon: 1)) { error in
            XCTAssertTrue("\(error)".contains("start value"), "\(error)")
        }
    }
}
