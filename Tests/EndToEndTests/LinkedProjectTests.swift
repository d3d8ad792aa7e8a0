import Foundation
import XCTest

/// Issue 19 end to end on `Tests/Fixtures/linked-project` (its README says what is in it): two
/// vintages linked by growth, a lower-bounded year with two sources, a preliminary figure and
/// the publishers' consensus weighted into the base case. `check` passes, `run` writes the PDF
/// and the deck in both languages, and the pages and forecasts.csv say what the rules require.
final class LinkedProjectTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-linked-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: CommandRunner.packageRoot.appendingPathComponent("Tests/Fixtures/linked-project"),
                                         to: folder)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func run(_ language: String) throws -> (pages: String, forecasts: String) {
        let out = folder.appendingPathComponent("out-\(language)")
        let outcome = try CommandRunner.run(["run", "--config", "report.yaml", "--out", out.path, "--quiet", "--lang", language],
                                            in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let edition = out.appendingPathComponent("2026Q2")
        XCTAssertTrue(FileManager.default.fileExists(atPath: edition.appendingPathComponent("report.pptx").path), "the deck is written")
        let pages = try CommandRunner.poppler("pdftotext", [edition.appendingPathComponent("report.pdf").path, "-"])
        let forecasts = try String(contentsOf: edition.appendingPathComponent("forecasts.csv"), encoding: .utf8)
        return (pages, forecasts)
    }

    private func value(_ csv: String, _ scenario: String, _ year: Int) -> Double? {
        for line in csv.split(separator: "\n") {
            let cells: [String] = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if cells.count > 3, cells[0] == "market", cells[1] == scenario, cells[2] == String(year) { return Double(cells[3]) }
        }
        return nil
    }

    func testALinkedBoundedProjectWithAConsensusRunsEndToEnd() throws {
        let check = try CommandRunner.run(["check", "--config", "report.yaml"], in: folder)
        XCTAssertEqual(check.status, 0, check.stderr)
        let (zh, csv) = try run("zh"), (en, _) = try run("en")

        // Linked by growth from the new 2023 level 800: 2022 = 800 · 600/650, back to 2019.
        let linked2022 = 800.0 * 600 / 650, linked2019 = linked2022 * 530 / 600 * 460 / 530 * 400 / 460
        XCTAssertEqual(value(csv, "base", 2022) ?? 0, linked2022, accuracy: 1e-9)
        XCTAssertEqual(value(csv, "base", 2019) ?? 0, linked2019, accuracy: 1e-9)
        XCTAssertTrue(zh.contains("2019–2022 年为链接值"), zh)
        XCTAssertTrue(zh.contains("按旧版增速回推（非公布值）"), "the linked bars' legend entry")
        XCTAssertTrue(en.contains("2019–2022: linked, carried back from the new vintage's 2023 figure"), en)
        // Two sources for 2024: the tighter (1,100) is the figure, both are named.
        XCTAssertEqual(value(csv, "base", 2024), 1100)
        XCTAssertTrue(zh.contains("2024 年有 2 个来源"), zh)
        XCTAssertTrue(en.contains("2024 has 2 sources"), en)
        // The preliminary 2025 is marked and footnoted.
        XCTAssertTrue(zh.contains("2025p"), zh)
        XCTAssertTrue(en.contains("preliminary, stated before the year closed"), en)
        // The consensus: 甲's "more than 1,400" for 2025 grown at 丙's 25%; the base weighs it 1:1 with the trend.
        let consensus2026 = try XCTUnwrap(value(csv, "consensus", 2026)), trend2026 = try XCTUnwrap(value(csv, "trend", 2026))
        XCTAssertEqual(consensus2026, 1400 * 1.25, accuracy: 1e-9)
        XCTAssertEqual(value(csv, "base", 2026) ?? 0, (trend2026 + consensus2026) / 2, accuracy: 1e-9)
        XCTAssertTrue(zh.contains("出版方共识"), zh)
        XCTAssertTrue(zh.contains("与出版方共识按 1:1 加权"), zh)
        XCTAssertTrue(en.contains("weighted 1:1 with the publishers' consensus"), en)
        // No path of the project passes below a published bound, and the bull curve sits above 1,100 in 2024.
        XCTAssertFalse(check.stderr.contains("below that year's published lower bound"), check.stderr)
        // The linked years deepen the backtest: fitted on 2019–2023, scored on 2024 and 2025.
        XCTAssertTrue(zh.contains("2019–2023"), zh)
    }
}
