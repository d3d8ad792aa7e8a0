// Layout of the rank-stability heatmap: row labels in a measured left column, column
// labels above the grid, square-ish cells filling the body, values centred in their
// cells in white on dark shades and in text colour on light ones. The legend shows three
// reference shades (10%, not 0%: a 0% swatch would be invisible on the page).

public struct RankStabilityHeatmapLayout: Sendable {
    public var scene: Scene
    public var blocks: PageBlocks
    /// The whole grid of cells.
    public var grid: Rect
    /// cells[row][column].
    public var cells: [[Rect]]
    public var rowLabels: [Rect]
    public var columnLabels: [Rect]
    /// Frames of the printed values, with their (row, column).
    public var valueLabels: [(row: Int, column: Int, frame: Rect)]
    public var problems: [String]
    /// The grid as a native table with filled cells, for editable exports.
    public var native: NativeContent? = nil
}

extension RankStabilityHeatmap {
    public func layout(theme: Theme = .standard, measurer: TextMeasuring) -> RankStabilityHeatmapLayout {
        var problems = self.problems
        var scene = Scene(size: theme.pageSize, background: theme.palette.background)
        let palette = theme.palette
        let legend = [0.1, 0.5, 1.0].map { p in
            LegendEntry(swatch: .box(.solid(Self.shade(p, background: palette.background, ink: palette.actual))),
                        text: formatValue(p))
        }
        let blocks = PageBlockLayout.layout(
            PageBlockContent(title: title, subtitle: subtitle, unit: unitLabel, legend: legend, note: sourceNote),
            theme: theme, measurer: measurer, scene: &scene, problems: &problems)
        let body = blocks.body
        guard !rowLabels.isEmpty, !columnLabels.isEmpty else {
            return RankStabilityHeatmapLayout(scene: scene, blocks: blocks, grid: Rect(x: body.minX, y: body.minY, width: 0, height: 0),
                                              cells: [], rowLabels: [], columnLabels: [], valueLabels: [], problems: problems)
        }
        let grid = planGrid(in: body, theme: theme, measurer: measurer, problems: &problems)
        let cells = addCells(grid, theme: theme, measurer: measurer, to: &scene)
        let labels = addLabels(grid, theme: theme, to: &scene)
        var layout = RankStabilityHeatmapLayout(scene: scene, blocks: blocks, grid: grid.frame, cells: cells.frames,
                                                rowLabels: labels.rows, columnLabels: labels.columns,
                                                valueLabels: cells.values, problems: problems)
        layout.native = .table(nativeTable(body: body, grid: grid, theme: theme))
        return layout
    }

    /// The grid right of the measured row-label column and below the column labels, its
    /// cells, and the fonts of labels and values.
    struct HeatmapGrid {
        var labelFont: FontSpec
        /// Row labels wrap at this width.
        var rowLabelLimit: Double
        var rowSizes: [Size]
        var columnSizes: [Size]
        /// Where the column labels stand: the top of the body.
        var headerTop: Double
        var frame: Rect
        var cellWidth: Double
        var cellHeight: Double
        var valueFont: FontSpec

        func cell(row r: Int, column c: Int) -> Rect {
            Rect(x: frame.minX + cellWidth * Double(c), y: frame.minY + cellHeight * Double(r),
                 width: cellWidth, height: cellHeight)
        }
    }

    private func planGrid(in body: Rect, theme: Theme, measurer: TextMeasuring,
                          problems: inout [String]) -> HeatmapGrid {
        let gap = theme.spacing.labelGap
        let labelFont = theme.font(theme.fontSizes.axis)
        let columnLimit = body.width / 3
        let rowSizes = rowLabels.map { measurer.measure($0, font: labelFont, maxWidth: columnLimit) }
        let columnSizes = columnLabels.map { measurer.measure($0, font: labelFont, maxWidth: nil) }
        let headerHeight = columnSizes.map(\.height).max() ?? 0
        let gridLeft = body.minX + (rowSizes.map(\.width).max() ?? 0) + 2 * gap
        let gridTop = body.minY + headerHeight + gap
        let grid = Rect(x: gridLeft, y: gridTop, width: max(0, body.maxX - gridLeft), height: max(0, body.maxY - gridTop))
        let cellWidth = grid.width / Double(columnLabels.count), cellHeight = grid.height / Double(rowLabels.count)
        if let widest = columnSizes.map(\.width).max(), widest > cellWidth {
            problems.append("column labels are wider than their cells; shorten them")
        }
        if let tallest = rowSizes.map(\.height).max(), tallest > cellHeight {
            problems.append("row labels are taller than their rows; use fewer rows or shorter labels")
        }
        // Values: the largest size up to the value-label size whose widest text fits a cell.
        let valueFont = theme.font(theme.fontSizes.valueLabel)
        let valueSize = LargestFittingSize(formatValue(1), font: valueFont, floor: theme.fontSizes.minimumValueLabel,
                                           maxWidth: nil, measurer: measurer) {
            $0.width <= cellWidth - 2 * gap && $0.height <= cellHeight - 2
        }.size
        return HeatmapGrid(labelFont: labelFont, rowLabelLimit: columnLimit, rowSizes: rowSizes, columnSizes: columnSizes,
                           headerTop: body.minY, frame: grid, cellWidth: cellWidth, cellHeight: cellHeight,
                           valueFont: theme.font(valueSize))
    }

    /// Every cell in its shade, and the values at or above the threshold centred in
    /// theirs; then a light frame around the grid.
    private func addCells(_ grid: HeatmapGrid, theme: Theme, measurer: TextMeasuring, to scene: inout Scene)
        -> (frames: [[Rect]], values: [(row: Int, column: Int, frame: Rect)]) {
        let palette = theme.palette
        var cells: [[Rect]] = []
        var values: [(row: Int, column: Int, frame: Rect)] = []
        let separator = Stroke(color: palette.background, width: 1)
        for r in rowLabels.indices {
            var rowCells: [Rect] = []
            for c in columnLabels.indices {
                let cell = grid.cell(row: r, column: c)
                rowCells.append(cell)
                let p = probability(r, c) ?? 0
                scene.add(.rect(cell, fill: .solid(Self.shade(p, background: palette.background, ink: palette.actual)),
                                stroke: separator, cornerRadius: 0), role: "cell")
                guard let shown = probability(r, c), shown >= threshold else { continue }
                let text = formatValue(shown)
                let size = measurer.measure(text, font: grid.valueFont, maxWidth: nil)
                let frame = Rect(x: cell.midX - size.width / 2, y: cell.midY - size.height / 2,
                                 width: size.width, height: size.height)
                // White on shades darker than the midpoint keeps the contrast above 4.5:1.
                scene.add(.text(TextBox(text: text, frame: frame, font: grid.valueFont,
                                        color: shown > 0.5 ? palette.accentText : palette.text, alignment: .center)),
                          role: "cell-value")
                values.append((r, c, frame))
            }
            cells.append(rowCells)
        }
        // A light frame, so the empty cells at the edge still read as part of the grid.
        scene.add(.rect(grid.frame, fill: nil, stroke: Stroke(color: palette.gridline, width: theme.lineWidths.gridline),
                        cornerRadius: 0), role: "grid-frame")
        return (cells, values)
    }

    /// Row labels right-aligned against the grid, column labels centred above it.
    private func addLabels(_ grid: HeatmapGrid, theme: Theme, to scene: inout Scene) -> (rows: [Rect], columns: [Rect]) {
        let palette = theme.palette, gap = theme.spacing.labelGap
        var rowFrames: [Rect] = []
        for (r, label) in rowLabels.enumerated() {
            let size = grid.rowSizes[r]
            let centerY = grid.frame.minY + grid.cellHeight * (Double(r) + 0.5)
            let frame = Rect(x: grid.frame.minX - 2 * gap - size.width, y: centerY - size.height / 2,
                             width: size.width, height: size.height)
            scene.add(.text(TextBox(text: label, frame: frame, font: grid.labelFont, color: palette.text,
                                    alignment: .right, wraps: size.width >= grid.rowLabelLimit - 1e-9)),
                      role: "row-label")
            rowFrames.append(frame)
        }
        var columnFrames: [Rect] = []
        for (c, label) in columnLabels.enumerated() {
            let size = grid.columnSizes[c]
            let centerX = grid.frame.minX + grid.cellWidth * (Double(c) + 0.5)
            let frame = Rect(x: centerX - size.width / 2, y: grid.headerTop,
                             width: size.width, height: size.height)
            scene.add(.text(TextBox(text: label, frame: frame, font: grid.labelFont, color: palette.secondaryText,
                                    alignment: .center)), role: "column-label")
            columnFrames.append(frame)
        }
        return (rowFrames, columnFrames)
    }
}
