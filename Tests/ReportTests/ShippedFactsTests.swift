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
        XCTAssertTrue(zh.contains("超10万亿"), zh)  // as the source words it (issue 20)
        XCTAssertFalse(zh.contains("10+万亿"), zh)
        XCTAssertTrue(en.contains("10+"), en)
        XCTAssertTrue(en.lowercased().contains("reserve"), en)
        XCTAssertFalse(zh.contains("10 万亿 tokens/月"), "a stock, not a rate")
    }

    /// Issue 20: the report says consumers' tolerance for error is low (容错程度较低), so
    /// 泛消费 does not score high on accuracy tolerance.
    func testConsumerScoresLowOnErrorToleranceAsTheSourceSays() throws {
        let path = ReportExhibitsTests.root.appendingPathComponent("datasets/industry-indicators.csv").path
        let table = try TypedTable.csv(path: path)
        let industry = try XCTUnwrap(table.optionalColumnIndex(named: "industry_zh"))
        let tolerance = try XCTUnwrap(table.optionalColumnIndex(named: "accuracy_tolerance"))
        let rubric = try XCTUnwrap(table.optionalColumnIndex(named: "rubric"))
        let consumer = try XCTUnwrap(table.rows.first { $0[industry].text == "泛消费" })
        XCTAssertLessThanOrEqual(Double(consumer[tolerance].text) ?? 5, 2)
        XCTAssertTrue(consumer[rubric].text.contains("容错程度较低"))
    }

    /// Issue 20: every page that shows data says how recent it is, table pages included.
    func testEveryTablePageStatesItsDataCutoff() {
        for id in ["chatgpt-visits", "model-releases", "ai-stages", "vendor-landscape", "vendor-benchmarks", "compute",
                   "case-results", "industry-applications"] {
            XCTAssertTrue(text(id, .zh).contains("数据截至："), "\(id) zh")
            XCTAssertTrue(text(id, .en).contains("Data cut-off:"), "\(id) en")
        }
        XCTAssertTrue(text("chatgpt-visits", .zh).contains("数据截至：2023-11"))
    }

    func testReleasesAreTheSourcesIncompleteList() {
        XCTAssertTrue(text("model-releases", .zh).contains("不完全统计"))
        XCTAssertTrue(text("model-releases", .zh).contains("近 80 个"))
        XCTAssertTrue(text("model-releases", .en).contains("which it calls incomplete"))
        // Issue 20: Hunyuan's 2022 date is a disclosure of research, as the vendor page says.
        XCTAssertTrue(text("model-releases", .zh).contains("混元已于 2022 年 4 月首次披露研发进展"))
        XCTAssertFalse(text("model-releases", .zh).contains("混元此前已发布"))
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
        XCTAssertFalse(zh.contains("未说明"), "the source names manufacturing's functions")
        // Issue 20: the functions the 2023 report's text lists, no placeholder for a text
        // that was missing, Belle an operations-management case.
        for function in ["辅助业务清算", "自动化估值", "贷款抵押物识别", "投资研究", "反欺诈", "自动理赔", "智能客服", "营销内容",
                         "商品推荐", "货品智能预测", "智能调度", "智能巡检", "生产计划优化", "实时监测", "生产成本控制", "企业运营管理"] {
            XCTAssertTrue(zh.contains(function), "the applications page lists \(function)")
        }
        for function in ["clearing support", "automated valuation", "fraud detection", "service bots", "product recommendation",
                         "Dispatch", "Inspection", "Production planning", "Cost control", "Operations management"] {
            XCTAssertTrue(en.contains(function), "the English applications page lists \(function)")
        }
        for unfinished in ["具体职能未见于可得摘要", "原文有列", "未能获取", "待据原文补齐", "门店（"] {
            XCTAssertFalse(zh.contains(unfinished), "page 21 is finished: \(unfinished)")
        }
        for unfinished in ["available to marketcast", "not available", "summary available", ".csv", ".txt", "rests on"] {
            XCTAssertFalse(en.contains(unfinished), "page 21 is finished: \(unfinished)")
        }
        XCTAssertTrue(zh.contains("门店数为业务规模"), "Belle's store count is scale, not a result")
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
        XCTAssertTrue(text("key-findings", .zh).contains("2025 年超过10,000亿元"), text("key-findings", .zh))
        // Issue 20: two lower bounds leave no growth rate certain; from a lower bound, at most.
        XCTAssertTrue(text("key-findings", .zh).contains("两个下限之间的增速无法确定"), text("key-findings", .zh))
        XCTAssertTrue(text("key-findings", .zh).contains("年复合增长率至多 29.3%"), text("key-findings", .zh))
        XCTAssertFalse(text("key-findings", .zh).contains("为 超过"), "no stray space before a bound")
        XCTAssertTrue(text("key-findings", .en).contains("2025 more than CNY 1,000.0 bn"), text("key-findings", .en))
    }

    /// A key finding and the chart it cites print a number alike (issue 14 §5): same
    /// rounding, same unit (141.3 on the bar and in the sentence, not 141.34 beside 141.3).
    func testFindingsPrintTheNumbersAsTheirChartsDo() {
        let findings = text("key-findings", .zh)
        let largeModel = text("large-model-market", .zh), marketSize = text("market-size", .zh)
        // The large-model finding quotes growth within one vintage (2020–2022, issue 19), so 70.0.
        XCTAssertTrue(largeModel.contains("70.0") && findings.contains("70.0亿元"), findings)
        XCTAssertFalse(findings.contains("70亿元") || findings.contains("141.34"), findings)
        XCTAssertTrue(marketSize.contains("16,723") && findings.contains("16,723亿元"), findings)
        // Visits in the chart's unit: 亿次 on the axis and in the sentence.
        XCTAssertTrue(text("chatgpt-visits", .zh).contains("单位：亿次"))
        XCTAssertTrue(findings.contains("18.0 亿次"), findings)
        // Issue 20: billions, as English says them (1.80 billion, not 1,800 million).
        XCTAssertTrue(text("key-findings", .en).contains("1.80 billion visits"), text("key-findings", .en))
        XCTAssertTrue(text("chatgpt-visits", .en).contains("Unit: billion visits"))
    }
}
