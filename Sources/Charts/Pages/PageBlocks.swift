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
        let gap = theme.spacing.blockGap
        let titles = addTitles(content, theme: theme, measurer: measurer, to: &scene, problems: &problems)
        let y = titles.bottom + gap
        let header = addHeader(content, top: y, theme: theme, measurer: measurer, to: &scene, problems: &problems)
        let headerBottom = max(header.unit?.maxY ?? y - gap, header.legend?.maxY ?? y - gap)
        let bodyTop = headerBottom + gap
        let noteFrame = addNote(content.note, theme: theme, measurer: measurer, to: &scene, problems: &problems)
        let bodyBottom = noteFrame.map { $0.minY - gap } ?? area.maxY
        if bodyBottom - bodyTop < 60 {
            problems.append("title, header and note leave only \(PointsText.whole(max(0, bodyBottom - bodyTop), .towardZero)) pt for the chart")
        }
        let body = Rect(x: area.minX, y: bodyTop, width: area.width, height: max(0, bodyBottom - bodyTop))
        return PageBlocks(title: titles.title, subtitle: titles.subtitle, unit: header.unit, legend: header.legend,
                          note: noteFrame, body: body)
    }

    /// Title (bold), wrapped to the width if it must be, at most `maximumTitleLines` lines:
    /// a longer one is cut with "…" rather than pushing the chart off the page; the
    /// subtitle likewise under it. Gives their frames and where the lower one ends.
    private static func addTitles(_ content: PageBlockContent, theme: Theme, measurer: TextMeasuring,
                                  to scene: inout Scene,
                                  problems: inout [String]) -> (title: Rect, subtitle: Rect?, bottom: Double) {
        let area = theme.contentArea
        let titleFont = theme.font(theme.fontSizes.title, weight: .bold)
        let title = fitted(content.title, what: "title", lines: maximumTitleLines, font: titleFont,
                           width: area.width, measurer: measurer, problems: &problems)
        let titleFrame = fullWidth(measurer.frame(title, font: titleFont, at: Point(area.minX, area.minY),
                                                  maxWidth: area.width), in: area)
        scene.add(.text(TextBox(text: title, frame: titleFrame, font: titleFont,
                                color: theme.palette.text, wraps: true)), role: "title")
        guard let fullSubtitle = content.subtitle, !fullSubtitle.isEmpty else { return (titleFrame, nil, titleFrame.maxY) }
        let font = theme.font(theme.fontSizes.subtitle)
        let subtitle = fitted(fullSubtitle, what: "subtitle", lines: maximumSubtitleLines, font: font,
                              width: area.width, measurer: measurer, problems: &problems)
        let frame = fullWidth(measurer.frame(subtitle, font: font, at: Point(area.minX, titleFrame.maxY + 2),
                                             maxWidth: area.width), in: area)
        scene.add(.text(TextBox(text: subtitle, frame: frame, font: font,
                                color: theme.palette.secondaryText, wraps: true)), role: "subtitle")
        return (titleFrame, frame, frame.maxY)
    }

    /// Header row at `top`: unit left, legend right; the legend drops to its own row if
    /// both do not fit side by side, and wraps into rows when it is wider than the page.
    private static func addHeader(_ content: PageBlockContent, top y: Double, theme: Theme, measurer: TextMeasuring,
                                  to scene: inout Scene, problems: inout [String]) -> (unit: Rect?, legend: Rect?) {
        let area = theme.contentArea
        let gap = theme.spacing.blockGap
        var unitFrame: Rect?
        let unitFont = theme.font(theme.fontSizes.unit)
        let legendFont = theme.font(theme.fontSizes.legend)
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
            scene.add(.text(TextBox(text: unitText, frame: frame, font: unitFont, color: theme.palette.secondaryText)),
                      role: "unit")
            unitFrame = frame
        }
        guard let legendSize else { return (unitFrame, nil) }
        if legendSize.width <= area.width {
            let sideBySide = (unitSize?.width ?? 0) + 2 * gap + legendSize.width <= area.width
            let legendY = sideBySide ? y : (unitFrame.map { $0.maxY + gap / 2 } ?? y)
            let legendFrame = LegendLayout.draw(content.legend, at: Point(area.maxX - legendSize.width, legendY),
                                                font: legendFont, theme: theme, measurer: measurer, into: &scene)
            return (unitFrame, legendFrame)
        }
        let legendFrame = addWrappedLegend(content.legend, top: unitFrame.map { $0.maxY + gap / 2 } ?? y,
                                           font: legendFont, theme: theme, measurer: measurer, to: &scene)
        return (unitFrame, legendFrame)
    }

    /// A legend wider than the block (a small chart): the entries wrap into rows from
    /// `top`, each row right-aligned, so that nothing overhangs the margin.
    private static func addWrappedLegend(_ entries: [LegendEntry], top: Double, font legendFont: FontSpec, theme: Theme,
                                         measurer: TextMeasuring, to scene: inout Scene) -> Rect? {
        let area = theme.contentArea
        var rows: [[LegendEntry]] = []
        var current: [LegendEntry] = []
        for entry in entries {
            let trial = current + [entry]
            if !current.isEmpty, LegendLayout.size(trial, font: legendFont, measurer: measurer).width > area.width {
                rows.append(current)
                current = [entry]
            } else {
                current = trial
            }
        }
        if !current.isEmpty { rows.append(current) }
        var legendFrame: Rect?
        var rowY = top
        for row in rows {
            let size = LegendLayout.size(row, font: legendFont, measurer: measurer)
            let frame = LegendLayout.draw(row, at: Point(max(area.minX, area.maxX - size.width), rowY),
                                          font: legendFont, theme: theme, measurer: measurer, into: &scene)
            legendFrame = legendFrame.map { $0.union(frame) } ?? frame
            rowY = frame.maxY + theme.spacing.blockGap / 4
        }
        return legendFrame
    }

    /// Source note at the foot of the page, shrunk toward the minimum size when it would
    /// take over the page (more than `noteShare` of it), and cut with "…" when even that
    /// is too tall. Gives its frame; nil without a note.
    private static func addNote(_ content: String?, theme: Theme, measurer: TextMeasuring, to scene: inout Scene,
                                problems: inout [String]) -> Rect? {
        guard var note = content, !note.isEmpty else { return nil }
        let area = theme.contentArea
        let sizes = theme.fontSizes
        var size = sizes.note
        var measured = measurer.measure(note, font: theme.font(size), maxWidth: area.width)
        let budget = area.height * noteShare
        let steps = Int(((size - sizes.minimumNote) / 0.5).rounded(.down))
        if measured.height > budget && steps > ShrinkSearch.linearSteps {
            let start = size
            let step = ShrinkSearch.firstFitting(steps: steps) {
                measurer.measure(note, font: theme.font(start - 0.5 * Double($0)), maxWidth: area.width).height <= budget
            } ?? steps
            size = start - 0.5 * Double(step)
            measured = measurer.measure(note, font: theme.font(size), maxWidth: area.width)
        }
        let fitted = LargestFittingSize(from: size, floor: sizes.minimumNote, measuredAtStart: measured, measure: {
            measurer.measure(note, font: theme.font($0), maxWidth: area.width)
        }, fits: { !($0.height > budget) })
        size = fitted.size
        measured = fitted.measured
        if !fitted.fits {
            problems.append("source note needs \(PointsText.whole(measured.height)) pt even at \(size) pt; shorten it")
            // What does not fit is cut with "…", so the note never covers the chart.
            note = measurer.ellipsized(note, font: theme.font(size), maxWidth: area.width, maxHeight: budget)
            measured = measurer.measure(note, font: theme.font(size), maxWidth: area.width)
        }
        let frame = Rect(x: area.minX, y: area.maxY - measured.height, width: area.width, height: measured.height)
        scene.add(.text(TextBox(text: note, frame: frame, font: theme.font(size), color: theme.palette.note, wraps: true)),
                  role: "source-note")
        return frame
    }

    /// The most of the content area's height a source note may take.
    static let noteShare = 0.22

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
