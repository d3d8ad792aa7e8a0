import Charts
import Forecasting
import Logging
import MarketData
import TestSupport
import XCTest
@testable import Report

/// Nothing internal on the pages a client reads (issue 14, section 5): no file paths, no
/// "n/a", no "not tried"; the cover credits every publisher and says what is ours; English
/// amounts in one currency style.
final class ClientPageTextTests: XCTestCase {
    private static let pages = ShippedReportPages.byLanguage

    private static func texts(_ page: ReportPage) -> [String] {
        page.scene.items.compactMap { if case .text(let box) = $0 { return box.text } else { return nil } }
    }

    func testNoPageNamesAFilePathOrAnUndefinedValue() {
        for language in DisplayLanguage.allCases {
            let pages = Self.pages[language] ?? []
            XCTAssertGreaterThan(pages.count, 15, "\(language) report built")
            // The sources page lists each dataset by name (its point is which file holds
            // what); no page points into the tool's folders.
            for page in pages {
                let text = Self.texts(page).joined(separator: "\n")
                // Exhibits are not numbered on the pages, so no text may cite one by number.
                XCTAssertNil(text.range(of: "not tried", options: .caseInsensitive), "\(language) page \(page.title)")
                for fragment in ["datasets/", "scenarios/", "charts/", ".yaml", "n/a", "NaN",
                                 "图表一", "图表二", "exhibit 1", "Exhibit 1", "exhibit 2"] {
                    XCTAssertFalse(text.contains(fragment), "\(language) page \(page.title) shows \(fragment)")
                }
            }
        }
    }

    func testTheCoverCreditsThePublishersAndSaysWhatIsOurs() throws {
        let zh = try XCTUnwrap(Self.pages[.zh]?.first).scene
        let cover = zh.items.compactMap { if case .text(let box) = $0 { return box.text } else { return nil } }.joined()
        for publisher in ["中国信通院", "工业和信息化部", "中商产业研究院", "Similarweb", "弗若斯特沙利文 / 头豹研究院 2023 年报告"] {
            XCTAssertTrue(cover.contains(publisher), "the cover credits \(publisher): \(cover)")
        }
        XCTAssertTrue(cover.contains("marketcast 所作"), cover)
        XCTAssertFalse(cover.contains("marketcast 分析师依据"), "our scoring is not credited as a publisher")
    }

    func testEnglishAmountsPutTheCurrencyFirst() {
        let text = (Self.pages[.en] ?? []).flatMap(Self.texts).joined(separator: "\n")
        XCTAssertNil(text.range(of: #"\d CNY (bn|tn|m)\b"#, options: .regularExpression), "amounts read CNY 1,326 bn, not 1,326 CNY bn")
        XCTAssertNotNil(text.range(of: #"CNY [\d,.]+ bn"#, options: .regularExpression))
    }

    func testCitationsReduceToTheirPublisher() {
        XCTAssertEqual(SourceCredits.publisher(of: "中国信通院 2025-12"), "中国信通院")
        XCTAssertEqual(SourceCredits.publisher(of: "Similarweb（2023-09 报道）"), "Similarweb")
        XCTAssertEqual(SourceCredits.publisher(of: "Similarweb via The Hill"), "Similarweb")
        XCTAssertEqual(SourceCredits.publisher(of: "Similarweb, reported 2023-09"), "Similarweb")
        XCTAssertEqual(SourceCredits.publisher(of: "ASKCI (中商产业研究院) 2023-12"), "ASKCI (中商产业研究院)")
        XCTAssertEqual(SourceCredits.publisher(of: "弗若斯特沙利文 / 头豹研究院 2023 年报告正文"), "弗若斯特沙利文 / 头豹研究院 2023 年报告")
        XCTAssertEqual(SourceCredits.publisher(of: "Frost & Sullivan / LeadLeo 2023 report figure"), "Frost & Sullivan / LeadLeo 2023 report")
    }
}

/// A visible break in a series' growth is named in its note (issue 14 §1: +4% then +41%).
final class GrowthBreakTests: XCTestCase {
    private func points(_ values: [(Int, Double)], estimates: Set<Int> = []) -> [ForecastPoint] {
        values.map { ForecastPoint(year: $0.0, value: $0.1, isEstimate: estimates.contains($0.0)) }
    }

    func testTheOldVintagesJumpIsABreakAndSteadyGrowthIsNot() {
        // The 2026Q3 edition: 5,080 → 5,298 (+4.3%) → 7,470 (+41.0%).
        let breaks = GrowthBreak.find(in: points([(2021, 4305), (2022, 5080), (2023, 5298), (2024, 7470)]))
        XCTAssertEqual(breaks.count, 1)
        XCTAssertEqual(breaks.first?.year, 2024)
        XCTAssertEqual(breaks.first?.before ?? 0, 5298.0 / 5080 - 1, accuracy: 1e-12)
        XCTAssertEqual(breaks.first?.after ?? 0, 7470.0 / 5298 - 1, accuracy: 1e-12)
        XCTAssertEqual(GrowthBreak.find(in: points([(2023, 7258), (2024, 9000), (2025, 10000)])), [])
        // A gap year or an estimate starts afresh: no growth is computed across them.
        XCTAssertEqual(GrowthBreak.find(in: points([(2020, 15), (2022, 70), (2023, 141.34)])), [])
        XCTAssertEqual(GrowthBreak.find(in: points([(2024, 100), (2025, 101), (2026, 200)], estimates: [2026])), [])
        XCTAssertEqual(GrowthBreak.find(in: points([(2024, 0), (2025, 101), (2026, 200)])), [])
    }

    func testTheNoteSaysItInBothLanguages() {
        let step = GrowthBreak(year: 2024, before: 0.043, after: 0.41)
        XCTAssertEqual(Strings(language: .zh).growthBreakNote(step),
                       "增速由 2023 年的 +4.3% 变为 2024 年的 +41.0%：序列在此出现断点，出版方未说明原因，预测对此敏感。")
        XCTAssertTrue(Strings(language: .en).growthBreakNote(step).hasPrefix("Growth moves from +4.3% in 2023 to +41.0% in 2024"))
    }
}
