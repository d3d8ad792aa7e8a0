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
        let gap = theme.spacing.labelGap
        let ink = palette.actual
        let legend = [0.1, 0.5, 1.0].map { p in
            LegendEntry(swatch: .box(.solid(Self.shade(p, background: palette.background, ink: ink))), text: formatValue(p))
        }
        let blocks = PageBlockLayout.layout(
            PageBlockContent(title: title, subtitle: subtitle, unit: unitLabel, legend: legend, note: sourceNote),
            theme: theme, measurer: measurer, scene: &scene, problems: &problems)
        let body = blocks.body
        let rows = rowLabels.count, columns = columnLabels.count
        guard rows > 0, columns > 0 else {
            return RankStabilityHeatmapLayout(scene: scene, blocks: blocks, grid: Rect(x: body.minX, y: body.minY, width: 0, height: 0),
                                              cells: [], rowLabels: [], columnLabels: [], valueLabels: [], problems: problems)
        }

        let labelFont = theme.font(theme.fontSizes.axis)
        let columnLimit = body.width / 3
        let rowSizes = rowLabels.map { measurer.measure($0, font: labelFont, maxWidth: columnLimit) }
        let columnSizes = columnLabels.map { measurer.measure($0, font: labelFont, maxWidth: nil) }
        let headerHeight = columnSizes.map(\.height).max() ?? 0
        let gridLeft = body.minX + (rowSizes.map(\.width).max() ?? 0) + 2 * gap
        let gridTop = body.minY + headerHeight + gap
        let grid = Rect(x: gridLeft, y: gridTop, width: max(0, body.maxX - gridLeft), height: max(0, body.maxY - gridTop))
        let cellWidth = grid.width / Double(columns), cellHeight = grid.height / Double(rows)
        if let widest = columnSizes.map(\.width).max(), widest > cellWidth {
            problems.append("column labels are wider than their cells; shorten them")
        }
        if let tallest = rowSizes.map(\.height).max(), tallest > cellHeight {
            problems.append("row labels are taller than their rows; use fewer rows or shorter labels")
        }

        // Values: the largest size up to the value-label size whose widest text fits a cell.
        var valueFont = theme.font(theme.fontSizes.valueLabel)
        let sample = formatValue(1)
        for _ in 0..<100 {
            let size = measurer.measure(sample, font: valueFont, maxWidth: nil)
            if (size.width <= cellWidth - 2 * gap && size.height <= cellHeight - 2) || !(valueFont.size - 0.5 >= theme.fontSizes.minimumValueLabel) { break }
            valueFont.size -= 0.5
        }

        var cells: [[Rect]] = []
        var values: [(row: Int, column: Int, frame: Rect)] = []
        let separator = Stroke(color: palette.background, width: 1)
        for r in 0..<rows {
            var rowCells: [Rect] = []
            for c in 0..<columns {
                let cell = Rect(x: grid.minX + cellWidth * Double(c), y: grid.minY + cellHeight * Double(r),
                                width: cellWidth, height: cellHeight)
                rowCells.append(cell)
                let p = probability(r, c) ?? 0
                scene.add(.rect(cell, fill: .solid(Self.shade(p, background: palette.background, ink: ink)),
                                stroke: separator, cornerRadius: 0), role: "cell")
                guard let shown = probability(r, c), shown >= threshold else { continue }
                let text = formatValue(shown)
                let size = measurer.measure(text, font: valueFont, maxWidth: nil)
                let frame = Rect(x: cell.midX - size.width / 2, y: cell.midY - size.height / 2,
                                 width: size.width, height: size.height)
                // White on shades darker than the midpoint keeps the contrast above 4.5:1.
                scene.add(.text(TextBox(text: text, frame: frame, font: valueFont,
                                        color: shown > 0.5 ? palette.accentText : palette.text, alignment: .center)),
                          role: "cell-value")
                values.append((r, c, frame))
            }
            cells.append(rowCells)
        }
        // A light frame, so the empty cells at the edge still read as part of the grid.
        scene.add(.rect(grid, fill: nil, stroke: Stroke(color: palette.gridline, width: theme.lineWidths.gridline),
                        cornerRadius: 0), role: "grid-frame")

        var rowFrames: [Rect] = []
        for (r, label) in rowLabels.enumerated() {
            let size = rowSizes[r]
            let centerY = grid.minY + cellHeight * (Double(r) + 0.5)
            let frame = Rect(x: gridLeft - 2 * gap - size.width, y: centerY - size.height / 2, width: size.width, height: size.height)
            scene.add(.text(TextBox(text: label, frame: frame, font: labelFont, color: palette.text, alignment: .right,
                                    wraps: size.width >= columnLimit - 1e-9)), role: "row-label")
            rowFrames.append(frame)
        }
        var columnFrames: [Rect] = []
        for (c, label) in columnLabels.enumerated() {
            let size = columnSizes[c]
            let centerX = grid.minX + cellWidth * (Double(c) + 0.5)
            let frame = Rect(x: centerX - size.width / 2, y: body.minY, width: size.width, height: size.height)
            scene.add(.text(TextBox(text: label, frame: frame, font: labelFont, color: palette.secondaryText,
                                    alignment: .center)), role: "column-label")
            columnFrames.append(frame)
        }
        var layout = RankStabilityHeatmapLayout(scene: scene, blocks: blocks, grid: grid, cells: cells, rowLabels: rowFrames,
                                                columnLabels: columnFrames, valueLabels: values, problems: problems)
        // The same grid as a table: a header row of column labels, then each row's label
        // and its cells with their shade and printed value.
        let text = palette.text
        let header = NativeTable.Row(height: gridTop - body.minY, cells: [
            NativeTable.Cell(text: "", bold: false, fill: nil, color: text, alignment: .right, size: labelFont.size),
        ] + columnLabels.map {
            NativeTable.Cell(text: $0, bold: false, fill: nil, color: palette.secondaryText, alignment: .center,
                             size: labelFont.size)
        })
        let tableRows = (0..<rows).map { r in
            NativeTable.Row(height: cellHeight, cells: [
                NativeTable.Cell(text: rowLabels[r], bold: false, fill: nil, color: text, alignment: .right,
                                 size: labelFont.size),
            ] + (0..<columns).map { c in
                let p = probability(r, c)
                let shown = p.flatMap { $0 >= threshold ? formatValue($0) : nil } ?? ""
                return NativeTable.Cell(text: shown, bold: false,
                                        fill: Self.shade(p ?? 0, background: palette.background, ink: ink),
                                        color: (p ?? 0) > 0.5 ? palette.accentText : text, alignment: .center,
                                        size: valueFont.size)
            })
        }
        let frame = Rect(x: body.minX, y: body.minY, width: grid.maxX - body.minX, height: grid.maxY - body.minY)
        var table = NativeTable(frame: frame,
                                columnWidths: [gridLeft - body.minX] + Array(repeating: cellWidth, count: columns),
                                rows: [header] + tableRows, fontFamily: theme.fontFamily, fontSize: valueFont.size,
                                replacedRoles: ["cell", "cell-value", "grid-frame", "row-label", "column-label"])
        // The label column is as wide as the longest label and the gap to the grid.
        table.horizontalPadding = gap
        layout.native = .table(table)
        return layout
    }
}
