// Pages of running text (an analyst's commentary): headings, paragraphs and list items
// flowed through two columns a page, as many pages as the text needs, under the same title
// block and source note as every chart page. Written here rather than left to Pango
// because Pango lays out one box: breaking a paragraph between columns and pages, keeping
// a heading with what follows it and never leaving one line of a paragraph alone at the
// top or bottom of a column is the layout's job.

/// One block of running text, in reading order.
public enum FlowBlock: Equatable, Sendable {
    /// A section heading: level 2 or 3 (level 1 is the page title).
    case heading(level: Int, spans: [TextSpan])
    case paragraph([TextSpan])
    /// A list item: `marker` is "•" or "1.", `depth` 0 for the outer list.
    case listItem(marker: String, depth: Int, spans: [TextSpan])

    var spans: [TextSpan] {
        switch self {
        case .heading(_, let spans), .paragraph(let spans), .listItem(_, _, let spans): return spans
        }
    }
}

/// The text of a run of pages: their title, the blocks, and the note under every page.
public struct TextPages {
    public var title: String
    /// Appended to the title on the second and later pages, e.g. "（续）".
    public var continuedSuffix: String
    public var blocks: [FlowBlock]
    public var note: String?
    /// Columns a page; 2 keeps an English line near 80 characters on the 960 pt page.
    public var columnCount = 2
    /// More pages than this is a runaway text (a pasted data dump): the rest is left out
    /// with a problem, instead of a report of thousands of pages.
    public static let maximumPages = 40

    public init(title: String, continuedSuffix: String, blocks: [FlowBlock], note: String?) {
        self.title = title; self.continuedSuffix = continuedSuffix; self.blocks = blocks; self.note = note
    }

    /// One laid-out page.
    public struct Page {
        public var scene: Scene
        public var problems: [String]
    }

    public func layoutPages(theme: Theme, measurer: TextMeasuring) -> [Page] {
        // The chrome is the same on every page but for the title's suffix: lay it out once
        // to learn the body's frame.
        var probe = Scene(size: theme.pageSize, background: theme.palette.background)
        var probeProblems: [String] = []
        let body = PageBlockLayout.layout(chrome(continued: false), theme: theme, measurer: measurer,
                                          scene: &probe, problems: &probeProblems).body
        let gutter = theme.spacing.blockGap * 2.5
        let count = max(1, columnCount)
        let width = max(1, (body.width - gutter * Double(count - 1)) / Double(count))
        let columns = (0..<count).map { Rect(x: body.minX + Double($0) * (width + gutter), y: body.minY,
                                             width: width, height: body.height) }
        var flow = TextFlow(columns: columns, style: FlowStyle(theme: theme), measurer: measurer)
        flow.place(blocks)
        var pages: [Page] = []
        for (index, items) in flow.pages.enumerated() {
            var scene = Scene(size: theme.pageSize, background: theme.palette.background)
            var problems: [String] = index == 0 ? flow.problems : []
            _ = PageBlockLayout.layout(chrome(continued: index > 0), theme: theme, measurer: measurer,
                                       scene: &scene, problems: &problems)
            for item in items { scene.add(.text(item.box), role: item.role) }
            pages.append(Page(scene: scene, problems: problems))
        }
        return pages
    }

    private func chrome(continued: Bool) -> PageBlockContent {
        PageBlockContent(title: continued ? title + continuedSuffix : title, subtitle: nil, unit: nil, legend: [],
                         note: note)
    }
}

/// Sizes and spacing of running text, from the theme.
struct FlowStyle {
    var body: FontSpec
    var heading2: FontSpec
    var heading3: FontSpec
    var text: Color
    var headingColor: Color
    /// Space after a paragraph, and before a heading (more, so that it groups with what follows).
    var paragraphGap: Double
    var headingGap: Double
    var listIndent: Double

    init(theme: Theme) {
        let bodySize = theme.fontSizes.subtitle
        body = theme.font(bodySize)
        heading2 = theme.font(theme.fontSizes.subtitle * 1.25, weight: .bold)
        heading3 = theme.font(theme.fontSizes.subtitle, weight: .bold)
        text = theme.palette.text
        headingColor = theme.palette.series.first ?? theme.palette.text
        paragraphGap = bodySize * 0.6
        headingGap = bodySize * 1.1
        listIndent = bodySize * 1.6
    }

    func font(for block: FlowBlock) -> FontSpec {
        if case .heading(let level, _) = block { return level <= 2 ? heading2 : heading3 }
        return body
    }
}

/// A text box placed by the flow, with its scene role.
struct PlacedText {
    var box: TextBox
    var role: String
}

/// The flow itself: fills the columns of a page, then the next page's.
struct TextFlow {
    let columns: [Rect]
    let style: FlowStyle
    let measurer: TextMeasuring
    private(set) var pages: [[PlacedText]] = [[]]
    private(set) var problems: [String] = []
    private var column = 0
    private var y: Double
    private var truncated = false

    init(columns: [Rect], style: FlowStyle, measurer: TextMeasuring) {
        self.columns = columns; self.style = style; self.measurer = measurer
        y = columns[0].minY
    }

    private var frame: Rect { columns[column] }
    private var atColumnTop: Bool { y <= frame.minY + 0.01 }

    private mutating func nextColumn() {
        column += 1
        if column == columns.count {
            column = 0
            if pages.count >= TextPages.maximumPages {
                if !truncated { problems.append("the text needs more than \(TextPages.maximumPages) pages: the rest is left out; shorten it") }
                truncated = true
            } else {
                pages.append([])
            }
        }
        y = frame.minY
    }

    mutating func place(_ blocks: [FlowBlock]) {
        for (index, block) in blocks.enumerated() where !truncated {
            place(block, next: index + 1 < blocks.count ? blocks[index + 1] : nil)
        }
    }

    private mutating func place(_ block: FlowBlock, next: FlowBlock?) {
        let font = style.font(for: block)
        var indent = 0.0
        var marker: String?
        if case .listItem(let text, let depth, _) = block {
            indent = style.listIndent * Double(depth + 1)
            marker = text
        }
        let isHeading: Bool
        if case .heading = block { isHeading = true } else { isHeading = false }
        if !atColumnTop { y += isHeading ? style.headingGap : 0 }
        var spans = block.spans
        // Every pass either places text or moves to a fresh column; a block that does not
        // fit even a fresh column is split by lines, so the loop ends.
        for _ in 0..<(4 * TextPages.maximumPages * columns.count) where !truncated {
            let width = max(1, frame.width - indent)
            let size = measurer.measure(spans, font: font, maxWidth: width)
            let remaining = frame.maxY - y
            if isHeading {
                // A heading keeps two lines of what follows in its column.
                let following = next.map { 2 * lineHeight(style.font(for: $0)) } ?? 0
                if size.height + style.paragraphGap + following > remaining && !atColumnTop {
                    nextColumn(); continue
                }
            }
            if size.height <= remaining || (atColumnTop && isHeading) {
                add(spans, font: font, at: indent, width: width, height: size.height, marker: marker,
                    role: isHeading ? "commentary-heading" : "commentary-text", color: isHeading ? style.headingColor : style.text)
                y += size.height + style.paragraphGap
                return
            }
            // Split the block between this column and the next, at a line boundary: at least
            // two lines on each side (no orphan at the bottom, no widow at the top).
            let starts = measurer.lineStarts(spans, font: font, width: width)
            let lines = starts.count
            let perLine = lines > 0 ? size.height / Double(lines) : size.height
            var fit = perLine > 0 && perLine.isFinite ? Int(min(Double(lines), (remaining / perLine).rounded(.down))) : 0
            if lines - fit == 1 { fit -= 1 }
            guard fit >= 2, lines - fit >= 2, starts.indices.contains(fit) else {
                if !atColumnTop { nextColumn(); continue }
                // Taller than a whole column and not splittable here: place it and say so.
                add(spans, font: font, at: indent, width: width, height: size.height, marker: marker,
                    role: "commentary-text", color: style.text)
                problems.append("a paragraph is taller than a column and could not be split; shorten it")
                y = frame.maxY
                return
            }
            let (head, tail) = Self.split(spans, atUTF8Offset: starts[fit])
            let headHeight = measurer.measure(head, font: font, maxWidth: width).height
            add(head, font: font, at: indent, width: width, height: headHeight, marker: marker,
                role: "commentary-text", color: style.text)
            marker = nil
            spans = tail
            nextColumn()
        }
    }

    private func lineHeight(_ font: FontSpec) -> Double {
        measurer.measure("Ag", font: font, maxWidth: nil).height
    }

    private mutating func add(_ spans: [TextSpan], font: FontSpec, at indent: Double, width: Double, height: Double,
                              marker: String?, role: String, color: Color) {
        let frame = Rect(x: self.frame.minX + indent, y: y, width: width, height: height)
        pages[pages.count - 1].append(PlacedText(box: TextBox(spans: spans, frame: frame, font: font, color: color),
                                                 role: role))
        if let marker {
            let markerWidth = measurer.measure(marker, font: font, maxWidth: nil).width
            let markerFrame = Rect(x: frame.minX - markerWidth - font.size * 0.4, y: y, width: markerWidth,
                                   height: lineHeight(font))
            pages[pages.count - 1].append(PlacedText(box: TextBox(text: marker, frame: markerFrame, font: font,
                                                                  color: color), role: "commentary-marker"))
        }
    }

    /// Cuts styled text at a UTF-8 offset of the joined text (a line start, so a character
    /// boundary), dropping the space the line broke at.
    static func split(_ spans: [TextSpan], atUTF8Offset offset: Int) -> (head: [TextSpan], tail: [TextSpan]) {
        var head: [TextSpan] = [], tail: [TextSpan] = []
        var start = 0
        for span in spans {
            let count = span.text.utf8.count
            if start + count <= offset {
                head.append(span)
            } else if start >= offset {
                tail.append(span)
            } else {
                let cut = span.text.utf8.index(span.text.utf8.startIndex, offsetBy: offset - start)
                var first = span, second = span
                first.text = String(decoding: span.text.utf8[..<cut], as: UTF8.self)
                second.text = String(decoding: span.text.utf8[cut...], as: UTF8.self)
                if !first.text.isEmpty { head.append(first) }
                if !second.text.isEmpty { tail.append(second) }
            }
            start += count
        }
        if var last = head.last {
            while last.text.last?.isWhitespace == true { last.text.removeLast() }
            head[head.count - 1] = last
        }
        if var first = tail.first {
            while first.text.first?.isWhitespace == true { first.text.removeFirst() }
            tail[0] = first
        }
        return (head, tail)
    }
}
