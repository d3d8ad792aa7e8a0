import Foundation
import XCTest

/// `check` runs exactly the validation `run` runs: for each broken project below, every
/// error `run` refuses with, `check` reports with the same text, and every error `check`
/// reports stops `run` (both through the built executable).
final class CheckEqualsRunTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-check-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: scratch) }

    /// A fresh copy of the shipped project with one edit: (file, old text, new text).
    private func project(_ name: String, _ edits: [(String, String, String)]) throws -> URL {
        let folder = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for item in ["report.yaml", "datasets", "scenarios", "themes", "published", "commentary"] {
            try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent(item),
                                             to: folder.appendingPathComponent(item))
        }
        for (file, old, new) in edits {
            let url = folder.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertTrue(text.contains(old), "\(name): \(file) should contain \(old)")
            try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    private func errorLines(_ text: String) -> Set<String> {
        Set(text.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") })
    }

    func testEveryInputRunRefusesCheckRefusesWithTheSameMessage() throws {
        let cases: [(String, [(String, String, String)])] = [
            ("backtest-after-data", [("report.yaml", "fit_through: 2024", "fit_through: 2030")]),
            ("backtest-before-data", [("report.yaml", "fit_through: 2024", "fit_through: 2010")]),
            ("unknown-model", [("report.yaml", "model: auto ", "model: autoo ")]),
            ("bad-cell", [("datasets/china-ai-market-size.csv", "2024,9000,", "2024,90O0,")]),
            ("fit-years", [("scenarios/bull.yaml", "model: exponential ", "fit_years: 40\n    model: exponential ")]),
            ("ceiling-below-data", [("scenarios/bear.yaml", "ceiling: {multiple: 2.5}", "ceiling: 100")]),
            // Above the last actual (10,000) but below 2024's "more than 12,000": the path
            // would pass under a published actual bound (issue 19).
            ("ceiling-below-a-bound", [("datasets/china-ai-market-size.csv", "2024,9000,", "2024,12000,"),
                                       ("scenarios/bear.yaml", "ceiling: {multiple: 2.5}", "ceiling: 11000")]),
            // A level fixed at 5,000 for 2023 keeps the bull path below that year's "more
            // than 7,258" although the fit treats the bound as censored (issue 19).
            ("path-below-a-bound", [("scenarios/bull.yaml", "g: {min: 0.26}", "g: {min: 0.26}\n      a: {fixed: 5000}")]),
            ("missing-table", [("report.yaml", "datasets/compute.csv", "datasets/computer.csv")]),
            ("penetration-cell", [("datasets/industry-indicators.csv", "金融,Finance,5,3,4,2,5,4,45,80", "金融,Finance,5,3,4,2,5,4,145,80")]),
            ("two-models", [("scenarios/base.yaml", "model: auto ", "model: exponential ")]),
            ("horizon-before-data", [("report.yaml", "horizon: 2027 ", "horizon: 2023 ")]),
            ("two-problems", [("report.yaml", "fit_through: 2024", "fit_through: 2030"),
                              ("datasets/compute.csv", "vendor,vendor_en", "vendr,vendor_en")]),
        ]
        for (name, edits) in cases {
            let folder = try project(name, edits)
            let check = try CommandRunner.run(["check", "--config", "report.yaml"], in: folder)
            let run = try CommandRunner.run(["run", "--config", "report.yaml", "--out", "out", "--quiet",
                                             "--formats", "png"], in: folder)
            XCTAssertEqual(check.status, 1, "\(name): check should refuse\n\(check.stderr)")
            XCTAssertEqual(run.status, 1, "\(name): run should refuse\n\(run.stderr)")
            let checkErrors = errorLines(check.stderr), runErrors = errorLines(run.stderr)
            XCTAssertFalse(runErrors.isEmpty, name)
            XCTAssertEqual(checkErrors, runErrors, name)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/2026Q4").path),
                           "\(name): a refused run writes nothing")
        }
        // The shipped project passes both.
        let clean = try project("clean", [])
        let check = try CommandRunner.run(["check", "--config", "report.yaml"], in: clean)
        XCTAssertEqual(check.status, 0, check.stderr)
    }
}
