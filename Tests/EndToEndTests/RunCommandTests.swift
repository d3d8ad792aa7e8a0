import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

final class RunCommandTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func runDefault(into out: URL, extra: [String] = []) throws -> CommandRunner.Outcome {
        try CommandRunner.run(["run", "--config", "report.yaml", "--out", out.path, "--quiet"] + extra)
    }

    /// Width and height from a PNG's IHDR chunk.
    private func pngSize(_ url: URL) throws -> (Int, Int) {
        let bytes = [UInt8](try Data(contentsOf: url))
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        func be32(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (be32(16), be32(20))
    }

    func testDefaultReportWritesEveryFileOfTheContract() throws {
        let outcome = try runDefault(into: scratch)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let run = scratch.appendingPathComponent("2026Q4")
        let charts = run.appendingPathComponent("charts")
        for name in ["market-size.png", "market-size.svg", "market-size.pdf", "market-size.csv"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: charts.appendingPathComponent(name).path), name)
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: run.appendingPathComponent("report.pdf").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
        XCTAssertEqual(leftovers, ["2026Q4"], "no staging folder is left behind")

        let (width, height) = try pngSize(charts.appendingPathComponent("market-size.png"))
        XCTAssertEqual(width, 1920)
        XCTAssertEqual(height, 1080)

        let svg = try Data(contentsOf: charts.appendingPathComponent("market-size.svg"))
        let document = try XMLDocument(data: svg)
        XCTAssertEqual(document.rootElement()?.name, "svg")

        let text = try CommandRunner.poppler("pdftotext", [run.appendingPathComponent("report.pdf").path, "-"])
        XCTAssertTrue(text.contains("中国人工智能核心产业规模"), text)  // the publisher's definition (issue 20)
        XCTAssertTrue(text.contains("2027E"), text)
        XCTAssertTrue(text.contains("CAGR"), text)
        XCTAssertTrue(text.contains("超过9,000"), "the 2024 lower bound is labelled as one, with a thousands separator")
        let fonts = try CommandRunner.poppler("pdffonts", [charts.appendingPathComponent("market-size.pdf").path])
        XCTAssertTrue(fonts.contains("NotoSansCJK"), fonts)
        XCTAssertFalse(fonts.split(separator: "\n").dropFirst(2).contains { $0.contains(" no  ") && $0.contains("emb") },
                       "every font is embedded: \(fonts)")

        let csv = try String(contentsOf: charts.appendingPathComponent("market-size.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").dropFirst()
        XCTAssertEqual(rows.map { String($0.prefix(4)) }, (2023...2027).map(String.init))
        XCTAssertTrue(rows.first?.hasPrefix("2023,2023*,7258,,,actual,亿元,lower") ?? false, csv)
        XCTAssertTrue(rows.last?.contains(",estimate,") ?? false, csv)
    }

    /// The run's warnings reach the terminal as diagnostics: one of no file is named by the
    /// program like the log's other lines, once (themes/house.yaml's located warning is in
    /// AnalystLoopTests).
    func testRunWarningsOfNoFileAreNamedByTheProgram() throws {
        let outcome = try CommandRunner.run(["run", "--config", "report.yaml", "--out", scratch.path, "--formats", "pdf"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let warnings = outcome.stderr.split(separator: "\n").filter { $0.contains("warning: ") }
        XCTAssertTrue(warnings.contains { $0.hasPrefix("marketcast: warning: china-ai-market-size: ") }, outcome.stderr)
        // Every warning starts with its file or the program, never with a bare severity or twice.
        XCTAssertTrue(warnings.allSatisfy { !$0.hasPrefix("warning: ") && !$0.contains("warning: warning:") }, outcome.stderr)
    }

    func testSameInputsGiveTheSameBytes() throws {
        let first = scratch.appendingPathComponent("a"), second = scratch.appendingPathComponent("b")
        XCTAssertEqual(try runDefault(into: first).status, 0)
        // The second run in another time zone: no date in any file may follow the clock.
        XCTAssertEqual(try CommandRunner.run(["run", "--config", "report.yaml", "--out", second.path, "--quiet"],
                                             environment: ["TZ": "Pacific/Kiritimati"]).status, 0)
        for name in ["report.pdf", "report.pptx", "charts/market-size.png", "charts/market-size.svg",
                     "charts/market-size.pdf", "charts/market-size.csv"] {
            let a = try Data(contentsOf: first.appendingPathComponent("2026Q4/\(name)"))
            let b = try Data(contentsOf: second.appendingPathComponent("2026Q4/\(name)"))
            XCTAssertEqual(a, b, "\(name) differs between two runs")
        }
    }

    func testBadDatasetNamesFileAndLineAndLeavesNoOutput() throws {
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("datasets"),
                                                withIntermediateDirectories: true)
        try "year,value,unit,status,source\n2020,100,亿元,actual,x\n2021,abc,亿元,actual,x\n"
            .write(to: scratch.appendingPathComponent("datasets/bad.csv"), atomically: true, encoding: .utf8)
        try """
            quarter: 2026Q4
            horizon: 2027
            series:
              - id: bad
                data: datasets/bad.csv
                title: Bad
            """.write(to: scratch.appendingPathComponent("report.yaml"), atomically: true, encoding: .utf8)
        let out = scratch.appendingPathComponent("out")
        let outcome = try CommandRunner.run(["run", "--config", scratch.appendingPathComponent("report.yaml").path,
                                             "--out", out.path])
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("bad.csv:3:"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("abc"), outcome.stderr)
        XCTAssertFalse(outcome.stderr.contains("Fatal error"), outcome.stderr)
        let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        XCTAssertEqual(written, [], "a failed run writes nothing")
    }

    func testOutputThatCannotBeWrittenIsAClearError() throws {
        let blocker = scratch.appendingPathComponent("file-not-folder")
        try "x".write(to: blocker, atomically: true, encoding: .utf8)
        let outcome = try runDefault(into: blocker)
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("cannot"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("hint:"), outcome.stderr)
    }

    func testMissingConfigIsAClearError() throws {
        let outcome = try CommandRunner.run(["run", "--config", scratch.appendingPathComponent("nope.yaml").path])
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("nope.yaml"), outcome.stderr)
    }
}
