import Foundation
import XCTest

/// Issue 19 end to end, on a small project of its own (not the shipped one): a series whose
/// first figure is exact and whose last is a preliminary lower bound, a series too short to
/// forecast, and a bear scenario whose shock states its cause; the edition (2025Q2) comes
/// after a year the series has no figure for (2024), whose estimate is no forecast. `run` writes the PDF and the
/// deck in both languages, and the pages say what the rules require.
final class HeadlineProjectTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-headline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        let files: [String: String] = [
            "market.csv": """
                year,value,unit,status,bound,source,published
                2019,500,亿元,actual,,甲研究院 2023-12,2023-12
                2020,610,亿元,actual,,甲研究院 2023-12,2023-12
                2021,700,亿元,actual,,甲研究院 2023-12,2023-12
                2022,820,亿元,actual,,甲研究院 2023-12,2023-12
                2023,1000,亿元,preliminary,lower,甲研究院 2023-12,2023-12

                """,
            "short.csv": """
                year,value,unit,status,source,published
                2021,10,亿元,actual,乙咨询 2024-01,2024-01
                2022,16,亿元,actual,乙咨询 2024-01,2024-01
                2023,25,亿元,actual,乙咨询 2024-01,2024-01

                """,
            "scenarios/base.yaml": """
                name: base
                label: {zh: 基准情景, en: Base case}
                series:
                  market:
                    model: auto

                """,
            "scenarios/bear.yaml": """
                name: bear
                label: {zh: 悲观情景, en: Bear case}
                series:
                  market:
                    model: exponential
                    shocks:
                      - {year: 2025, size: -0.1, cause: 行业监管收紧, cause_en: tighter industry regulation}

                """,
            "report.yaml": """
                quarter: 2025Q2
                horizon: 2026
                language: zh
                document: {title: 测试报告, title_en: Test report, date: 2024-03-01}
                series:
                  - id: market
                    data: market.csv
                    title: 测试市场
                    title_en: Test market
                    model: auto
                    chart: market-size
                  - id: short
                    data: short.csv
                    title: 短序列市场
                    title_en: Short market
                    model: exponential
                    chart: market-size
                    chart_id: short-market
                scenarios: [scenarios/base.yaml, scenarios/bear.yaml]
                base_scenario: base

                """,
        ]
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func pages(_ language: String) throws -> String {
        let out = folder.appendingPathComponent("out-\(language)")
        let outcome = try CommandRunner.run(["run", "--config", "report.yaml", "--out", out.path, "--quiet", "--lang", language],
                                            in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let run = out.appendingPathComponent("2025Q2")
        XCTAssertTrue(FileManager.default.fileExists(atPath: run.appendingPathComponent("report.pptx").path), "the deck is written")
        return try CommandRunner.poppler("pdftotext", [run.appendingPathComponent("report.pdf").path, "-"])
    }

    func testTheRulesHoldEndToEndInBothLanguages() throws {
        let zh = try pages("zh"), en = try pages("en")
        // Exact start, lower-bounded end: the actual growth is "at least"; from the bound to
        // the horizon "at most".
        XCTAssertTrue(zh.contains("CAGR ≥"), zh)
        XCTAssertTrue(zh.contains("实际复合增长率至少"), zh)
        XCTAssertTrue(zh.contains("年复合增长率至多"), zh)
        XCTAssertTrue(en.contains("CAGR of at least"), en)
        XCTAssertTrue(en.contains("at most"), en)
        // The preliminary 2023 is marked and footnoted.
        XCTAssertTrue(zh.contains("2023p"), zh)
        XCTAssertTrue(zh.contains("p 2023 年（2023-12 发布）为初步数"), zh)
        XCTAssertTrue(en.contains("p 2023 (published 2023-12): preliminary"), en)
        // The bear scenario's shock in words, with its cause.
        XCTAssertTrue(zh.contains("自 2025 年起，行业监管收紧，市场规模水平下调 10%"), zh)
        XCTAssertTrue(en.contains("from 2025 on, the level is 10% lower (tighter industry regulation)"), en)
        // 2024 lies before the 2025Q2 edition and is unpublished: an estimate of the past.
        XCTAssertTrue(zh.contains("2024（估）"), zh)
        XCTAssertTrue(zh.contains("早于本期报告（2025 年）的年份"), zh)
        XCTAssertTrue(en.contains("2024 est."), en)
        for text in [zh, en] { XCTAssertFalse(text.contains("2024E"), "a past year labelled a forecast") }
        XCTAssertTrue(zh.contains("2025E") && zh.contains("2026E"), zh)
        // The short series: no forecast anywhere, its page warns.
        XCTAssertTrue(zh.contains("本报告对该序列不作预测"), zh)
        XCTAssertTrue(en.contains("too short"), en)
        for text in [zh, en] {
            XCTAssertFalse(text.contains("RSS") && !text.contains("附录") && !text.contains("Appendix"), "statistics only in the appendix")
        }
    }
}
