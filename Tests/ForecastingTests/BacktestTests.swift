import MarketData
import XCTest
@testable import Forecasting

final class BacktestTests: XCTestCase {
    /// 2015–2018 grow exactly 10% a year; 2019 and 2020 are "published later".
    private let series = MarketSeries(id: "toy", file: "toy.csv", unit: "亿元", observations: [
        (2015, 100.0), (2016, 110), (2017, 121), (2018, 133.1), (2019, 150), (2020, 160),
    ].enumerated().map { Observation(year: $1.0, value: $1.1, unit: "亿元", status: .actual, source: "s", line: $0 + 2) })

    func testHandComputedLinearAndExponentialErrors() throws {
        let report = try Backtest.run(series, fitThrough: 2018, scenarios: [], level: 0.95)
        XCTAssertEqual(report.fitYears, 2015...2018)
        XCTAssertEqual(report.testYears, [2019, 2020])
        // Exponential through exact 10% growth: 133.1·1.1 = 146.41, ·1.1 = 161.051.
        let exponential = report.rows.filter { $0.method == .model(.curve(.exponential)) }
        XCTAssertEqual(exponential.map(\.year), [2019, 2020])
        XCTAssertEqual(exponential[0].forecast, 146.41, accuracy: 1e-6)
        XCTAssertEqual(exponential[0].error, -3.59, accuracy: 1e-6)
        XCTAssertEqual(exponential[0].absolutePercentError, 3.59 / 150, accuracy: 1e-8)
        XCTAssertEqual(exponential[1].forecast, 161.051, accuracy: 1e-6)
        XCTAssertEqual(exponential[1].absolutePercentError, 1.051 / 160, accuracy: 1e-8)
        // Least-squares line through (0,100),(1,110),(2,121),(3,133.1): slope 55.15/5 = 11.03,
        // intercept 116.025 − 1.5·11.03 = 99.48; t = 4 → 143.6, t = 5 → 154.63.
        let linear = report.rows.filter { $0.method == .model(.curve(.linear)) }
        XCTAssertEqual(linear[0].forecast, 143.6, accuracy: 1e-6)
        XCTAssertEqual(linear[1].forecast, 154.63, accuracy: 1e-6)
        XCTAssertEqual(report.meanAbsolutePercentError(.model(.curve(.linear))) ?? 0, (6.4 / 150 + 5.37 / 160) / 2, accuracy: 1e-8)
        // Richards has four parameters: four points cannot support it.
        XCTAssertTrue(report.skipped.contains { $0.method == .model(.curve(.richards)) })
        XCTAssertFalse(report.rows.contains { $0.method == .model(.curve(.richards)) })
    }

    func testScenariosAreBacktestedWithTheirAssumptionsAndWrittenInOrder() throws {
        let capped = Scenario(name: "capped", labelZh: "c", labelEn: "c", series: [
            SeriesAssumptions(seriesID: "toy", model: .catalog(.curve(.exponential)), parameters: [.init(name: "g", fixed: 0.05)]),
        ])
        let report = try Backtest.run(series, fitThrough: 2018, scenarios: [capped], level: 0.95)
        let rows = report.rows.filter { $0.method == .scenario("capped") }
        XCTAssertEqual(rows.count, 2)
        // g fixed at 5%: a is the least-squares level, the forecast grows 5% a year from it.
        XCTAssertEqual(rows[1].forecast / rows[0].forecast, 1.05, accuracy: 1e-9)
        XCTAssertEqual(report.methods.last, .scenario("capped"))
        XCTAssertTrue(Backtest.csv([report]).contains(",scenario:capped,"))
        let csv = Backtest.csv([report]).split(separator: "\n").map(String.init)
        XCTAssertEqual(csv[0], "series,model_or_scenario,year,forecast,actual,error,abs_pct_error")
        XCTAssertTrue(csv.contains { $0.hasPrefix("toy,exponential,2019,146.4") && $0.contains(",150,") }, csv.joined(separator: "\n"))
    }

    func testNothingLeftToCompareIsAnError() {
        XCTAssertThrowsError(try Backtest.run(series, fitThrough: 2020, scenarios: [], level: 0.95))
    }
}

extension BacktestTests {
    func testSummaryListsEachMethodOnceWithItsMAPE() throws {
        let report = try Backtest.run(series, fitThrough: 2018, scenarios: [], level: 0.95)
        XCTAssertEqual(report.summary.map(\.method), report.methods)
        let exponential = try XCTUnwrap(report.summary.first { $0.method == .model(.curve(.exponential)) })
        XCTAssertEqual(exponential.years, 2)
        XCTAssertEqual(exponential.meanAbsolutePercentError, (3.59 / 150 + 1.051 / 160) / 2, accuracy: 1e-8)
    }
}
