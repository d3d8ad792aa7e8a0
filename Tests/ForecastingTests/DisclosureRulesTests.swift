import MarketData
import Numerics
import XCTest
@testable import Forecasting

/// The rules behind issue 14 §3's disclosures, each with a case that makes it fail.
final class DisclosureRulesTests: XCTestCase {
    private func series(_ values: [Double]) -> MarketSeries {
        MarketSeries(id: "s", file: "s.csv", unit: "亿元", observations: values.enumerated().map {
            Observation(year: 2020 + $0.offset, value: $0.element, unit: "亿元", status: .actual, source: "s", line: $0.offset + 2)
        })
    }

    // MARK: ForecastSupport

    func testACurveOnThreeActualsIsTooShortAndOnFourIsNot() throws {
        let three = try Forecaster.forecast(series([100, 112, 121]), model: .curve(.exponential), horizon: 2025, level: 0.95)
        XCTAssertEqual(ForecastSupport(three), ForecastSupport(actuals: 3, degreesOfFreedom: 1))
        XCTAssertFalse(ForecastSupport(three).isSupported)
        let four = try Forecaster.forecast(series([100, 112, 121, 135]), model: .curve(.exponential), horizon: 2025, level: 0.95)
        XCTAssertEqual(ForecastSupport(four), ForecastSupport(actuals: 4, degreesOfFreedom: 2))
        XCTAssertTrue(ForecastSupport(four).isSupported)
    }

    func testAutoOnThreeActualsIsChargedOneParameter() throws {
        let auto = try Forecaster.forecast(series([100, 112, 121]), model: .auto, horizon: 2025, level: 0.95)
        XCTAssertNil(auto.fit)
        XCTAssertEqual(ForecastSupport(auto), ForecastSupport(actuals: 3, degreesOfFreedom: 2))
        XCTAssertTrue(ForecastSupport(auto).isSupported)
        let two = try Forecaster.forecast(series([100, 112]), model: .auto, horizon: 2025, level: 0.95)
        XCTAssertFalse(ForecastSupport(two).isSupported)
    }

    func testTheThresholdsAreTheDocumentedOnes() {
        XCTAssertEqual(ForecastSupport.minimumActuals, 3)
        XCTAssertEqual(ForecastSupport.minimumDegreesOfFreedom, 2)
        XCTAssertFalse(ForecastSupport(actuals: 5, degreesOfFreedom: 1).isSupported)
        XCTAssertFalse(ForecastSupport(actuals: 2, degreesOfFreedom: 2).isSupported)
        XCTAssertTrue(ForecastSupport(actuals: 3, degreesOfFreedom: 2).isSupported)
    }

    // MARK: BacktestStanding

    private func report(_ errors: [String: Double], years: [Int] = [2025]) -> BacktestReport {
        // Each method misses every held-out year by `errors[method]` × the actual 100.
        let methods: [BacktestSubject] = [.model(.yearly(.auto)), .model(.yearly(.method(.naive))), .model(.yearly(.method(.drift))), .scenario("base")]
        let rows = methods.flatMap { method in
            years.map { BacktestRow(method: method, year: $0, forecast: 100 * (1 + (errors[method.description] ?? 0)), actual: 100) }
        }
        return BacktestReport(seriesID: "s", unit: "亿元", fitYears: 2020...2024, testYears: years, rows: rows, skipped: [])
    }

    func testTheBestModelNeedsNoReasonAndAScenarioIsNoRival() {
        let standing = BacktestStanding(model: .auto,
                                        in: report(["auto": 0.05, "naive": 0.10, "drift": 0.07, "scenario:base": 0.01]),
                                        heldOutLowerBounds: false)
        XCTAssertEqual(standing.rank, 1)
        XCTAssertTrue(standing.isBest)
        XCTAssertEqual(standing.modelCount, 3, "scenarios are not ranked against models")
        XCTAssertEqual(standing.reasons, [])
    }

    func testAModelBehindTheBestSaysWhy() {
        let oneYear = BacktestStanding(model: .auto,
                                       in: report(["auto": 0.095, "naive": 0.10, "drift": 0.074]), heldOutLowerBounds: true)
        XCTAssertEqual(oneYear.rank, 2)
        XCTAssertEqual(oneYear.best?.method, .model(.yearly(.method(.drift))))
        XCTAssertEqual(oneYear.modelError ?? .nan, 0.095, accuracy: 1e-12)
        XCTAssertEqual(oneYear.reasons, [.fewHeldOutYears(1), .heldOutAreLowerBounds, .referenceEvidence])
        // Three exact held-out years and a curve: nothing excuses it.
        let decided = BacktestStanding(model: .yearly(.method(.naive)), in: report(["auto": 0.02, "naive": 0.10, "drift": 0.05], years: [2023, 2024, 2025]),
                                       heldOutLowerBounds: false)
        XCTAssertEqual(decided.rank, 3)
        XCTAssertEqual(decided.reasons, [])
        XCTAssertFalse(decided.isBest)
        // Not backtested at all.
        XCTAssertNil(BacktestStanding(model: .curve(.gompertz), in: report(["auto": 0.02]), heldOutLowerBounds: false).rank)
    }

    // MARK: Rank sensitivity over scores

    private func table() -> IndustryIndicatorTable {
        let rows: [[Double]] = [[5, 4, 5], [4, 4, 4], [3, 3, 4], [3, 2, 2], [1, 2, 1]]
        return IndustryIndicatorTable(file: "t", indicators: ["a", "b", "c"], industries: rows.enumerated().map {
            IndustryIndicators(nameZh: "i\($0.offset)", nameEn: "", scores: $0.element, currentPenetration: 10, potential: 50)
        })
    }

    func testPerturbedScoresMoveRanksThatFixedWeightsCannot() {
        // Concentration 1e9 pins the weights: without score steps every rank is certain.
        let weightsOnly = RankSensitivity.run(table: table(), normalisation: .minMax, weights: [1, 1, 1], draws: 400,
                                              concentration: 1e9, scoreStep: 0, seed: 5)
        XCTAssertTrue(weightsOnly.probabilities.allSatisfy { row in row.filter { $0 > 0 }.count == 1 })
        let withScores = RankSensitivity.run(table: table(), normalisation: .minMax, weights: [1, 1, 1], draws: 400,
                                             concentration: 1e9, scoreStep: 0.5, seed: 5)
        XCTAssertEqual(withScores.scoreStep, 0.5)
        XCTAssertTrue(withScores.probabilities.contains { row in row.filter { $0 > 0 }.count > 1 })
        for row in withScores.probabilities { XCTAssertEqual(row.reduce(0, +), 1, accuracy: 1e-12) }
        // Seeded: the same inputs give the same numbers, another seed others.
        let again = RankSensitivity.run(table: table(), normalisation: .minMax, weights: [1, 1, 1], draws: 400,
                                        concentration: 1e9, scoreStep: 0.5, seed: 5)
        XCTAssertEqual(withScores, again)
        let other = RankSensitivity.run(table: table(), normalisation: .minMax, weights: [1, 1, 1], draws: 400,
                                        concentration: 1e9, scoreStep: 0.5, seed: 6)
        XCTAssertNotEqual(withScores.probabilities, other.probabilities)
    }

    func testABadScoreStepNeverTraps() {
        for step in [-1, 7, Double.nan, .infinity] {
            let result = RankSensitivity.run(table: table(), normalisation: .zScore, weights: [1, 0, 2], draws: 20,
                                             concentration: 10, scoreStep: step, seed: 1)
            XCTAssertTrue((0...1).contains(result.scoreStep), "\(step)")
            XCTAssertEqual(result.probabilities.count, 5)
        }
    }

    func testWholePointsRoundHalfAwayFromZero() {
        XCTAssertEqual(PenetrationScore(industry: 0, score: 94.4, rank: 1).wholePoints, 94)
        XCTAssertEqual(PenetrationScore(industry: 0, score: 72.5, rank: 1).wholePoints, 73)
        XCTAssertTrue(PenetrationScore(industry: 0, score: .nan, rank: 1).wholePoints.isNaN)
    }
}
