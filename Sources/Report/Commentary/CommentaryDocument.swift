import Charts
import Foundation
import MarketData

/// One commentary file as read: its text, its placeholders, and what is wrong with it. Read
/// once by `check` (CommentaryCheck); the run builds its pages from the same value.
struct CommentaryDocument: Sendable {
    let file: String
    let text: String
    let placeholders: [CommentaryPlaceholder]

    /// A commentary is prose: a file larger than this is a mistake (a data dump, the wrong
    /// file), refused before it is laid out.
    static let maximumBytes = 512 * 1024

    /// Reads and scans `path`. What is wrong with the text (malformed placeholders and
    /// footnotes, errors at their line; a footnote never cited, a warning) comes back beside
    /// the document, so that `check` also looks up the placeholders that did parse. Thrown:
    /// a file that cannot be used at all (too large, not text).
    static func load(path: String, data: Data) throws -> (document: CommentaryDocument, problems: [Diagnostic]) {
        guard data.count <= maximumBytes else {
            throw Diagnostic(SourceLocation(file: path), "the commentary file has \(data.count / 1024) KB; at most \(maximumBytes / 1024) KB are read",
                             hint: "split it into several commentary entries, or check that the right file is named")
        }
        let text = try TextDecoding.decode(data, file: path).text
        let (placeholders, problems) = CommentaryPlaceholder.scan(text, file: path)
        return (CommentaryDocument(file: path, text: text, placeholders: placeholders),
                problems + CommentaryFootnotes.problems(in: text, file: path))
    }

    /// The page title and blocks, every placeholder resolved, footnotes numbered and listed
    /// at the end under `notesHeading`.
    func blocks(resolver: CommentaryResolver, notesHeading: String) throws -> (title: String?, blocks: [FlowBlock]) {
        let resolved = try resolver.resolve(text, placeholders: placeholders)
        let (body, notes) = CommentaryFootnotes.extract(from: resolved)
        var (title, blocks) = MarkdownBlocks.blocks(from: body)
        if !notes.isEmpty {
            blocks.append(.heading(level: 3, spans: [TextSpan(notesHeading)]))
            for (index, note) in notes.enumerated() {
                let (_, noteBlocks) = MarkdownBlocks.blocks(from: note)
                let spans = noteBlocks.first.map { block -> [TextSpan] in
                    switch block {
                    case .paragraph(let spans), .heading(_, let spans), .listItem(_, _, let spans): return spans
                    }
                } ?? [TextSpan(note)]
                blocks.append(.listItem(marker: "[\(index + 1)]", depth: 0, spans: spans))
            }
        }
        return (title, blocks)
    }
}

/// Footnotes, which Ink does not know: `[^label]` in the text and a line `[^label]: text`.
/// References become `[1]`, `[2]`… in order of first use, and the notes are listed in that
/// order at the end of the commentary.
enum CommentaryFootnotes {
    /// The text without its definition lines, references numbered, and the notes' texts.
    static func extract(from text: String) -> (body: String, notes: [String]) {
        var definitions: [String: String] = [:]
        var bodyLines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let (label, note) = definition(line) { definitions[label] = note } else { bodyLines.append(line) }
        }
        var order: [String] = []
        var body = ""
        var rest = Substring(bodyLines.joined(separator: "\n"))
        while let open = rest.range(of: "[^") {
            body += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "]") else { body += rest[open.lowerBound...]; rest = ""; break }
            let label = String(rest[open.upperBound..<close])
            if definitions[label] != nil {
                if !order.contains(label) { order.append(label) }
                // A word joiner after the number: "[1][2]" would read as a Markdown link to Ink.
                body += "[\((order.firstIndex(of: label) ?? 0) + 1)]\u{2060}"
            } else {
                body += rest[open.lowerBound...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        body += rest
        return (body, order.compactMap { definitions[$0] })
    }

    /// A reference without a definition, a definition used nowhere, and a label defined
    /// twice, each at its line.
    static func problems(in text: String, file: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var defined: [String: Int] = [:]
        var referenced: Set<String> = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if let (label, _) = definition(line) {
                if let first = defined[label] {
                    problems.append(Diagnostic(file: file, line: number, "footnote `[^\(label)]` is defined twice (first on line \(first))",
                                               hint: "give each footnote its own label"))
                } else {
                    defined[label] = number
                }
                continue
            }
            var rest = line[...]
            while let open = rest.range(of: "[^"), let close = rest[open.upperBound...].firstIndex(of: "]") {
                referenced.insert(String(rest[open.upperBound..<close]))
                rest = rest[rest.index(after: close)...]
            }
        }
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where definition(line) == nil {
            var rest = line[...]
            while let open = rest.range(of: "[^"), let close = rest[open.upperBound...].firstIndex(of: "]") {
                let label = String(rest[open.upperBound..<close])
                if defined[label] == nil {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    problems.append(Diagnostic(file: file, line: index + 1, column: column,
                                               "footnote `[^\(label)]` has no definition",
                                               hint: "add a line `[^\(label)]: the source or remark` to the file"))
                }
                rest = rest[rest.index(after: close)...]
            }
        }
        for (label, line) in defined.sorted(by: { $0.value < $1.value }) where !referenced.contains(label) {
            problems.append(Diagnostic(file: file, line: line, "footnote `[^\(label)]` is defined but never cited",
                                       hint: "cite it in the text as [^\(label)], or remove the definition",
                                       severity: .warning))
        }
        return problems
    }

    private static func definition(_ line: Substring) -> (label: String, note: String)? {
        guard line.hasPrefix("[^"), let close = line.firstIndex(of: "]") else { return nil }
        let after = line[line.index(after: close)...]
        guard after.hasPrefix(":") else { return nil }
        let label = String(line[line.index(line.startIndex, offsetBy: 2)..<close])
        return (label, after.dropFirst().trimmingCharacters(in: .whitespaces))
    }
}
