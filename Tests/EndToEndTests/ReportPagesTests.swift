import Foundation
import XCTest

/// The whole report as a reader gets it: every page titled, the contents page pointing at
/// the right pages, and the English run in English.
final class ReportPagesTests: XCTestCase {
    private var scratch: URL!

    override func setUpWithError() throws {
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-pages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: scratch)
    }

    private func render(_ extra: [String] = []) throws -> URL {
        let outcome = try CommandRunner.run(["run", "--config", "report.yaml", "--out", scratch.path, "--quiet"] + extra)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        return scratch.appendingPathComponent("2026Q4")
    }

    private func pageCount(_ pdf: URL) throws -> Int {
        let info = try CommandRunner.poppler("pdfinfo", [pdf.path])
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.split(separator: " ").last ?? "") ?? 0
    }

    private func text(_ pdf: URL, page: Int, layout: Bool = false) throws -> String {
        try CommandRunner.poppler("pdftotext", (layout ? ["-layout"] : []) + ["-f", "\(page)", "-l", "\(page)", pdf.path, "-"])
    }

    /// The contents page's number: the first page titled 目录 / Contents (page 3, after the
    /// title page and the executive summary).
    private func contentsPage(_ pdf: URL) throws -> Int {
        for number in 1...4 {
            let page = try text(pdf, page: number)
            if page.hasPrefix("目录") || page.hasPrefix("Contents") { return number }
        }
        XCTFail("no contents page among the first four")
        return 2
    }

    /// (title, page) entries of the contents page, in reading order: a line holds one entry
    /// (the title, spaces, the number) or two side by side (two columns, the left half first).
    private func contents(_ pdf: URL) throws -> [(title: String, page: Int)] {
        var left: [(title: String, page: Int)] = [], right: [(title: String, page: Int)] = []
        for line in try text(pdf, page: try contentsPage(pdf), layout: true).split(separator: "\n") {
            // The running footer ("… · 2026Q4   2 / 15") is not an entry.
            if line.contains(" / ") { continue }
            let cells = line.split(separator: "  ", omittingEmptySubsequences: true)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            var entries: [(title: String, page: Int)] = []
            var index = 0
            while index + 1 < cells.count {
                if let number = Int(cells[index + 1]), number >= 2 {
                    entries.append((cells[index], number))
                    index += 2
                } else {
                    index += 1
                }
            }
            if let first = entries.first { left.append(first) }
            if entries.count > 1 { right.append(entries[1]) }
        }
        return left + right
    }

    private func containsCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value)
            || (0xFF00...0xFFEF).contains($0.value) }
    }

    func testContentsPointAtThePagesThatCarryEachTitle() throws {
        let pdf = try render().appendingPathComponent("report.pdf")
        let pages = try pageCount(pdf)
        let entries = try contents(pdf)
        // The exhibits this branch owns, in report order (others may slot in between).
        let expected = ["关键发现", "中国人工智能核心产业规模，2023–2027E", "中国大模型市场规模，2020–2023",
                        "ChatGPT 月访问量，2022-11 至 2023-10", "2023 年中国大模型发布时间线", "人工智能发展阶段，1950–2026",
                        "厂商与模型概览", "轩辕-70B 评测得分", "算力与训练规模", "大模型应用案例成效", "各行业大模型应用功能", "方法说明"]
        let titles = entries.map(\.title)
        XCTAssertEqual(titles.filter { expected.contains($0) }, expected, "contents: \(titles)")
        XCTAssertEqual(entries.map(\.page), entries.map(\.page).sorted(), "contents in page order")
        for entry in entries {
            XCTAssertLessThanOrEqual(entry.page, pages)
            let page = try text(pdf, page: entry.page)
            XCTAssertTrue(page.hasPrefix(entry.title), "page \(entry.page) should start with \(entry.title): \(page.prefix(80))")
        }
        // Every page after the contents carries the title of the exhibit it belongs to
        // (continuation pages the same title marked as continued, or a sub-title starting
        // with it); the executive summary is page 2, before the contents, and listed.
        XCTAssertTrue(try text(pdf, page: 1).contains("中国AI大模型应用市场报告"))
        XCTAssertTrue(try text(pdf, page: 2).hasPrefix("执行摘要"))
        XCTAssertEqual(entries.first?.title, "执行摘要")
        XCTAssertEqual(entries.first?.page, 2)
        let contentsNumber = try contentsPage(pdf)
        XCTAssertEqual(contentsNumber, 3)
        for number in (contentsNumber + 1)...pages {
            guard let owner = entries.last(where: { $0.page <= number }) else {
                XCTFail("page \(number) belongs to no contents entry"); continue
            }
            let page = try text(pdf, page: number)
            let base = owner.title.split(separator: "，").first.map(String.init) ?? owner.title
            XCTAssertTrue(page.hasPrefix(base), "page \(number) should carry \(owner.title): \(page.prefix(80))")
        }
        // Exhibit 2: its own definition note, the unpublished year, the publisher's forecasts
        // as the publisher's (in the note and the CSV), never as marketcast's.
        let largeModel = try text(pdf, page: try XCTUnwrap(entries.first { $0.title.hasPrefix("中国大模型市场规模") }?.page))
        XCTAssertTrue(largeModel.contains("口径说明"), largeModel)
        XCTAssertTrue(largeModel.contains("2021 年数据未发布"), largeModel)
        XCTAssertTrue(largeModel.contains("出版方当时的预测"), largeModel)
        XCTAssertTrue(largeModel.contains("2023E 147亿元"), largeModel)
        let csv = try String(contentsOf: pdf.deletingLastPathComponent().appendingPathComponent("charts/large-model-market.csv"),
                             encoding: .utf8)
        XCTAssertTrue(csv.contains("2023,2023E,147,,,publisher forecast 2023-12,亿元"), csv)
        XCTAssertFalse(csv.contains("2021,"), "2021 was never published: \(csv)")

        // Key findings cite pages that exist and carry what they cite.
        let findings = try text(pdf, page: entries.first { $0.title == "关键发现" }?.page ?? 3)
        XCTAssertTrue(findings.contains("2027 年达到"), findings)
        XCTAssertTrue(findings.contains("2023-04、2023-05"), "ChatGPT's peak months: \(findings)")
    }

    func testChatGPTGapIsAGapInTheNumbersAndOnThePage() throws {
        let run = try render()
        let csv = try String(contentsOf: run.appendingPathComponent("charts/chatgpt-visits.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n").map(String.init)
        XCTAssertEqual(rows.count, 13, "12 months and the header: \(csv)")
        XCTAssertTrue(rows.contains("2023-09,,million visits,missing"), csv)
        XCTAssertTrue(rows.contains("2023-10,1700,million visits,actual"), csv)
        let entries = try contents(run.appendingPathComponent("report.pdf"))
        let page = try XCTUnwrap(entries.first { $0.title.hasPrefix("ChatGPT") }?.page)
        let text = try text(run.appendingPathComponent("report.pdf"), page: page)
        XCTAssertTrue(text.contains("无数据"), text)
        XCTAssertTrue(text.contains("ChatGPT月活跃用户达1亿"), "the milestone is marked: \(text)")
    }

    func testEnglishRunHasNoChineseInItsTitles() throws {
        let pdf = try render(["--lang", "en"]).appendingPathComponent("report.pdf")
        let pages = try pageCount(pdf)
        XCTAssertGreaterThan(pages, 12)
        for number in 1...pages {
            let page = try text(pdf, page: number)
            let title = page.split(separator: "\n").first.map(String.init) ?? ""
            XCTAssertFalse(title.isEmpty, "page \(number) has a title")
            XCTAssertFalse(containsCJK(title), "page \(number) title in English: \(title)")
        }
        let entries = try contents(pdf)
        XCTAssertTrue(entries.contains { $0.title == "Key findings" }, "\(entries)")
        XCTAssertTrue(entries.contains { $0.title == "XuanYuan-70B benchmark scores" }, "\(entries)")
        let findings = try text(pdf, page: entries.first { $0.title == "Key findings" }?.page ?? 3)
        XCTAssertNotNil(findings.range(of: #"CNY [\d,.]+ bn"#, options: .regularExpression), "amounts in CNY bn: \(findings)")
        XCTAssertFalse(findings.contains("亿元"), findings)
    }
}
