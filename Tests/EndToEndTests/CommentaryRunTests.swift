import Foundation
import XCTest

/// An analyst's commentary in a real run: its numbers come from the run, so changing a
/// dataset moves them; a broken placeholder is a located error from `check` and `run`.
final class CommentaryRunTests: XCTestCase {
    private var project: URL!

    override func setUpWithError() throws {
        project = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-commentary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        for name in ["report.yaml", "datasets", "scenarios", "themes", "published"] {
            try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent(name),
                                             to: project.appendingPathComponent(name))
        }
        var config = try String(contentsOf: project.appendingPathComponent("report.yaml"), encoding: .utf8)
        // The shipped chapters' section goes (its files are not copied); this test's own replaces it.
        config = config.replacingOccurrences(of: #"(?m)^commentary:.*\n(?:(?:[ #].*)?\n)*"#, with: "", options: .regularExpression)
        XCTAssertFalse(config.contains("commentary/market.md"), config)
        config += "\ncommentary:\n  - file: notes.md\n    after: market-size\n"
        try config.write(to: project.appendingPathComponent("report.yaml"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: project)
    }

    private func writeCommentary(_ text: String) throws {
        try text.write(to: project.appendingPathComponent("notes.md"), atomically: true, encoding: .utf8)
    }

    private func pageText(_ out: String) throws -> String {
        try CommandRunner.poppler("pdftotext", ["-layout", project.appendingPathComponent("\(out)/2026Q4/report.pdf").path, "-"])
    }

    func testTheCommentaryFollowsTheData() throws {
        try writeCommentary("""
            # 市场展望

            2025 年规模{{value china-ai-market-size 2025}}，2027 年基准预测{{value china-ai-market-size 2027}}，见{{exhibit market-size}}。
            """)
        let arguments = ["run", "--config", "report.yaml", "--formats", "png", "--scale", "0.25", "--quiet"]
        let first = try CommandRunner.run(arguments + ["--out", "a"], in: project)
        XCTAssertEqual(first.status, 0, first.stderr)
        let before = try pageText("a")
        XCTAssertTrue(before.contains("2025 年规模超过10,000亿元"), before)
        XCTAssertTrue(before.contains("市场展望"))

        let data = project.appendingPathComponent("datasets/china-ai-market-size.csv")
        let csv = try String(contentsOf: data, encoding: .utf8)
        try csv.replacingOccurrences(of: "\n2025,10000,", with: "\n2025,11000,")
            .write(to: data, atomically: true, encoding: .utf8)
        let second = try CommandRunner.run(arguments + ["--out", "b"], in: project)
        XCTAssertEqual(second.status, 0, second.stderr)
        let after = try pageText("b")
        XCTAssertTrue(after.contains("2025 年规模超过11,000亿元"), after)
        let forecast = { (text: String) in text.components(separatedBy: "2027 年基准预测").dropFirst().first?.prefix(12) ?? "" }
        XCTAssertNotEqual(forecast(before), forecast(after), "the 2027 forecast in the text moved with the data")
        // The page reference is the market-size page's real number.
        let contents = try CommandRunner.poppler("pdftotext", ["-f", "3", "-l", "3",
                                                              project.appendingPathComponent("b/2026Q4/report.pdf").path, "-"])
        XCTAssertTrue(contents.contains("市场展望"), "the commentary is on the contents page: \(contents)")
    }

    func testABrokenPlaceholderIsALocatedErrorInCheckAndRun() throws {
        try writeCommentary("# 展望\n\n规模{{value china-ai-market-size 2027 bul}}，增速{{cagr china-ai-market-siz 2025 2027}}。\n")
        for command in [["check", "--config", "report.yaml"], ["run", "--config", "report.yaml", "--out", "x", "--quiet"]] {
            let outcome = try CommandRunner.run(command, in: project)
            XCTAssertEqual(outcome.status, 1, outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("notes.md:3:3: error: no scenario is called `bul`"), outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("did you mean `bull`?"), outcome.stderr)
            XCTAssertTrue(outcome.stderr.contains("notes.md:3:45: error: no series is called `china-ai-market-siz`"), outcome.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: project.appendingPathComponent("x").path))
    }
}
