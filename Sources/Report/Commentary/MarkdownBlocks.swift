import Charts
import Foundation
import Ink

/// An analyst's Markdown as blocks of styled text for the page layout (Charts/TextPages).
/// Ink parses the Markdown (headings, paragraphs, lists, bold, italic, links, code); its
/// only output is HTML, of a small fixed vocabulary, which is walked here into headings,
/// paragraphs and list items with bold and italic spans. Ink has no footnotes: they are
/// taken out before it runs (CommentaryFootnotes).
enum MarkdownBlocks {
    /// The document's first level-1 heading (the page title) and the blocks after it.
    static func blocks(from markdown: String) -> (title: String?, blocks: [FlowBlock]) {
        let html = MarkdownParser().html(from: joiningCJKLines(markdown))
        var walker = HTMLWalker()
        walker.walk(html)
        return (walker.title, walker.blocks)
    }
}

extension MarkdownBlocks {
    /// Ink turns a line break inside a paragraph into a space, right between Latin words
    /// but a stray gap in Chinese: a line ending in a CJK character is joined directly to a
    /// next line that starts with one (a heading, list or blank line never starts so).
    static func joiningCJKLines(_ markdown: String) -> String {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        var out = ""
        for (index, line) in lines.enumerated() {
            out += line
            guard index + 1 < lines.count else { break }
            let next = lines[index + 1]
            let joins = line.last.map(HTMLWalker.isCJK) == true && next.first.map(HTMLWalker.isCJK) == true
            if !joins { out += "\n" }
        }
        return out
    }
}

/// Walks Ink's HTML: block tags start and end blocks, inline tags set the style of the
/// text between them; any other tag is kept as text (a `<` the analyst typed).
struct HTMLWalker {
    var title: String?
    var blocks: [FlowBlock] = []

    private enum Open { case heading(Int), paragraph, item }
    private var open: Open?
    private var spans: [TextSpan] = []
    private var bold = 0, italic = 0
    /// Nested lists: whether each is ordered and the next number.
    private var lists: [(ordered: Bool, next: Int)] = []
    private var itemMarker = ""

    mutating func walk(_ html: String) {
        var index = html.startIndex
        var text = ""
        while index < html.endIndex {
            if html[index] == "<", let close = html[index...].firstIndex(of: ">") {
                let tag = String(html[html.index(after: index)..<close])
                if handle(tag, pendingText: &text) {
                    index = html.index(after: close)
                    continue
                }
            }
            text.append(html[index])
            index = html.index(after: index)
        }
        flushText(&text)
        endBlock()
    }

    /// Acts on a tag; false when it is not one of Ink's (the `<` is then text).
    private mutating func handle(_ tag: String, pendingText text: inout String) -> Bool {
        let name = tag.split(separator: " ").first.map(String.init)?.lowercased() ?? ""
        switch name {
        case "h1", "h2", "h3", "h4", "h5", "h6":
            flushText(&text); endBlock(); open = .heading(Int(name.dropFirst()) ?? 2)
        case "/h1", "/h2", "/h3", "/h4", "/h5", "/h6", "/p":
            flushText(&text); endBlock()
        case "p":
            flushText(&text)
            // A paragraph inside a list item (a loose list) continues the item.
            if case .item = open {} else { endBlock(); open = .paragraph }
        case "ul", "ol":
            flushText(&text); endBlock()
            let start = tag.range(of: "start=\"").flatMap { range in
                Int(tag[range.upperBound...].prefix { $0.isNumber })
            } ?? 1
            lists.append((name == "ol", start))
        case "/ul", "/ol":
            flushText(&text); endBlock()
            if !lists.isEmpty { lists.removeLast() }
        case "li":
            flushText(&text); endBlock()
            if var list = lists.last {
                itemMarker = list.ordered ? "\(list.next)." : "•"
                list.next += 1
                lists[lists.count - 1] = list
            } else {
                itemMarker = "•"
            }
            open = .item
        case "/li":
            flushText(&text); endBlock()
        case "strong", "b": flushText(&text); bold += 1
        case "/strong", "/b": flushText(&text); bold = max(0, bold - 1)
        case "em", "i": flushText(&text); italic += 1
        case "/em", "/i": flushText(&text); italic = max(0, italic - 1)
        case "br", "br/":
            text.append("\n")
        case "code", "/code", "a", "/a", "blockquote", "/blockquote", "pre", "/pre":
            // Kept as plain text: a report page has no links or code.
            flushText(&text)
        case "hr", "hr/":
            flushText(&text); endBlock()
        default:
            return false
        }
        return true
    }

    private mutating func flushText(_ text: inout String) {
        guard !text.isEmpty else { return }
        let decoded = Self.decodeEntities(text)
        text = ""
        if open == nil {
            // Text outside any block (Ink leaves none, but a stray one is still a paragraph).
            guard !decoded.allSatisfy(\.isWhitespace) else { return }
            open = .paragraph
        }
        if var last = spans.last, last.bold == (bold > 0), last.italic == (italic > 0) {
            last.text += decoded
            spans[spans.count - 1] = last
        } else {
            spans.append(TextSpan(decoded, bold: bold > 0, italic: italic > 0))
        }
    }

    private mutating func endBlock() {
        defer { open = nil; spans = [] }
        // Ink keeps the source's line breaks inside a paragraph; on the page they are spaces
        // (none between two CJK characters).
        var cleaned = spans.map { span -> TextSpan in
            var span = span
            span.text = Self.joinLines(span.text)
            return span
        }
        if var first = cleaned.first { first.text = String(first.text.drop { $0.isWhitespace }); cleaned[0] = first }
        if var last = cleaned.last {
            while last.text.last?.isWhitespace == true { last.text.removeLast() }
            cleaned[cleaned.count - 1] = last
        }
        cleaned.removeAll { $0.text.isEmpty }
        guard let open, !cleaned.isEmpty else { return }
        switch open {
        case .heading(let level):
            if level == 1 && title == nil && blocks.isEmpty {
                title = cleaned.map(\.text).joined()
            } else {
                blocks.append(.heading(level: max(2, level), spans: cleaned))
            }
        case .paragraph:
            blocks.append(.paragraph(cleaned))
        case .item:
            blocks.append(.listItem(marker: itemMarker, depth: max(0, lists.count - 1), spans: cleaned))
        }
    }

    /// A line break inside a paragraph: a space between Latin words, nothing between CJK.
    static func joinLines(_ text: String) -> String {
        guard text.contains("\n") else { return text }
        var out = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            guard character == "\n" else { out.append(character); continue }
            let before = index > 0 ? characters[index - 1] : " "
            let after = index + 1 < characters.count ? characters[index + 1] : " "
            if isCJK(before) && isCJK(after) { continue }
            if !before.isWhitespace && !after.isWhitespace { out.append(" ") }
        }
        return out
    }

    static func isCJK(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { (0x3000...0x9FFF).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) } ?? false
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
