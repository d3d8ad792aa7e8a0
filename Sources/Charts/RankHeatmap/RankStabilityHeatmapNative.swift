// The rank-stability heatmap as one native table: a header row of column labels, then each
// row's label and its cells with their shade and printed value, on the scene's grid.

extension RankStabilityHeatmap {
    /// The table from the body's top left to the grid's far corner (the label column and
    /// the header row before the grid's cells), replacing the scene's cells and labels.
    func nativeTable(body: Rect, grid: HeatmapGrid, theme: Theme) -> NativeTable {
        let palette = theme.palette
        let (labelFont, valueFont) = (grid.labelFont, grid.valueFont)
        let text = palette.text
        let header = NativeTable.Row(height: grid.frame.minY - body.minY, cells: [
            NativeTable.Cell(text: "", bold: false, fill: nil, color: text, alignment: .right, size: labelFont.size),
        ] + columnLabels.map {
            NativeTable.Cell(text: $0, bold: false, fill: nil, color: palette.secondaryText, alignment: .center,
                             size: labelFont.size)
        })
        let tableRows = rowLabels.indices.map { r in
            NativeTable.Row(height: grid.cellHeight, cells: [
                NativeTable.Cell(text: rowLabels[r], bold: false, fill: nil, color: text, alignment: .right,
                                 size: labelFont.size),
            ] + columnLabels.indices.map { c in
                let p = probability(r, c)
                let shown = p.flatMap { $0 >= threshold ? formatValue($0) : nil } ?? ""
                return NativeTable.Cell(text: shown, bold: false,
                                        fill: Self.shade(p ?? 0, background: palette.background, ink: palette.actual),
                                        color: (p ?? 0) > 0.5 ? palette.accentText : text, alignment: .center,
                                        size: valueFont.size)
            })
        }
        let frame = Rect(x: body.minX, y: body.minY, width: grid.frame.maxX - body.minX,
                         height: grid.frame.maxY - body.minY)
        var table = NativeTable(frame: frame,
                                columnWidths: [grid.frame.minX - body.minX]
                                    + Array(repeating: grid.cellWidth, count: columnLabels.count),
                                rows: [header] + tableRows, fontFamily: theme.fontFamily, fontSize: valueFont.size,
                                replacedRoles: ["cell", "cell-value", "grid-frame", "row-label", "column-label"])
        // The label column is as wide as the longest label and the gap to the grid.
        table.horizontalPadding = theme.spacing.labelGap
        return table
    }
}
