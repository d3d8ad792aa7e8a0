import Foundation
import XCTest

/// check, diff and batch as an analyst uses them, through the built executable.
final class AnalystLoopTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        // The shipped project: report.yaml and every folder it reads from.
        let root = CommandRunner.packageRoot
        for name in ["report.yaml", "datasets", "scenarios", "themes", "published", "commentary"]
        where FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path) {
            try FileManager.default.copyItem(at: root.appendingPathComponent(name), to: scratch.appendingPathComponent(name))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func replace(_ old: String, with new: String, in relative: String) throws {
        let url = scratch.appendingPathComponent(relative)
        let text = try String(contentsOf: url, encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(relative) should contain \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    /// Whether the printed table has a line for `year` with exactly these cells after it.
    private func hasRow(_ table: String, year: String, cells: [String]) -> Bool {
        table.split(separator: "\n").contains { line in
            line.split(separator: " ").map(String.init) == [year] + cells
        }
    }

    private func run(_ arguments: [String]) throws -> CommandRunner.Outcome {
        try CommandRunner.run(arguments, in: scratch)
    }

    func testCheckPassesTheShippedConfigAndListsEveryProblemOtherwise() throws {
        let good = try run(["check"])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(good.stdout.contains("ok"), good.stdout)

        try replace("horizon: 2027", with: "horizn: 2027", in: "report.yaml")
        try replace("model: exponential", with: "model: logistc", in: "report.yaml")
        try replace("2024,9000,", with: "2024,90o0,", in: "datasets/china-ai-market-size.csv")
        let bad = try run(["check"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stderr.contains("report.yaml:3:1: error: unknown key `horizn`"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("did you mean `horizon`"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("did you mean `logistic`"), bad.stderr)
        XCTAssertTrue(bad.stderr.contains("china-ai-market-size.csv:3:6: error: value \"90o0\""), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("output").path),
                       "check writes nothing")
    }

    func testCheckAndRunPointAtTheThemeFileLineAndColumn() throws {
        try replace("  title: 22\n", with: "  title: banana\n", in: "themes/house.yaml")
        let lines = try String(contentsOf: scratch.appendingPathComponent("themes/house.yaml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let line = try XCTUnwrap(lines.firstIndex(of: "  title: banana")) + 1
        let expected = "themes/house.yaml:\(line):10: error: `title` in `font_sizes` must be a number of points, found `banana`\n"
            + "  hint: write a number of points greater than 0, such as 22\n"
        for command in [["check", "--config", "report.yaml"], ["run", "--out", "out", "--quiet"]] {
            let bad = try run(command)
            XCTAssertEqual(bad.status, 1, bad.stderr)
            XCTAssertTrue(bad.stderr.contains(expected), "\(command[0]):\n\(bad.stderr)")
            XCTAssertFalse(bad.stderr.contains("Scalar(") || bad.stderr.contains(scratch.path), bad.stderr)
        }

        // The old spelling of a key still works, and both commands say so at its line.
        try replace("  title: banana\n", with: "  title: 22\n", in: "themes/house.yaml")
        try replace("font_sizes:", with: "fontSizes:", in: "themes/house.yaml")
        let warning = "themes/house.yaml:\(line - 1):1: warning: `fontSizes` is the old spelling; write `font_sizes`"
        let checked = try run(["check"])
        XCTAssertEqual(checked.status, 0, checked.stderr)
        XCTAssertTrue(checked.stderr.contains(warning), checked.stderr)
        XCTAssertTrue(checked.stdout.contains("1 warning"), checked.stdout)
        let ran = try run(["run", "--out", "out", "--formats", "png"])
        XCTAssertEqual(ran.status, 0, ran.stderr)
        XCTAssertTrue(ran.stderr.contains(warning), ran.stderr)
    }

    func testRunWritesAManifestThatOnlyTimingsChange() throws {
        XCTAssertEqual(try run(["run", "--out", "a", "--quiet"]).status, 0)
        XCTAssertEqual(try run(["run", "--out", "b", "--quiet"]).status, 0)
        func withoutTimings(_ folder: String) throws -> [String: Any] {
            let data = try Data(contentsOf: scratch.appendingPathComponent("\(folder)/2026Q4/manifest.json"))
            var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            XCTAssertNotNil(object.removeValue(forKey: "timings"))
            return object
        }
        let a = try withoutTimings("a"), b = try withoutTimings("b")
        XCTAssertEqual(try JSONSerialization.data(withJSONObject: a, options: .sortedKeys),
                       try JSONSerialization.data(withJSONObject: b, options: .sortedKeys))
        let inputs = try XCTUnwrap(a["inputs"] as? [[String: Any]])
        XCTAssertEqual(inputs.prefix(2).map { $0["path"] as? String }, ["report.yaml", "datasets/china-ai-market-size.csv"])
        XCTAssertEqual(inputs.prefix(2).map { $0["role"] as? String }, ["config", "series:china-ai-market-size"])
        for input in inputs {
            let path = try XCTUnwrap(input["path"] as? String)
            XCTAssertEqual(input["sha256"] as? String,
                           try sha256sum(Data(contentsOf: scratch.appendingPathComponent(path))), path)
        }
        let models = try XCTUnwrap(a["models"] as? [[String: Any]])
        // Three years of the December 2025 vintage: the damped trend needs five, and the
        // steady growth leaves out the members without trend.
        XCTAssertEqual(models.first?["chosen"] as? String, "combination(drift,drift-log,theta-log)")
    }

    private func sha256sum(_ data: Data) throws -> String {
        let url = scratch.appendingPathComponent("hash-me")
        try data.write(to: url)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(output.prefix(64))
    }

    func testDiffNamesTheRevisionsAndWhyTheyMoved() throws {
        XCTAssertEqual(try run(["run", "--out", "output", "--quarter", "2026Q3", "--quiet"]).status, 0)
        try replace("2024,9000,", with: "2024,9300,", in: "datasets/china-ai-market-size.csv")
        XCTAssertEqual(try run(["run", "--out", "output", "--quiet"]).status, 0)
        let diff = try run(["diff", "output/2026Q3", "output/2026Q4"])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertTrue(diff.stdout.contains("input data changed"), diff.stdout)
        XCTAssertFalse(diff.stdout.contains("config changed"), diff.stdout)
        XCTAssertTrue(hasRow(diff.stdout, year: "2024", cells: ["9,000.0", "9,300.0", "+300.0", "+3.3%"]), diff.stdout)

        let new = scratch.appendingPathComponent("output/2026Q4")
        let csv = try String(contentsOf: new.appendingPathComponent("revisions.csv"), encoding: .utf8)
        // Every scenario of the series (or the one path, in a run without scenarios) moved the same way in 2024.
        let rows2024 = csv.split(separator: "\n").filter { $0.hasPrefix("china-ai-market-size,") && $0.contains(",2024,") }
        XCTAssertFalse(rows2024.isEmpty, csv)
        XCTAssertTrue(rows2024.allSatisfy { $0.contains(",2024,9000,9300,300,") }, csv)
        XCTAssertTrue(csv.contains(",2023,7258,7258,0,0,actual,actual,input data changed"), csv)
        let charts = try FileManager.default.contentsOfDirectory(atPath: new.appendingPathComponent("revisions").path)
        XCTAssertFalse(charts.isEmpty)
        XCTAssertTrue(charts.allSatisfy { $0.hasPrefix("china-ai-market-size") && $0.hasSuffix(".png") }, "\(charts)")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: new.path).filter { $0.hasPrefix(".") }
        XCTAssertEqual(leftovers, [], "no temporary file is left")

        let missing = try run(["diff", "output/2026Q1", "output/2026Q4"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("output/2026Q1: error: not a run folder"), missing.stderr)
    }

    func testBatchRendersTheGoodSeriesAndFailsOverTheBadOne() throws {
        let folder = scratch.appendingPathComponent("verticals")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: scratch.appendingPathComponent("datasets/china-ai-market-size.csv"),
                                         to: folder.appendingPathComponent("ai.csv"))
        try "year,value,unit,status,source\n2020,1,亿元,actual,x\n2021,NaN,亿元,actual,x\n"
            .write(to: folder.appendingPathComponent("broken.csv"), atomically: true, encoding: .utf8)
        let outcome = try run(["batch", "verticals", "--out", "out", "--formats", "png", "--model", "exponential"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("broken.csv:3:6: error"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("marketcast: batch 2/2"), "plain progress lines when stderr is not a terminal")
        let out = scratch.appendingPathComponent("out/verticals")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("charts").path).sorted(),
                       ["ai.csv", "ai.png"])
        let pages = try CommandRunner.poppler("pdfinfo", [out.appendingPathComponent("batch.pdf").path])
        XCTAssertTrue(pages.contains("Pages:           1"), pages)

        // Two quarters of a batch compare like two runs: the manifest names each series' data.
        try replace("2024,9000,", with: "2024,9300,", in: "verticals/ai.csv")
        XCTAssertEqual(try run(["batch", "verticals", "--out", "next", "--formats", "png", "--model", "exponential",
                                "--quiet"]).status, 1)
        let diff = try run(["diff", "out/verticals", "next/verticals"])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        XCTAssertTrue(diff.stdout.contains("ai: input data changed (ai.csv: SHA-256 differs)"), diff.stdout)
        XCTAssertTrue(hasRow(diff.stdout, year: "2024", cells: ["9,000.0", "9,300.0", "+300.0", "+3.3%"]), diff.stdout)

        let quiet = try run(["batch", "verticals", "--out", "out", "--formats", "png", "--quiet"])
        XCTAssertEqual(quiet.status, 1)
        XCTAssertFalse(quiet.stderr.contains("marketcast: batch"), quiet.stderr)
    }
}
