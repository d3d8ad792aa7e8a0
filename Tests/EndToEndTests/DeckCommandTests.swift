import Foundation
import XCTest

/// The decks as a user gets them, checked by an independent reader: python-pptx and
/// openpyxl read every native chart back against its CSV, openxml-audit validates the deck
/// and its workbooks, and LibreOffice converts it to PDF (Tests/DeckOracle/check_deck.py).
/// `make test` installs all three; a missing one fails here with the command that installs it.
final class DeckCommandTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-deck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Runs the oracle on `deck` in `folder`; its output is the failure message.
    private func readBack(_ folder: URL, deck: String, libreOffice: Bool = true, expectTheme: String? = nil,
                          file: StaticString = #filePath, line: UInt = #line) throws {
        let script = CommandRunner.packageRoot.appendingPathComponent("Tests/DeckOracle/check_deck.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, folder.path, deck] + (libreOffice ? [] : ["--no-libreoffice"])
            + (expectTheme.map { ["--expect-theme", $0] } ?? [])
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0,
                       "the deck check failed (make test-deps installs python-pptx, openpyxl, openxml-audit, LibreOffice):\n\(text)",
                       file: file, line: line)
        XCTAssertTrue(text.contains(" passed, 0 failed"), text, file: file, line: line)
    }

    func testReportDeckReadsBackAgainstEveryChartCSVAndConvertsInLibreOffice() throws {
        let outcome = try CommandRunner.run(["run", "--config", "report.yaml", "--out", scratch.path, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let run = scratch.appendingPathComponent("2026Q4")
        XCTAssertTrue(FileManager.default.fileExists(atPath: run.appendingPathComponent("report.pptx").path))
        try readBack(run, deck: "report.pptx")
        let manifest = try String(contentsOf: run.appendingPathComponent("manifest.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"pptx\""), "the manifest lists the deck's format")
    }

    /// The report on a foreign template (Tests/Fixtures/deck-template/house.potx, made with
    /// python-pptx by make_house_template.py): every slide on its master and layouts, titles
    /// in its placeholders, colours as references to its theme; LibreOffice draws every slide.
    func testReportOnAFirmTemplate() throws {
        let template = CommandRunner.packageRoot.appendingPathComponent("Tests/Fixtures/deck-template/house.potx")
        let outcome = try CommandRunner.run(["run", "--config", "report.yaml", "--out", scratch.path, "--formats", "pptx",
                                             "--template", template.path, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        try readBack(scratch.appendingPathComponent("2026Q4"), deck: "report.pptx", expectTheme: "Firm House")
    }

    /// Runs a Python script from Tests/DeckOracle; returns its output, failing on a non-zero exit.
    private func python(_ script: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CommandRunner.packageRoot.appendingPathComponent("Tests/DeckOracle/" + script).path] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, "\(script) failed:\n\(text)", file: file, line: line)
        return text
    }

    /// The quarter's update: last quarter's deck (report-2026Q3.yaml) edited the way an
    /// analyst does with python-pptx (Edit Data with changed values and an added year, a new
    /// title, a moved unit label, an added text box, a deleted source note), then
    /// `run --update` writes this quarter into it. The analyst's edits survive, the chart,
    /// hatch, whiskers and CAGR arrows are this quarter's (checked against the same quarter run
    /// without --update), deck-update.txt lists what was not updated, and the deck still
    /// reads back against its CSVs and converts in LibreOffice.
    func testUpdateWritesTheNewQuarterIntoAnEditedDeck() throws {
        let last = scratch.appendingPathComponent("last"), fresh = scratch.appendingPathComponent("fresh")
        let updated = scratch.appendingPathComponent("updated")
        var outcome = try CommandRunner.run(["run", "--config", "report-2026Q3.yaml", "--out", last.path, "--formats", "pptx", "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let edited = scratch.appendingPathComponent("edited.pptx").path
        let moved = try python("edit_like_analyst.py", [last.appendingPathComponent("2026Q3/report.pptx").path, edited])
        let position = try XCTUnwrap(moved.split(separator: "\n").first { $0.hasPrefix("moved unit 1 to ") })
            .dropFirst("moved unit 1 to ".count).split(separator: " ").map(String.init)
        outcome = try CommandRunner.run(["run", "--config", "report.yaml", "--out", fresh.path, "--formats", "pptx", "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        outcome = try CommandRunner.run(["run", "--config", "report.yaml", "--out", updated.path, "--formats", "pptx",
                                         "--update", edited, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let run = updated.appendingPathComponent("2026Q4")
        let text = try python("check_update.py", [run.appendingPathComponent("report.pptx").path,
                                                  fresh.appendingPathComponent("2026Q4/report.pptx").path,
                                                  run.appendingPathComponent("deck-update.txt").path] + position)
        XCTAssertTrue(text.contains(" passed, 0 failed"), text)
        try readBack(run, deck: "report.pptx")
    }

    func testATemplateThatIsNoPackageIsAUsageError() throws {
        let outcome = try CommandRunner.run(["run", "--config", "report.yaml", "--out", scratch.path, "--formats", "pptx",
                                             "--template", "report.yaml", "--quiet"])
        XCTAssertEqual(outcome.status, 64, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("--template"), outcome.stderr)
    }

    func testEnglishDeckReadsBack() throws {
        let outcome = try CommandRunner.run(["run", "--config", "report.yaml", "--out", scratch.path, "--lang", "en",
                                             "--formats", "pptx", "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let run = scratch.appendingPathComponent("2026Q4")
        try readBack(run, deck: "report.pptx", libreOffice: false)
        let charts = try FileManager.default.contentsOfDirectory(atPath: run.appendingPathComponent("charts").path)
        XCTAssertFalse(charts.contains { $0.hasSuffix(".png") }, "--formats pptx draws no chart images")
    }

    func testChartFormatsWithoutPptxWriteNoDeck() throws {
        let outcome = try CommandRunner.run(["run", "--config", "report.yaml", "--out", scratch.path, "--formats", "png",
                                             "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("2026Q4/report.pptx").path))
    }

    func testBatchDeckHasOneSlidePerSeriesAndReadsBack() throws {
        let input = scratch.appendingPathComponent("verticals")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let series = ["cloud": [120.0, 150, 190, 236, 301], "robots": [35.5, 41, 52.25, 60, 77]]
        for (name, values) in series {
            let rows = values.enumerated().map { "\(2019 + $0.offset),\($0.element),亿元,actual,测试" }
            try (["year,value,unit,status,source"] + rows).joined(separator: "\n")
                .write(to: input.appendingPathComponent("\(name).csv"), atomically: true, encoding: .utf8)
        }
        let out = scratch.appendingPathComponent("out")
        let outcome = try CommandRunner.run(["batch", input.path, "--out", out.path, "--formats", "pdf,pptx", "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let folder = out.appendingPathComponent("verticals")
        try readBack(folder, deck: "batch.pptx", libreOffice: false)
        let deck = try Data(contentsOf: folder.appendingPathComponent("batch.pptx"))
        let slides = Set(String(decoding: deck, as: UTF8.self).components(separatedBy: "ppt/slides/slide").dropFirst()
            .compactMap { $0.split(separator: ".").first.flatMap { Int($0) } })
        XCTAssertEqual(slides, [1, 2], "one slide per series")
    }
}
