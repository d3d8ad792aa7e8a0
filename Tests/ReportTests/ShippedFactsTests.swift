import Charts
import Logging
import MarketData
import TestSupport
import XCTest
@testable import Report

/// The seed facts of the shipped report as the pages print them, checked against the words
/// of the source (issue 14, section 2) and the data vintage (section 1), in both languages.
final class ShippedFactsTests: XCTestCase {
    /// Every text of every page with `chartID` prefix, per language.
    private static let pages = ShippedReportPages.byLanguage

    private func text(_ chartID: String, _ language: DisplayLanguage, file: StaticString = #filePath, line: UInt = #line) -> String {
        let matching = (Self.pages[language] ?? []).filter { $0.chartID?.hasPrefix(chartID) == true }
        XCTAssertFalse(matching.isEmpty, "no page \(chartID) in \(language)", file: file, line: line)
        return matching.flatMap { page in
            page.scene.items.compactMap { if case .text(let box) = $0 { return box.text } else { return nil } }
        }.joined(separator: "\n")
    }

    func testCaseResultsQuoteTheSourceWords() {
        let zh = text("case-results", .zh), en = text("case-results", .en)
        XCTAssertTrue(zh.contains("+11.38%"), zh)
        XCTAssertFalse(zh.contains("个百分点"), "the source says 提升11.38%, not percentage points")
        XCTAssertTrue(zh.contains("巡检准确率"), zh)
        XCTAssertFalse(zh.contains("精确率"))
        XCTAssertTrue(zh.contains("生成文案"), zh)
        XCTAssertFalse(zh.contains("博文"))
        XCTAssertTrue(en.contains("inspection accuracy"), en)
        XCTAssertFalse(en.contains(" pp"), en)
    }

    func testTheTokenReserveIsAStockAndALowerBound() {
        let zh = text("compute", .zh), en = text("compute", .en)
        XCTAssertTrue(zh.contains("储备量"), zh)
        XCTAssertTrue(zh.contains("10+"), zh)
        XCTAssertTrue(en.lowercased().contains("reserve"), en)
        XCTAssertFalse(zh.contains("10 万亿 tokens/月"), "a stock, not a rate")
    }

    func testReleasesAreTheSourcesIncompleteList() {
        XCTAssertTrue(text("model-releases", .zh).contains("不完全统计"))
        XCTAssertTrue(text("model-releases", .zh).contains("近 80 个"))
        XCTAssertTrue(text("model-releases", .en).contains("incomplete list"))
    }

    func testStageYearsAreThePrintedOnesAndAddedMilestonesAreMarked() {
        let zh = text("ai-stages", .zh), en = text("ai-stages", .en)
        for period in ["1950–1980", "1980–2010", "2010–2020", "2020–至今"] { XCTAssertTrue(zh.contains(period), period) }
        XCTAssertTrue(en.contains("2020–present"), en)
        XCTAssertFalse(zh.contains("解读"), "the years are printed in the source, not marketcast's reading")
        // Deep Blue, deep learning, AlexNet and the Transformer come from outside the source.
        XCTAssertTrue(zh.contains("深蓝战胜国际象棋世界冠军†"), zh)
        XCTAssertTrue(zh.contains("Transformer架构†"), zh)
        XCTAssertFalse(zh.contains("达特茅斯会议†"), zh)
        XCTAssertTrue(en.contains("marked † are not in the report"), en)
    }

    func testApplicationsCiteTheSourceAndFileShenzhenGasAsGas() {
        let zh = text("industry-applications", .zh), en = text("industry-applications", .en)
        XCTAssertTrue(zh.contains("能源-燃气"), zh)
        XCTAssertTrue(en.contains("Energy – gas"), en)
        XCTAssertFalse(zh.contains("未说明"), "the source names manufacturing's functions; say its text was not available")
        XCTAssertTrue(zh.contains("原文未能获取"), zh)
        XCTAssertTrue(en.contains("not filled in by guesswork"), en)
        XCTAssertFalse(en.contains("general tasks"), "a claim the source does not make")
        XCTAssertFalse(zh.contains("public-figures"), "no internal file names on a client page")
    }

    func testTheMarketSizePageShowsTheNewVintageAsBoundsWithItsCutoff() {
        let zh = text("market-size", .zh), en = text("market-size", .en)
        XCTAssertTrue(zh.contains("超过9,000"), zh)
        XCTAssertTrue(en.contains(">900.0"), en)
        XCTAssertFalse(zh.contains("7,470\n"), "the old vintage is not on the page as a value")
        XCTAssertTrue(zh.contains("2023*"), "the derived year is marked on the chart itself")
        XCTAssertTrue(zh.contains("数据截至：2025-12"), zh)
        XCTAssertTrue(en.contains("Data cut-off: 2025-12"), en)
        XCTAssertTrue(zh.contains("2025 年 12 月发布的一版"), zh)
        XCTAssertTrue(text("scenarios", .zh).contains("数据截至：2025-12"))
        XCTAssertTrue(text("scenarios", .en).contains("2023*"))
        XCTAssertTrue(text("methodology-sources", .en).contains("Data cut-off: 2025-12"))
        // Key findings quote the bound as the chart does.
        XCTAssertTrue(text("key-findings", .zh).contains("2025 年为 超过10,000亿元"), text("key-findings", .zh))
        XCTAssertTrue(text("key-findings", .en).contains("reaching >CNY 1,000.0 bn in 2025"), text("key-findings", .en))
    }

    /// A key finding and the chart it cites print a number alike (issue 14 §5): same
    /// rounding, same unit (141.3 on the bar and in the sentence, not 141.34 beside 141.3).
    func testFindingsPrintTheNumbersAsTheirChartsDo() {
        let findings = text("key-findings", .zh)
        let largeModel = text("large-model-market", .zh), marketSize = text("market-size", .zh)
        XCTAssertTrue(largeModel.contains("141.3") && findings.contains("141.3亿元"), findings)
        XCTAssertFalse(findings.contains("141.34"), findings)
        XCTAssertTrue(marketSize.contains("11,738") && findings.contains("11,738亿元"), findings)
        // Visits in the chart's unit: 亿次 on the axis and in the sentence.
        XCTAssertTrue(text("chatgpt-visits", .zh).contains("单位：亿次"))
        XCTAssertTrue(findings.contains("18.0 亿次"), findings)
        XCTAssertTrue(text("key-findings", .en).contains("1,800 million visits"))
        XCTAssertTrue(text("chatgpt-visits", .en).contains("Unit: million visits"))
    }
}
