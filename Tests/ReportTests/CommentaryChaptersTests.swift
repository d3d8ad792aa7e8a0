import Charts
import Foundation
import MarketData
import XCTest
@testable import Report

/// The shipped edition's chapters (issue 20): four chapters, a glossary and a disclaimer,
/// each in Chinese and English, placed by report.yaml. What they must hold: every fact
/// cited in a footnote that names its source as a client reads it, every number of ours a
/// placeholder (so next quarter's data rewrite the text), a judgement of ours said to be
/// ours, and nothing internal on the pages they make.
final class CommentaryChaptersTests: XCTestCase {
    private static let root = ReportExhibitsTests.root
    private static let chapters = ["market", "technology", "industries", "vendors"]
    private static let frontAndBack = ["glossary", "disclaimer"]

    /// Publishers a footnote may name (each chapter's facts come from these).
    private static let publishers = ["弗若斯特沙利文", "头豹研究院", "中国信息通信研究院", "工业和信息化部", "中商产业研究院",
                                     "Similarweb", "行业报道", "Frost & Sullivan", "LeadLeo", "CAICT", "MIIT", "ASKCI",
                                     "Industry press", "该报告", "原报告", "The report", "marketcast 研究", "marketcast research"]

    private func source(_ name: String, english: Bool) throws -> String {
        let url = Self.root.appendingPathComponent("commentary/\(name)\(english ? ".en" : "").md")
        return try String(contentsOf: url, encoding: .utf8)
    }

    private func footnotes(_ text: String) -> [String] {
        text.split(separator: "\n").filter { $0.hasPrefix("[^") && $0.contains("]:") }.map(String.init)
    }

    /// The text with placeholders and footnote definitions taken out.
    private func prose(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !($0.hasPrefix("[^") && $0.contains("]:")) }.joined(separator: "\n")
        return lines.replacingOccurrences(of: #"\{\{[^}]*\}\}"#, with: "⟨⟩", options: .regularExpression)
    }

    func testReportYamlPlacesEveryChapterInBothLanguages() throws {
        let config = try ReportConfig.load(path: Self.root.appendingPathComponent("report.yaml").path)
        let files = config.commentary.map { URL(fileURLWithPath: $0.file(for: .zh)).lastPathComponent }
        XCTAssertEqual(files, ["market", "technology", "industries", "vendors", "glossary", "disclaimer"].map { "\($0).md" })
        XCTAssertEqual(config.commentary.map(\.after),
                       ["sensitivity", "ai-stages", "penetration-matrix", "case-results", "penetration-scores", "penetration-scores"])
        for entry in config.commentary {
            XCTAssertTrue(FileManager.default.fileExists(atPath: entry.file(for: .zh)))
            XCTAssertTrue(entry.file(for: .en).hasSuffix(".en.md"), entry.file(for: .en))
            XCTAssertTrue(FileManager.default.fileExists(atPath: entry.file(for: .en)))
        }
    }

    func testEachChapterCitesItsFactsInFootnotesNamingThePublisher() throws {
        for name in Self.chapters {
            for english in [false, true] {
                let text = try source(name, english: english)
                let notes = footnotes(text)
                XCTAssertFalse(notes.isEmpty, "\(name) \(english ? "en" : "zh") cites its sources")
                for line in notes {
                    let note = line.components(separatedBy: "]:").dropFirst().joined(separator: "]:")
                    XCTAssertTrue(Self.publishers.contains { note.contains($0) }, "the note names a publisher: \(note)")
                    for fragment in [".csv", ".md", ".txt", ".yaml", "datasets", "public-figures", "seed", "http"] {
                        XCTAssertFalse(note.contains(fragment), "a client-facing note shows \(fragment): \(note)")
                    }
                }
                let problems = CommentaryFootnotes.problems(in: text, file: name)
                XCTAssertTrue(problems.isEmpty, "\(name): \(problems)")
            }
        }
    }

    /// A number in a chapter is either a placeholder (ours, rewritten by next quarter's data)
    /// or a sourced fact: it stands in a paragraph that cites a footnote. A year alone is
    /// neither. And no value of the run's series is typed in by hand.
    func testEveryNumberOfOursIsAPlaceholder() throws {
        let config = try ReportConfig.load(path: Self.root.appendingPathComponent("report.yaml").path)
        // The series' actuals as a sentence would print them: 亿元 in Chinese, CNY bn in English.
        var seriesValues: [Bool: [String]] = [false: [], true: []]
        for entry in config.series {
            let table = try TypedTable.csv(path: entry.dataPath)
            let column = try XCTUnwrap(table.optionalColumnIndex(named: "value"))
            for row in table.rows {
                guard let value = Double(row[column].text) else { continue }
                for decimals in [0, 1, 2] {
                    seriesValues[false, default: []].append(NumberFormat.grouped(value, decimals: decimals) + "亿")
                    seriesValues[true, default: []].append("CNY " + NumberFormat.grouped(value / 10, decimals: decimals) + " bn")
                }
            }
        }
        XCTAssertTrue(seriesValues[false]?.contains("9,000亿") == true, "\(seriesValues)")
        for name in Self.chapters {
            for english in [false, true] {
                let text = prose(try source(name, english: english))
                for value in seriesValues[english] ?? [] {
                    // Standing alone: "70亿" is not inside "7,470亿".
                    let pattern = #"(?<![\d,.])"# + NSRegularExpression.escapedPattern(for: value)
                    XCTAssertNil(text.range(of: pattern, options: .regularExpression), "\(name): \(value) is the run's number, write a placeholder")
                }
                for paragraph in text.components(separatedBy: "\n\n") where !paragraph.contains("[^") {
                    let digits = paragraph.replacingOccurrences(of: #"(?<!\d)(19|20)\d\d(?!\d)"#, with: "", options: .regularExpression)
                    XCTAssertNil(digits.range(of: #"\d"#, options: .regularExpression),
                                 "\(name): a number with neither a placeholder nor a footnote: \(paragraph)")
                }
                XCTAssertTrue(text.contains(english ? "Our view" : "我们的判断"), "\(name) labels its judgement as ours")
            }
        }
        for name in Self.frontAndBack {
            XCTAssertTrue(footnotes(try source(name, english: false)).isEmpty, "\(name) states no facts to cite")
        }
    }

    private static func texts(_ page: ReportPage) -> String {
        page.scene.items.compactMap { if case .text(let box) = $0 { return box.text } else { return nil } }.joined(separator: "\n")
    }

    /// The pages themselves: every placeholder resolved to the run's own figures, the
    /// footnotes numbered, the titles as written, nothing internal.
    func testTheChapterPagesReadAsTheClientSeesThem() throws {
        let titles: [DisplayLanguage: [String]] = [
            .zh: ["市场与展望", "技术与MaaS", "重点行业", "厂商格局", "术语表", "法律声明"],
            .en: ["Market and outlook", "Technology and MaaS", "Industries", "Vendors", "Glossary", "Disclaimer"],
        ]
        for language in DisplayLanguage.allCases {
            let pages = ShippedReportPages.byLanguage[language] ?? []
            XCTAssertGreaterThan(pages.count, 20)
            for (index, title) in (titles[language] ?? []).enumerated() {
                let id = CommentaryPages.exhibitID(index)
                let own = pages.filter { $0.exhibitID == id }
                XCTAssertEqual(own.first?.title, title, "\(language) \(id)")
                let text = own.map(Self.texts).joined(separator: "\n")
                for fragment in ["{{", "}}", "[^", ".md", ".csv", "marketcast run", "第–页", "page –"] {
                    XCTAssertFalse(text.contains(fragment), "\(language) \(title) shows \(fragment)")
                }
                if ![4, 5].contains(index) { XCTAssertTrue(text.contains("[1]"), "\(language) \(title) numbers its notes") }
            }
            // The disclaimer closes the report.
            XCTAssertEqual(pages.last?.exhibitID, CommentaryPages.exhibitID(5), "\(language)")
            let market = pages.filter { $0.exhibitID == CommentaryPages.exhibitID(0) }.map(Self.texts).joined(separator: "\n")
            XCTAssertTrue(market.contains(language == .zh ? "超过9,000亿元" : "more than CNY 900"), market)
            XCTAssertTrue(market.contains(language == .zh ? "至多" : "at most"), "the CAGR from a lower bound is said as a bound")
            // The revisions page (RevisionsExhibit, from the previous edition's run) follows the
            // market chapter, which sits after the sensitivity page.
            let order = pages.compactMap(\.exhibitID)
            let revisions = try XCTUnwrap(order.firstIndex(of: RevisionsExhibit.chartID), "\(language)")
            XCTAssertEqual(order[revisions - 1], CommentaryPages.exhibitID(0), "\(language)")
        }
    }
}
