// The frame every chart page shares: title block top left, a header row with the unit at
// the left and the legend at the right, the source note wrapped at the bottom, and what
// is left in between for the chart body. Factored out so all chart kinds line up when
// they follow each other in the report.

/// Where the shared blocks landed on the page.
public struct PageBlocks: Equatable, Sendable {
    public var title: Rect
    public var subtitle: Rect?
    public var unit: Rect?
    public var legend: Rect?
    public var note: Rect?
    /// The space left for the chart body (plot, axis labels), between header and note.
    public var body: Rect
}

struct PageBlockContent {
    var title: String
    var subtitle: String?
    var unit: String?
    var legend: [LegendEntry]
    var note: String?
}

enum PageBlockLayout {
    /// A new page of the theme with the blocks of a page that has no unit and no legend
    /// (timelines, diagrams, tables, the summary): its scene, with the blocks drawn, and
    /// the blocks, whose `body` is the room left for the page's own content.
    static func page(title: String, subtitle: String?, note: String?, theme: Theme, measurer: TextMeasuring,
                     problems: inout [String]) -> (scene: Scene, blocks: PageBlocks) {
        var scene = Scene(size: theme.pageSize, background: theme.palette.background)
        let blocks = layout(PageBlockContent(title: title, subtitle: subtitle, unit: nil, legend: [], note: note),
                            theme: theme, measurer: measurer, scene: &scene, problems: &problems)
        return (scene, blocks)
    }

    /// Lays out and draws the shared blocks. Problems (e.g. a note too long to fit even at
    /// the smallest size) are appended to `problems`; layout continues with what fits.
    static func layout(_ content: PageBlockContent, theme: Theme, measurer: TextMeasuring,
                       scene: inout Scene, problems: inout [String]) -> PageBlocks {
        let area = theme.contentArea
        let sizes = theme.fontSizes
        let palette = theme.palette
        let gap = theme.spacing.blockGap

        // Title (bold), wrapped to the width if it must be, at most `maximumTitleLines`
        // lines: a longer one is cut with "…" rather than pushing the chart off the page.
        let titleFont = theme.font(sizes.title, weight: .bold)
        let title = fitted(content.title, what: "title", lines: maximumTitleLines, font: titleFont,
                           width: area.width, measurer: measurer, problems: &problems)
        let titleFrame = fullWidth(measurer.frame(title, font: titleFont, at: Point(area.minX, area.minY),
                                                  maxWidth: area.width), in: area)
        scene.add(.text(TextBox(text: title, frame: titleFrame, font: titleFont,
                                color: palette.text, wraps: true)), role: "title")
        var y = titleFrame.maxY

        var subtitleFrame: Rect?
        if let fullSubtitle = content.subtitle, !fullSubtitle.isEmpty {
            let font = theme.font(sizes.subtitle)
            let subtitle = fitted(fullSubtitle, what: "subtitle", lines: maximumSubtitleLines, font: font,
                                  width: area.width, measurer: measurer, problems: &problems)
            let frame = fullWidth(measurer.frame(subtitle, font: font, at: Point(area.minX, y + 2),
                                                 maxWidth: area.width), in: area)
            scene.add(.text(TextBox(text: subtitle, frame: frame, font: font,
                                    color: palette.secondaryText, wraps: true)), role: "subtitle")
            subtitleFrame = frame
            y = frame.maxY
        }
        y += gap

        // Header row: unit left, legend right; the legend drops to its own row if both
        // do not fit side by side.
        var unitFrame: Rect?
        var legendFrame: Rect?
        let unitFont = theme.font(sizes.unit)
        let legendFont = theme.font(sizes.legend)
        let unitText = content.unit.flatMap { $0.isEmpty ? nil : $0 }
        let unitSize = unitText.map { measurer.measure($0, font: unitFont, maxWidth: area.width) }
        let legendSize = content.legend.isEmpty ? nil : LegendLayout.size(content.legend, font: legendFont, measurer: measurer)
        if var unitText, var unitSize {
            // One line (with room for a taller fallback glyph), never a wrapped block.
            let oneLine = 1.5 * measurer.lineHeight(unitFont)
            if unitSize.height > oneLine {
                unitText = measurer.ellipsized(unitText, font: unitFont, maxWidth: area.width, maxHeight: oneLine)
                unitSize = measurer.measure(unitText, font: unitFont, maxWidth: area.width)
                problems.append("the unit label does not fit on one line; it is cut with …")
            }
            let frame = Rect(x: area.minX, y: y, width: min(unitSize.width, area.width), height: unitSize.height)
            scene.add(.text(TextBox(text: unitText, frame: frame, font: unitFont, color: palette.secondaryText)),
                      role: "unit")
            unitFrame = frame
        }
        if let legendSize, legendSize.width <= area.width {
            let sideBySide = (unitSize?.width ?? 0) + 2 * gap + legendSize.width <= area.width
            let legendY = sideBySide ? y : (unitFrame.map { $0.maxY + gap / 2 } ?? y)
            legendFrame = LegendLayout.draw(content.legend, at: Point(area.maxX - legendSize.width, legendY),
                                            font: legendFont, theme: theme, measurer: measurer, into: &scene)
        } else if legendSize != nil {
            // Wider than the block (a small chart): the entries wrap into rows under the unit,
            // each row right-aligned, so that nothing overhangs the margin.
            var rows: [[LegendEntry]] = []
            var current: [LegendEntry] = []
            for entry in content.legend {
                let trial = current + [entry]
                if !current.isEmpty, LegendLayout.size(trial, font: legendFont, measurer: measurer).width > area.width {
                    rows.append(current)
                    current = [entry]
                } else {
                    current = trial
                }
            }
            if !current.isEmpty { rows.append(current) }
            var rowY = unitFrame.map { $0.maxY + gap / 2 } ?? y
            for row in rows {
                let size = LegendLayout.size(row, font: legendFont, measurer: measurer)
                let frame = LegendLayout.draw(row, at: Point(max(area.minX, area.maxX - size.width), rowY),
                                              font: legendFont, theme: theme, measurer: measurer, into: &scene)
                legendFrame = legendFrame.map { $0.union(frame) } ?? frame
                rowY = frame.maxY + gap / 4
            }
        }
        let headerBottom = max(unitFrame?.maxY ?? y - gap, legendFrame?.maxY ?? y - gap)
        let bodyTop = headerBottom + gap

        // Source note, shrunk toward the minimum size when it would take over the page.
        var noteFrame: Rect?
        var bodyBottom = area.maxY
        if var note = content.note, !note.isEmpty {
            var size = sizes.note
            var measured = measurer.measure(note, font: theme.font(size), maxWidth: area.width)
            let budget = area.height * 0.22
            let steps = Int(((size - sizes.minimumNote) / 0.5).rounded(.down))
            if measured.height > budget && steps > ShrinkSearch.linearSteps {
                let start = size
                let step = ShrinkSearch.firstFitting(steps: steps) {
                    measurer.measure(note, font: theme.font(start - 0.5 * Double($0)), maxWidth: area.width).height <= budget
                } ?? steps
                size = start - 0.5 * Double(step)
                measured = measurer.measure(note, font: theme.font(size), maxWidth: area.width)
            }
            while measured.height > budget && size - 0.5 >= sizes.minimumNote {
                size -= 0.5
                measured = measurer.measure(note, font: theme.font(size), maxWidth: area.width)
            }
            if measured.height > budget {
                problems.append("source note needs \(PointsText.whole(measured.height)) pt even at \(size) pt; shorten it")
                // What does not fit is cut with "…", so the note never covers the chart.
                note = measurer.ellipsized(note, font: theme.font(size), maxWidth: area.width, maxHeight: budget)
                measured = measurer.measure(note, font: theme.font(size), maxWidth: area.width)
            }
            let frame = Rect(x: area.minX, y: area.maxY - measured.height, width: area.width, height: measured.height)
            scene.add(.text(TextBox(text: note, frame: frame, font: theme.font(size), color: palette.note, wraps: true)),
                      role: "source-note")
            noteFrame = frame
            bodyBottom = frame.minY - gap
        }
        if bodyBottom - bodyTop < 60 {
            problems.append("title, header and note leave only \(PointsText.whole(max(0, bodyBottom - bodyTop), .towardZero)) pt for the chart")
        }
        let body = Rect(x: area.minX, y: bodyTop, width: area.width, height: max(0, bodyBottom - bodyTop))
        return PageBlocks(title: titleFrame, subtitle: subtitleFrame, unit: unitFrame, legend: legendFrame,
                          note: noteFrame, body: body)
    }

    /// The most lines a title and a subtitle take; more is cut with "…" (and reported).
    static let maximumTitleLines = 3
    static let maximumSubtitleLines = 2

    /// `text` wrapped at `width` in at most `lines` lines, cut with "…" when it needs more.
    private static func fitted(_ text: String, what: String, lines: Int, font: FontSpec, width: Double,
                               measurer: TextMeasuring, problems: inout [String]) -> String {
        // Half a line to spare for lines made taller by a fallback font's glyphs.
        let maxHeight = measurer.height(ofLines: lines, font: font) + 0.5 * measurer.lineHeight(font)
        let cut = measurer.ellipsized(text, font: font, maxWidth: width, maxHeight: maxHeight)
        if cut != text {
            problems.append("the \(what) needs more than \(lines) lines; it is cut with …; shorten it")
        }
        return cut
    }

    /// Wrapped blocks get the whole width, so the renderer breaks lines where the
    /// measurer did and never one word earlier because of sub-point rounding.
    private static func fullWidth(_ frame: Rect, in area: Rect) -> Rect {
        Rect(x: area.minX, y: frame.y, width: area.width, height: frame.height)
    }
}
