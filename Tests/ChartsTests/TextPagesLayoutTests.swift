// The flow of running text through columns and pages, measured with Pango (the measurer the
// renderer draws with), so the guarantees hold for the lines the page really shows.
import Foundation
import XCTest
@testable import Charts
import Rendering

final class TextPagesLayoutTests: XCTestCase {
    let theme = Theme.standard
    let measurer = PangoTextMeasurer()

    private func paragraph(_ words: Int, seed: Int) -> FlowBlock {
        let vocabulary = ["market", "growth", "forecast", "adoption", "industry", "model", "capacity", "demand",
                          "investment", "penetration", "revenue", "deployment"]
        var spans: [TextSpan] = []
        var text = ""
        for index in 0..<words {
            text += vocabulary[(index * 7 + seed) % vocabulary.count] + " "
            if index % 23 == 22 {
                spans.append(TextSpan(text))
                spans.append(TextSpan("bold phrase ", bold: true))
                text = ""
            }
        }
        spans.append(TextSpan(text + "end."))
        return .paragraph(spans)
    }

    private func layout(_ blocks: [FlowBlock]) -> [TextPages.Page] {
        TextPages(title: "Market and outlook", continuedSuffix: " (continued)", blocks: blocks, note: "Source: test.")
            .layoutPages(theme: theme, measurer: measurer)
    }

    private func bodyBoxes(_ page: TextPages.Page) -> [TextBox] {
        page.scene.elements.compactMap { element in
            guard element.role.hasPrefix("commentary"), case .text(let box) = element.item else { return nil }
            return box
        }
    }

    /// A long text flows over several pages; every box holds its text at its frame's width,
    /// stays inside its column and above the source note, and no words are lost.
    func testLongTextFlowsOverPagesWithoutLosingAWord() throws {
        let blocks: [FlowBlock] = (0..<14).flatMap { index -> [FlowBlock] in
            (index % 4 == 0 ? [.heading(level: 2, spans: [TextSpan("Section \(index / 4 + 1)")])] : [])
                + [paragraph(60 + index * 9, seed: index)]
        }
        let pages = layout(blocks)
        XCTAssertGreaterThan(pages.count, 1)
        XCTAssertEqual(pages.flatMap(\.problems), [])
        let area = theme.contentArea
        for page in pages {
            let note = page.scene.elements.first { $0.role == "source-note" }
            guard case .text(let noteBox)? = note?.item else { return XCTFail("every page has its note") }
            for box in bodyBoxes(page) {
                let size = measurer.measure(box.spans.isEmpty ? [TextSpan(box.text)] : box.spans, font: box.font,
                                            maxWidth: box.frame.width)
                XCTAssertLessThanOrEqual(size.height, box.frame.height + 0.01)
                XCTAssertLessThanOrEqual(box.frame.maxY, noteBox.frame.minY + 0.01, "text runs into the note")
                XCTAssertGreaterThanOrEqual(box.frame.minX, area.minX - 20)
                XCTAssertLessThanOrEqual(box.frame.maxX, area.maxX + 0.01)
            }
        }
        // Every word arrives once, in order (splits drop only the space they broke at).
        let placed = pages.flatMap(bodyBoxes).filter { !$0.text.hasPrefix("Section") }.map(\.text)
            .joined(separator: " ").split(separator: " ")
        let source = blocks.compactMap { block -> String? in
            if case .paragraph(let spans) = block { return spans.map(\.text).joined() }
            return nil
        }.joined(separator: " ").split(separator: " ")
        XCTAssertEqual(placed, source)
    }

    /// A paragraph broken between columns leaves at least two lines on each side, and a
    /// heading is never the last thing in its column.
    func testNoWidowsOrphansOrStrandedHeadings() throws {
        let blocks: [FlowBlock] = (0..<18).flatMap { index -> [FlowBlock] in
            [.heading(level: 2, spans: [TextSpan("Heading \(index)")]), paragraph(40 + (index * 13) % 70, seed: index)]
        }
        let pages = layout(blocks)
        for page in pages {
            let boxes = bodyBoxes(page)
            for column in Set(boxes.map { ($0.frame.minX / 10).rounded() }) {
                let inColumn = boxes.filter { ($0.frame.minX / 10).rounded() == column }
                    .filter { $0.text != "•" }.sorted { $0.frame.minY < $1.frame.minY }
                guard let last = inColumn.last else { continue }
                XCTAssertFalse(last.text.hasPrefix("Heading"), "a heading ends a column: \(last.text)")
                for box in inColumn where !box.text.hasPrefix("Heading") {
                    let lines = measurer.lineStarts(box.spans, font: box.font, width: box.frame.width).count
                    XCTAssertGreaterThanOrEqual(lines, 1)
                    if lines == 1 {
                        // A one-line box must be a whole paragraph, never a split-off line.
                        XCTAssertTrue(box.text.hasSuffix("end."), "a single line stranded: \(box.text)")
                    }
                }
            }
        }
    }

    /// Splitting styled text keeps each span's style on both sides.
    func testSplittingKeepsStyles() {
        let spans = [TextSpan("plain start "), TextSpan("bold middle part", bold: true), TextSpan(" italic end", italic: true)]
        let (head, tail) = TextFlow.split(spans, atUTF8Offset: "plain start bold ".utf8.count)
        XCTAssertEqual(head, [TextSpan("plain start "), TextSpan("bold", bold: true)])
        XCTAssertEqual(tail, [TextSpan("middle part", bold: true), TextSpan(" italic end", italic: true)])
        let cjk = [TextSpan("中国人工智能核心产业")]
        let (a, b) = TextFlow.split(cjk, atUTF8Offset: "中国人工".utf8.count)
        XCTAssertEqual(a.map(\.text).joined() + b.map(\.text).joined(), "中国人工智能核心产业")
    }

    /// A runaway text stops at the page limit with a problem instead of thousands of pages.
    func testARunawayTextStopsAtThePageLimit() {
        let blocks = (0..<400).map { paragraph(120, seed: $0) }
        let pages = layout(blocks)
        XCTAssertEqual(pages.count, TextPages.maximumPages)
        XCTAssertTrue(pages.flatMap(\.problems).contains { $0.contains("more than \(TextPages.maximumPages) pages") })
    }

    /// Deterministic lines: every character 6 pt wide, every line 12 pt tall, so the test
    /// knows exactly how many lines fit.
    private struct GridMeasurer: TextMeasuring {
        func measure(_ text: String, font: FontSpec, maxWidth: Double?) -> Size {
            let perLine = maxWidth.map { max(1, Int($0 / 6)) } ?? Int.max
            let lines = max(1, (text.count + perLine - 1) / perLine)
            return Size(width: Double(min(text.count, perLine)) * 6, height: Double(lines) * 12)
        }
        func lineStarts(_ spans: [TextSpan], font: FontSpec, width: Double) -> [Int] {
            let count = spans.map(\.text).joined().count
            let perLine = max(1, Int(width / 6))
            return Array(stride(from: 0, to: max(count, 1), by: perLine))
        }
    }

    /// A paragraph one line longer than the space left is split so that two lines go to the
    /// next column (no widow), and one that would leave a single line at the bottom moves
    /// whole (no orphan).
    func testWidowAndOrphanControlWithExactLines() {
        let column = Rect(x: 0, y: 0, width: 60, height: 60)  // 10 characters a line, 5 lines a column
        let style = FlowStyle(theme: theme)
        func placed(_ blocks: [FlowBlock]) -> [[PlacedText]] {
            var flow = TextFlow(columns: [column], style: style, measurer: GridMeasurer())
            flow.place(blocks)
            return flow.pages
        }
        func lines(_ box: TextBox) -> Int { Int((box.frame.height / 12).rounded()) }
        // Six lines into a five-line column: 4 + 2, never 5 + 1.
        let six = placed([.paragraph([TextSpan(String(repeating: "a", count: 60))])])
        XCTAssertEqual(six.map { $0.map { lines($0.box) } }, [[4], [2]])
        // After a 3-line paragraph (plus its gap, 2 lines' room is left): a 4-line paragraph
        // cannot leave two lines there and two here without the gap, so it moves whole or
        // splits 2 + 2; never 1 + 3.
        let blocks: [FlowBlock] = [.paragraph([TextSpan(String(repeating: "b", count: 30))]),
                                   .paragraph([TextSpan(String(repeating: "c", count: 40))])]
        for page in placed(blocks) {
            for text in page { XCTAssertGreaterThanOrEqual(lines(text.box), 2, "a single stranded line") }
        }
    }
}
