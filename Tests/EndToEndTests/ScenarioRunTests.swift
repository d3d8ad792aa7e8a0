import Foundation
import XCTest

/// `marketcast run` with the shipped scenarios: forecasts.csv, backtest.csv and the
/// scenario chart, and a scenario mistake stopping the run at its line.
final class ScenarioRunTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-scenario-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    private func rows(_ url: URL) throws -> [[String]] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    func testRunWritesForecastsBacktestAndScenarioChart() throws {
        let outcome = try CommandRunner.run(["run", "--out", scratch.path, "--quiet", "--formats", "png"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let run = scratch.appendingPathComponent("2026Q4")
        let forecasts = try rows(run.appendingPathComponent("forecasts.csv"))
        XCTAssertEqual(forecasts.first, ["series", "scenario", "year", "value", "lower", "upper", "status"])
        // The scenarios cover 中国AI市场规模; the other series (exhibit 2) is written as `default`.
        let body = Array(forecasts.dropFirst()).filter { $0[0] == "china-ai-market-size" }
        XCTAssertTrue(forecasts.dropFirst().filter { $0[0] != "china-ai-market-size" }.allSatisfy { $0[1] == "default" })
        // Three scenarios, and beside the base (weighted 1:1 with the consensus in report.yaml)
        // its statistical trend and the publishers' consensus.
        XCTAssertEqual(body.count, 5 * 5, "five paths × 2023–2027 (the December 2025 vintage)")
        XCTAssertEqual(body.map { $0[1] }, ["base", "trend", "consensus", "bull", "bear"].flatMap { Array(repeating: $0, count: 5) })
        XCTAssertTrue(body.allSatisfy { $0[0] == "china-ai-market-size" })
        XCTAssertEqual(body.prefix(5).map { $0[2] }, (2023...2027).map(String.init))
        XCTAssertEqual(body.prefix(5).map { $0[6] }, Array(repeating: "actual", count: 3) + Array(repeating: "estimate", count: 2))
        func horizon(_ name: String) -> Double? { body.first { $0[1] == name && $0[2] == "2027" }.flatMap { Double($0[3]) } }
        let bear = try XCTUnwrap(horizon("bear")), base = try XCTUnwrap(horizon("base")), bull = try XCTUnwrap(horizon("bull"))
        XCTAssertLessThan(bear, base)
        XCTAssertLessThan(base, bull)
        // The base is the mean of its trend and the consensus, year by year.
        let trend = try XCTUnwrap(horizon("trend")), consensus = try XCTUnwrap(horizon("consensus"))
        XCTAssertEqual(base, (trend + consensus) / 2, accuracy: 1e-6 * base)

        let backtest = try rows(run.appendingPathComponent("backtest.csv"))
        XCTAssertEqual(backtest.first, ["series", "model_or_scenario", "year", "forecast", "actual", "error", "abs_pct_error"])
        let drift2025 = try XCTUnwrap(backtest.first { $0[1] == "drift" && $0[2] == "2025" })
        XCTAssertEqual(drift2025[4], "10000", "compared with the published 2025 (lower bound)")
        let forecast = try XCTUnwrap(Double(drift2025[3])), error = try XCTUnwrap(Double(drift2025[5]))
        XCTAssertEqual(forecast, 9000 + (9000 - 7258), accuracy: 1e-6, "drift continues 2023–2024's change")
        XCTAssertEqual(error, forecast - 10000, accuracy: 1e-6)
        XCTAssertTrue(backtest.contains { $0[1] == "scenario:bear" })
        XCTAssertTrue(FileManager.default.fileExists(atPath: run.appendingPathComponent("charts/scenarios.png").path))

        // Same inputs, same bytes.
        let again = scratch.appendingPathComponent("again")
        XCTAssertEqual(try CommandRunner.run(["run", "--out", again.path, "--quiet", "--formats", "png"]).status, 0)
        for name in ["forecasts.csv", "backtest.csv", "charts/scenarios.csv"] {
            XCTAssertEqual(try Data(contentsOf: run.appendingPathComponent(name)),
                           try Data(contentsOf: again.appendingPathComponent("2026Q4/\(name)")), name)
        }
    }

    func testScenarioMistakeStopsTheRunAtItsLine() throws {
        let data = CommandRunner.packageRoot.appendingPathComponent("datasets/china-ai-market-size.csv").path
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        try """
            quarter: 2026Q4
            horizon: 2027
            series:
              - id: china-ai-market-size
                data: \(data)
            scenarios: [scenarios/bear.yaml]
            """.write(to: scratch.appendingPathComponent("report.yaml"), atomically: true, encoding: .utf8)
        try """
            name: bear
            label: {zh: 悲观情景, en: Bear case}
            series:
              china-ai-market-size:
                model: logistic
                celing: {multiple: 2}
            """.write(to: scratch.appendingPathComponent("scenarios/bear.yaml"), atomically: true, encoding: .utf8)
        let outcome = try CommandRunner.run(["run", "--out", scratch.appendingPathComponent("out").path, "--quiet"], in: scratch)
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("scenarios/bear.yaml:6:5: error: unknown key `celing`"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("did you mean `ceiling`"), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("out/2026Q4").path))
    }
}
