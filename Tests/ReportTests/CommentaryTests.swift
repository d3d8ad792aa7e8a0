import Charts
import Foundation
import MarketData
import XCTest
@testable import Report

/// Commentary pages: Markdown into styled blocks, placeholders parsed at their line and
/// column, footnotes numbered, and the numbers taken from the run.
final class CommentaryTests: XCTestCase {
    func testMarkdownBecomesHeadingsParagraphsListsAndStyles() {
        let (title, blocks) = MarkdownBlocks.blocks(from: """
            # Market and outlook

            The market **grew** by *a third*, and
            kept growing.

            ## Drivers

            - compute & data
            - **adoption** in finance

            1. first
            2. second

            中国人工智能
            核心产业 x < 5
            """)
        XCTAssertEqual(title, "Market and outlook")
        XCTAssertEqual(blocks, [
            .paragraph([TextSpan("The market "), TextSpan("grew", bold: true), TextSpan(" by "),
                        TextSpan("a third", italic: true), TextSpan(", and kept growing.")]),
            .heading(level: 2, spans: [TextSpan("Drivers")]),
            .listItem(marker: "•", depth: 0, spans: [TextSpan("compute & data")]),
            .listItem(marker: "•", depth: 0, spans: [TextSpan("adoption", bold: true), TextSpan(" in finance")]),
            .listItem(marker: "1.", depth: 0, spans: [TextSpan("first")]),
            .listItem(marker: "2.", depth: 0, spans: [TextSpan("second")]),
            // A line break between two CJK characters joins without a space.
            .paragraph([TextSpan("中国人工智能核心产业 x < 5")]),
        ])
    }

    func testPlaceholdersAreParsedWithTheirLocation() {
        let text = "Line one.\nIn 2027 {{value mkt 2027}} and {{cagr mkt 2025 2027}}; see {{exhibit market-size}}.\n"
        let (found, problems) = CommentaryPlaceholder.scan(text, file: "c.md")
        XCTAssertEqual(problems, [])
        XCTAssertEqual(found.map(\.kind), [.value(series: "mkt", year: 2027, scenario: nil),
                                           .cagr(series: "mkt", from: 2025, to: 2027), .exhibit(id: "market-size")])
        XCTAssertEqual(found.map(\.location), [SourceLocation(file: "c.md", line: 2, column: 9),
                                               SourceLocation(file: "c.md", line: 2, column: 32),
                                               SourceLocation(file: "c.md", line: 2, column: 60)])
        XCTAssertEqual(String(text[found[0].range]), "{{value mkt 2027}}")
    }

    func testMalformedPlaceholdersAreLocatedErrors() {
        let text = "{{valeu mkt 2027}} {{value mkt}}\n{{cagr mkt 2027 2025}} {{value mkt 20x7}} {{}}\n{{value mkt 2027\n"
        let (found, problems) = CommentaryPlaceholder.scan(text, file: "c.md")
        XCTAssertEqual(found, [])
        XCTAssertEqual(problems.map { "\($0.location.line ?? 0):\($0.location.column ?? 0)" },
                       ["1:1", "1:20", "2:1", "2:24", "2:43", "3:1"])
        XCTAssertTrue(problems[0].hint?.contains("did you mean `value`") ?? false)
        XCTAssertTrue(problems[1].hint?.contains("value SERIES YEAR [SCENARIO]") ?? false)
        XCTAssertTrue(problems[5].message.contains("not closed"))
    }

    func testFootnotesAreNumberedInOrderOfUseAndChecked() {
        let text = "First[^b] then[^a], again[^b].\n\n[^a]: Note A.\n[^b]: Note B.\n[^c]: Never cited.\nDangling[^x].\n"
        let (body, notes) = CommentaryFootnotes.extract(from: text)
        XCTAssertTrue(body.replacingOccurrences(of: "\u{2060}", with: "").hasPrefix("First[1] then[2], again[1]."), body)
        XCTAssertEqual(notes, ["Note B.", "Note A."])
        let problems = CommentaryFootnotes.problems(in: text, file: "c.md")
        XCTAssertEqual(problems.map(\.severity), [.error, .warning])
        XCTAssertEqual(problems.first?.location, SourceLocation(file: "c.md", line: 6, column: 9))
        XCTAssertTrue(problems.last?.message.contains("[^c]") ?? false)
    }

    /// Two footnotes side by side stay two numbers, not a Markdown link.
    func testAdjacentFootnotesStayNumbers() {
        let (body, notes) = CommentaryFootnotes.extract(from: "Growth[^a][^b] slowed.\n\n[^a]: A.\n[^b]: B.\n")
        XCTAssertEqual(notes, ["A.", "B."])
        let (_, blocks) = MarkdownBlocks.blocks(from: body)
        let text = blocks.first.map { block -> String in
            if case .paragraph(let spans) = block { return spans.map(\.text).joined() }
            return ""
        } ?? ""
        XCTAssertEqual(text.replacingOccurrences(of: "\u{2060}", with: ""), "Growth[1][2] slowed.")
    }
}
