// A summary page composed of existing kinds: a market-size chart, a table of findings
// beside it and a forecast table across the bottom, under one title. Each part is laid
// out by its own kind in a copy of the theme whose page is the part's box (no margins,
// type scaled down), then moved into place, so the parts keep their own rules (labels
// that fit, rows as tall as their text) and cannot overlap: the boxes do not.

public struct SummaryPage: Sendable {
    public var title: String
    public var subtitle: String?
    public var chart: MarketSizeChart
    /// The forecast table across the bottom; its title is the block's heading.
    public var table: TablePage
    /// The findings beside the chart; its title is the block's heading.
    public var findings: TablePage
    public var sourceNote: String
    /// The chart's share of the body width; the findings take the rest.
    public var chartShare: Double = 0.5
    /// Type size of the parts relative to the theme's.
    public var typeScale: Double = 0.78

    public init(title: String, subtitle: String? = nil, chart: MarketSizeChart, table: TablePage, findings: TablePage,
                sourceNote: String = "") {
        self.title = title; self.subtitle = subtitle; self.chart = chart; self.table = table
        self.findings = findings; self.sourceNote = sourceNote
    }

    public var problems: [String] {
        var found: [String] = []
        if !(chartShare.isFinite && chartShare > 0.2 && chartShare < 0.8) {
            found.append("chart share \(chartShare) is outside 0.2–0.8; 0.5 is used")
        }
        if !(typeScale.isFinite && typeScale > 0.4 && typeScale <= 1) {
            found.append("type scale \(typeScale) is outside 0.4–1; 0.78 is used")
        }
        return found
    }
}

public struct SummaryPageLayout: Sendable {
    public var scene: Scene
    public var blocks: PageBlocks
    /// Where each part was laid out, in page coordinates.
    public var chartArea: Rect
    public var findingsArea: Rect
    public var tableArea: Rect
    public var problems: [String]
}

extension SummaryPage: ChartSpecification {}
extension SummaryPageLayout: ChartLayout {}

extension SummaryPage {
    public func layout(theme: Theme = .standard, measurer: TextMeasuring) -> SummaryPageLayout {
        var problems = self.problems
        let share = chartShare.isFinite && chartShare > 0.2 && chartShare < 0.8 ? chartShare : 0.5
        let scale = typeScale.isFinite && typeScale > 0.4 && typeScale <= 1 ? typeScale : 0.78
        let opened = PageBlockLayout.page(title: title, subtitle: subtitle, note: sourceNote, theme: theme,
                                          measurer: measurer, problems: &problems)
        var scene = opened.scene
        let blocks = opened.blocks
        let body = blocks.body
        let gap = max(theme.spacing.blockGap, 8) * 1.5

        // The forecast table first: it takes the height its rows need (measured on a page as
        // tall as the body), at most half the body, so the chart keeps room.
        let measured = Self.part(theme, size: Size(width: body.width, height: body.height), scale: scale)
        let tablePages = table.layoutPages(theme: measured, measurer: measurer)
        let tableBottom = tablePages.first.map { page in
            max(page.rows.last?.last?.frame.maxY ?? 0, page.header.last?.frame.maxY ?? 0)
        } ?? 0
        if tablePages.count > 1 { problems.append("the forecast table needs more than the page; shorten it") }
        var tableHeight = tableBottom
        if tableHeight > body.height * 0.5 {
            problems.append("the forecast table takes \(PointsText.whole(tableHeight)) pt, more than half the body")
            tableHeight = min(tableHeight, body.height)
        }
        let tableArea = Rect(x: body.minX, y: body.maxY - tableHeight, width: body.width, height: tableHeight)
        if let page = tablePages.first {
            place(page.scene, in: tableArea, into: &scene)
            problems += page.problems.map { "forecast table: \($0)" }
        }

        let topHeight = max(0, tableArea.minY - gap - body.minY)
        let chartWidth = (body.width - gap) * share
        let chartArea = Rect(x: body.minX, y: body.minY, width: chartWidth, height: topHeight)
        let findingsArea = Rect(x: chartArea.maxX + gap, y: body.minY, width: body.maxX - chartArea.maxX - gap,
                                height: topHeight)
        let chartLayout = chart.layout(theme: Self.part(theme, size: Size(width: chartArea.width, height: chartArea.height), scale: scale), measurer: measurer)
        place(chartLayout.scene, in: chartArea, into: &scene)
        problems += chartLayout.problems.map { "chart: \($0)" }

        // The findings are sentences, read rather than scanned: set a size larger than the
        // chart's labels (the page's own size at most).
        let findingPages = findings.layoutPages(theme: Self.part(theme, size: Size(width: findingsArea.width, height: findingsArea.height),
                                                                 scale: min(1, scale * 1.2), headingScale: scale),
                                                measurer: measurer)
        if let page = findingPages.first {
            place(page.scene, in: findingsArea, into: &scene)
            problems += page.problems.map { "findings: \($0)" }
        }
        if findingPages.count > 1 { problems.append("the findings need more than their box; use fewer or shorter findings") }
        return SummaryPageLayout(scene: scene, blocks: blocks, chartArea: chartArea, findingsArea: findingsArea,
                                 tableArea: tableArea, problems: problems)
    }

    /// The theme for a part: its box as the page, no margins, the type scaled down (the
    /// minimum sizes too, so a part shrinks no further than the page would relative to it).
    /// `headingScale` keeps the parts' headings alike when one part's text is set larger.
    static func part(_ theme: Theme, size: Size, scale: Double, headingScale: Double? = nil) -> Theme {
        var part = theme
        part.pageSize = size
        part.margins = Theme.Margins(top: 0, left: 0, bottom: 0, right: 0)
        let s = theme.fontSizes
        part.fontSizes = Theme.FontSizes(title: s.title * (headingScale ?? scale) * 0.75, subtitle: s.subtitle * scale, unit: s.unit * scale,
                                         axis: s.axis * scale, valueLabel: s.valueLabel * scale,
                                         minimumValueLabel: min(s.minimumValueLabel, s.valueLabel * scale),
                                         cagrLabel: s.cagrLabel * scale, legend: s.legend * scale,
                                         annotation: s.annotation * scale, note: s.note * scale,
                                         minimumNote: min(s.minimumNote, s.note * scale))
        return part
    }

    /// Moves a part's scene into its box on the page.
    private func place(_ part: Scene, in box: Rect, into scene: inout Scene) {
        scene.append(contentsOf: part, offset: Point(box.minX, box.minY))
    }
}
