import Charts
import MarketData
import XCTest
@testable import Report

/// Issue 19 on the shipped pages, in both languages: a growth rate between bounds is never
/// printed as a fact; a series that cannot carry a forecast shows none in any table or
/// summary; two vintages of a series are never joined without saying so.
final class HeadlineRulesTests: XCTestCase {
    private static let pages = ShippedReportPages.byLanguage

    private func text(_ chartID: String, _ language: DisplayLanguage, file: StaticString = #filePath, line: UInt = #line) -> String {
        let matching = (Self.pages[language] ?? []).filter { $0.chartID == chartID || $0.chartID?.hasPrefix(chartID + "-") == true }
        XCTAssertFalse(matching.isEmpty, "no page \(chartID) in \(language)", file: file, line: line)
        return matching.flatMap { page in
            page.scene.items.compactMap { if case .text(let box) = $0 { return box.text } else { return nil } }
        }.joined(separator: "\n")
    }

    private func everyPage(_ language: DisplayLanguage) -> String {
        (Self.pages[language] ?? []).flatMap { page in
            page.scene.items.compactMap { if case .text(let box) = $0 { return box.text } else { return nil } }
        }.joined(separator: "\n")
    }

    /// 2023 above 7,258 and 2025 above 10,000: no rate follows, so 17.4% is printed nowhere.
    func testNoRateBetweenTwoLowerBoundsOnAnyPage() {
        for language in DisplayLanguage.allCases {
            let all = everyPage(language)
            XCTAssertFalse(all.contains("17.4%"), "\(language): the rate between two lower bounds is printed")
        }
        XCTAssertTrue(text("key-findings", .zh).contains("两个下限之间的增速无法确定"), text("key-findings", .zh))
        XCTAssertTrue(text("key-findings", .en).contains("no growth rate between them is certain"), text("key-findings", .en))
        XCTAssertTrue(text("market-size", .zh).contains("故图中不标实际期复合增长率"))
    }

    /// From the 2025 lower bound to 2027E the rate is an upper limit on every page that prints it.
    func testGrowthFromALowerBoundIsAtMostOnEveryPage() {
        for (language, atMost) in [(DisplayLanguage.zh, "至多 29.3%"), (.en, "at most 29.3%")] {
            for id in ["executive-summary", "key-findings", "forecast-comparison"] {
                XCTAssertTrue(text(id, language).contains(atMost), "\(language) \(id): \(text(id, language))")
            }
            XCTAssertTrue(text("market-size", language).contains("CAGR ≤29.3%"), "\(language) market-size")
            XCTAssertTrue(text("executive-summary", language).contains("CAGR ≤29.3%"), "\(language) summary chart")
            // Never the bare rate as if the start were a value.
            for id in ["executive-summary", "key-findings", "market-size", "forecast-comparison"] {
                let page = text(id, language)
                XCTAssertFalse(page.replacingOccurrences(of: atMost, with: "").replacingOccurrences(of: "≤29.3%", with: "")
                                   .contains("29.3%"), "\(language) \(id) prints 29.3% bare")
            }
        }
        XCTAssertTrue(text("forecast-comparison", .zh).contains("基准情景至多 29.3%"))
    }

    /// The large-model market (3 actuals, 1 degree of freedom) shows no forecast anywhere
    /// but its own page's warning, and no E year of a past year.
    func testTheLargeModelSeriesShowsNoForecast() {
        // Its former path: 2024E 290.8, 2025E 596.8, 2026E 1,225.0, 2027E 2,514.4, CAGR 105.4%.
        let fitted = ["290.8", "596.8", "1,225.0", "2,514.4", "105.4%", "29.08", "59.68", "122.5", "251.44"]
        for language in DisplayLanguage.allCases {
            for id in ["executive-summary", "key-findings", "forecast-comparison", "large-model-market"] {
                let page = text(id, language)
                for number in fitted { XCTAssertFalse(page.contains(number), "\(language) \(id) prints \(number)") }
            }
            // Year labels and column headers are whole text items; the note may still quote the
            // publisher's own "2024E 216亿元", labelled as the publisher's forecast at the time.
            for id in ["large-model-market", "executive-summary"] {
                let items = text(id, language).split(separator: "\n").map(String.init)
                XCTAssertFalse(items.contains("2024E") || items.contains("2025E"), "\(language) \(id): a past year labelled a forecast")
            }
        }
        XCTAssertTrue(text("large-model-market", .zh).contains("本报告对该序列不作预测"))
        XCTAssertTrue(text("large-model-market", .en).contains("this report makes no forecast of the series"))
        XCTAssertTrue(text("executive-summary", .zh).contains("不作预测"))
        XCTAssertTrue(text("forecast-comparison", .zh).contains("本报告不作预测"))
        XCTAssertTrue(text("forecast-comparison", .en).contains("no forecast of ours"))
    }

    /// 2020 and 2022 (2023-12) and 2023 (2025-02) are two vintages: growth stays within one,
    /// and the note names them.
    func testTwoVintagesAreNamedAndNeverJoinedByARate() {
        for language in DisplayLanguage.allCases {
            XCTAssertFalse(everyPage(language).contains("111.2%"), "\(language): a CAGR across two vintages")
        }
        let zh = text("large-model-market", .zh), en = text("large-model-market", .en)
        XCTAssertTrue(zh.contains("CAGR 116.0%"), zh)
        XCTAssertTrue(zh.contains("2020、2022 年来自 2023-12 发布版，2023 年来自 2025-02 发布版"), zh)
        XCTAssertTrue(en.contains("2020, 2022 from the 2023-12 publication; 2023 from the 2025-02 publication"), en)
        XCTAssertTrue(text("key-findings", .zh).contains("2020–2022 年实际复合增长率为 116.0%"))
    }

    /// Each scenario's assumptions in words from its YAML, on the scenario page and the
    /// methodology page; no parameter value stands in for them (issue 19, finding 5).
    func testScenarioAssumptionsAreWords() {
        for id in ["scenarios", "methodology"] {
            let zh = text(id, .zh), en = text(id, .en)
            XCTAssertTrue(zh.contains("年增速不低于 26%（数据本身的趋势更低，拟合取此下限）"), "\(id): \(zh)")
            XCTAssertTrue(zh.contains("市场饱和上限为 2025 年下限值的 2.5 倍，即 25,000亿元"), "\(id): \(zh)")
            XCTAssertTrue(zh.contains("自 2026 年起，AI 加速芯片出口管制收紧、算力供给受限，市场规模水平下调 5%"), "\(id): \(zh)")
            XCTAssertTrue(en.contains("annual growth of at least 26%"), "\(id): \(en)")
            XCTAssertTrue(en.contains("the market saturates at 2.5 times the 2025 lower bound, CNY 2,500 bn"), "\(id): \(en)")
            XCTAssertTrue(en.contains("from 2026 on, the level is 5% lower (tighter export controls on AI accelerators"), "\(id): \(en)")
        }
        for language in DisplayLanguage.allCases {
            let all = everyPage(language)
            for raw in ["g = 0.26", "K = 25000", "K = 25,000"] {
                XCTAssertFalse(all.contains(raw), "\(language) prints \(raw)")
            }
            // A median of two values is their mean: the combination says "average".
            XCTAssertFalse(all.contains("中位数") || all.contains("median of"), "\(language): median of two")
        }
        XCTAssertTrue(text("scenarios", .zh).contains("分别按年均增量、按年均增速、按平滑增速外推，每年取中间值"))
        // Each scenario's reason, from its file, on both pages.
        for id in ["scenarios", "methodology"] {
            XCTAssertTrue(text(id, .zh).contains("理由：中国信通院预计 2025 年有望突破1.2万亿元，增速高于 2024 年的 24%"), id)
            XCTAssertTrue(text(id, .en).contains("Why: adoption of large models outside internet and finance is slow"), id)
        }
    }

    /// MIIT's 2025 figure was stated before the year closed: `status: preliminary`, marked
    /// "2025p" and footnoted on every page that shows it (issue 19, finding 7).
    func testThePreliminaryFigureIsMarkedWhereverItIsShown() {
        for (language, note) in [(DisplayLanguage.zh, "p 2025 年（2025-12 发布）为初步数"), (.en, "p 2025 (published 2025-12): preliminary")] {
            for id in ["market-size", "scenarios"] {
                let page = text(id, language)
                XCTAssertTrue(page.split(separator: "\n").contains("2025p"), "\(language) \(id): the year label")
                // A long note is laid out line by line: a line may break inside the footnote.
                let flowing = language == .en ? page.replacingOccurrences(of: "\n", with: " ") : page.replacingOccurrences(of: "\n", with: "")
                XCTAssertTrue(flowing.contains(note), "\(language) \(id): the footnote")
            }
            XCTAssertTrue(text("executive-summary", language).contains("2025p"), "\(language) summary")
        }
        XCTAssertTrue(text("executive-summary", .zh).contains("2025p：超过10,000"))
        XCTAssertTrue(text("executive-summary", .zh).contains("p 为初步数"))
        XCTAssertTrue(text("key-findings", .zh).contains("2025 年超过10,000亿元（初步数）"), text("key-findings", .zh))
        XCTAssertTrue(text("key-findings", .en).contains("more than CNY 1,000.0 bn (preliminary)"), text("key-findings", .en))
        XCTAssertTrue(text("forecast-comparison", .zh).contains("超过10,000亿元（初步数）"))
        XCTAssertTrue(text("forecast-comparison", .en).contains(">CNY 1,000.0 bn (preliminary)"))
    }

    /// The methodology a client reads is in words; the statistics live in a labelled
    /// technical appendix (issue 19, finding 6).
    func testMethodsAreInWordsAndTheStatisticsInTheTechnicalAppendix() {
        let jargon = ["sMAPE", "MAPE", "Dirichlet", "delta", "RSS", "AICc", "BIC", "标准误", "standard error",
                      "自由度", "degree of freedom", "degrees of freedom", "中位数", "median", "种子", "seed "]
        for language in DisplayLanguage.allCases {
            // The technical appendix holds the statistics, and the glossary explains the terms.
            let glossary = language == .zh ? "术语表" : "Glossary"
            for page in Self.pages[language] ?? []
            where page.chartID?.hasPrefix(MethodologyExhibit.technicalID) != true && !page.title.hasPrefix(glossary) {
                let text = page.scene.items.compactMap { if case .text(let box) = $0 { return box.text } else { return nil } }
                    .joined(separator: "\n")
                for term in jargon { XCTAssertFalse(text.contains(term), "\(language) \(page.title) says \(term)") }
            }
            let appendix = text(MethodologyExhibit.technicalID, language)
            XCTAssertTrue(appendix.contains("AICc") && appendix.contains("RSS"), "\(language): the appendix keeps the statistics")
        }
        XCTAssertTrue(text("methodology", .zh).contains("区间从何而来"))
        XCTAssertTrue(text("methodology", .zh).contains("每年取中间值）；最陡或最平的一条路径都不能单独左右结果"))
        XCTAssertTrue(text("methodology", .en).contains("the 95% interval covers 95% of them"))
        XCTAssertTrue(text(MethodologyExhibit.technicalID, .zh).hasPrefix("附录：模型参数与拟合统计（技术说明）"))
    }
}
