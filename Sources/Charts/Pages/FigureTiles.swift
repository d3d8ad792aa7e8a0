// Figures that share no unit, shown as tiles instead of on one axis: a big number, what
// it measures, and whose it is. Used for compute (EFLOPS beside GPU counts) and the case
// results. Estimates get a dashed border and the estimate colour, so they never read as
// actuals.

public struct FigureTiles: Sendable {
    public struct Tile: Equatable, Sendable {
        /// The big number with its unit, e.g. "91.18%" or "6 EFLOPS".
        public var value: String
        /// What the number measures, e.g. "电力大模型综合得分".
        public var label: String
        /// Whose figure it is, e.g. "国家电网".
        public var caption: String
        public var isEstimate: Bool
        public init(value: String, label: String, caption: String, isEstimate: Bool = false) {
            self.value = value; self.label = label; self.caption = caption; self.isEstimate = isEstimate
        }
    }

    public var title: String
    public var subtitle: String?
    public var tiles: [Tile]
    /// Tiles per row; nil picks the count that makes tiles closest to 3:2.
    public var columns: Int?
    /// Legend text for estimate tiles; shown only when some tile is an estimate.
    public var estimateLegend: String?
    public var sourceNote: String

    public init(title: String, subtitle: String? = nil, tiles: [Tile], columns: Int? = nil,
                estimateLegend: String? = nil, sourceNote: String = "") {
        self.title = title; self.subtitle = subtitle; self.tiles = tiles; self.columns = columns
        self.estimateLegend = estimateLegend; self.sourceNote = sourceNote
    }

    public var problems: [String] {
        var found: [String] = []
        if tiles.isEmpty { found.append("there are no figures to show") }
        if let columns, columns < 1 { found.append("columns is \(columns); give at least 1") }
        return found
    }
}

public struct FigureTilesLayout: Sendable {
    public struct TileGeometry: Equatable, Sendable {
        public var frame: Rect
        public var value: Rect
        public var label: Rect
        public var caption: Rect
    }
    public var scene: Scene
    public var blocks: PageBlocks
    public var tiles: [TileGeometry]
    public var valueFont: FontSpec
    public var problems: [String]
}

extension FigureTiles {
    public func layout(theme: Theme = .standard, measurer: TextMeasuring) -> FigureTilesLayout {
        var problems = self.problems
        var scene = Scene(size: theme.pageSize, background: theme.palette.background)
        let legend = tiles.contains(where: \.isEstimate) && !(estimateLegend ?? "").isEmpty
            ? [LegendEntry(swatch: .line(Self.estimateStroke(theme)), text: estimateLegend ?? "")] : []
        let blocks = PageBlockLayout.layout(
            PageBlockContent(title: title, subtitle: subtitle, unit: nil, legend: legend, note: sourceNote),
            theme: theme, measurer: measurer, scene: &scene, problems: &problems)
        guard !tiles.isEmpty else {
            return FigureTilesLayout(scene: scene, blocks: blocks, tiles: [], valueFont: theme.font(28), problems: problems)
        }
        let grid = TileGrid(count: tiles.count, requestedColumns: columns, body: blocks.body)
        let typesetting = typeset(grid, theme: theme, measurer: measurer)
        if !typesetting.fits { problems.append("some figures do not fit their tiles even at the smallest type; use fewer tiles or shorter labels") }
        let geometry = tiles.indices.map { addTile($0, grid: grid, typesetting: typesetting, theme: theme, to: &scene) }
        return FigureTilesLayout(scene: scene, blocks: blocks, tiles: geometry, valueFont: typesetting.valueFont,
                                 problems: problems)
    }

    /// An estimate's tile is outlined with this dashed line (and its legend swatch shows it).
    private static func estimateStroke(_ theme: Theme) -> Stroke {
        Stroke(color: theme.palette.estimateHatch, width: 1.2, dash: [4, 3])
    }

    /// Tiles in rows across the body, each as wide as its column and at most 0.9 times as
    /// tall as wide.
    private struct TileGrid {
        let spacing = 12.0
        let padding = 10.0, paddingY = 6.0
        var body: Rect
        var count: Int
        var columns: Int
        var rows: Int
        var tileWidth: Double
        var tileHeight: Double
        /// The width of a tile's text.
        var inner: Double { tileWidth - 2 * padding }

        init(count: Int, requestedColumns: Int?, body: Rect) {
            self.body = body
            self.count = count
            columns = FigureTiles.columnCount(count, requested: requestedColumns, in: body, spacing: spacing)
            rows = (count + columns - 1) / columns
            tileWidth = (body.width - spacing * Double(columns - 1)) / Double(columns)
            tileHeight = min((body.height - spacing * Double(rows - 1)) / Double(rows), tileWidth * 0.9)
        }

        /// Tile `i`'s frame; the last row is centred when it is not full.
        func frame(_ i: Int) -> Rect {
            let row = i / columns, column = i % columns
            let inRow = row == rows - 1 ? count - row * columns : columns
            let rowOffset = (body.width - (Double(inRow) * tileWidth + Double(inRow - 1) * spacing)) / 2
            return Rect(x: body.minX + rowOffset + Double(column) * (tileWidth + spacing),
                        y: body.minY + Double(row) * (tileHeight + spacing), width: tileWidth, height: tileHeight)
        }
    }

    /// The fonts every tile shares, and each tile's value, label and caption measured in them.
    private struct TileTypesetting {
        var valueFont: FontSpec
        var labelFont: FontSpec
        var captionFont: FontSpec
        var measured: [(value: Size, label: Size, caption: Size)] = []
        var fits = false
    }

    /// One value size for every tile, so the figures compare at a glance; labels and
    /// captions wrap, and everything shrinks together until each tile holds its text.
    private func typeset(_ grid: TileGrid, theme: Theme, measurer: TextMeasuring) -> TileTypesetting {
        let gap = theme.spacing.labelGap
        let inner = grid.inner
        var typesetting = TileTypesetting(valueFont: theme.font(min(34, grid.tileHeight * 0.34), weight: .bold),
                            labelFont: theme.font(theme.fontSizes.annotation + 1),
                            captionFont: theme.font(theme.fontSizes.legend - 1))
        func measure() {
            typesetting.measured = tiles.map { tile in
                (measurer.measure(tile.value, font: typesetting.valueFont, maxWidth: nil),
                 measurer.measure(tile.label, font: typesetting.labelFont, maxWidth: inner),
                 measurer.measure(tile.caption, font: typesetting.captionFont, maxWidth: inner))
            }
            typesetting.fits = typesetting.measured.allSatisfy { value, label, caption in
                value.width <= inner
                    && value.height + label.height + caption.height + 2 * gap <= grid.tileHeight - 2 * grid.paddingY
            }
        }
        func shrinkLabels() {
            typesetting.labelFont.size -= 0.5
            typesetting.captionFont.size = max(theme.fontSizes.minimumNote, typesetting.captionFont.size - 0.5)
        }
        measure()
        // Shrink order: the big number down to a floor that still reads as a headline, then
        // the labels, then the number down to the value-label size.
        let headlineFloor = max(theme.fontSizes.valueLabel, min(20, typesetting.valueFont.size))
        for _ in 0..<200 where !typesetting.fits {
            let tooWide = typesetting.measured.contains { $0.value.width > inner }
            let valueSize = typesetting.valueFont.size, labelSize = typesetting.labelFont.size
            if (tooWide || valueSize - 1 >= headlineFloor) && valueSize - 1 >= theme.fontSizes.valueLabel {
                typesetting.valueFont.size -= 1
            } else if labelSize - 0.5 >= max(theme.fontSizes.minimumValueLabel, 10) {
                shrinkLabels()
            } else if valueSize - 1 >= theme.fontSizes.valueLabel {
                typesetting.valueFont.size -= 1
            } else if labelSize - 0.5 >= theme.fontSizes.minimumValueLabel {
                shrinkLabels()
            } else {
                break
            }
            measure()
        }
        return typesetting
    }

    /// Tile `i`: its background (dashed outline for an estimate), the mark at its left
    /// edge, and value, label and caption centred down it.
    private func addTile(_ i: Int, grid: TileGrid, typesetting: TileTypesetting, theme: Theme,
                         to scene: inout Scene) -> FigureTilesLayout.TileGeometry {
        let palette = theme.palette, gap = theme.spacing.labelGap
        let tile = tiles[i]
        let frame = grid.frame(i)
        scene.add(.rect(frame, fill: .solid(tile.isEstimate ? palette.background : palette.gridline.tinted(0.55)),
                        stroke: tile.isEstimate ? Self.estimateStroke(theme) : nil, cornerRadius: 6), role: "tile")
        scene.add(.rect(Rect(x: frame.minX, y: frame.minY + 8, width: 3, height: frame.height - 16),
                        fill: .solid(tile.isEstimate ? palette.estimate : palette.accent), stroke: nil, cornerRadius: 0),
                  role: "tile-mark")
        let (valueSize, labelSize, captionSize) = typesetting.measured[i]
        let contentHeight = valueSize.height + labelSize.height + captionSize.height + 2 * gap
        var y = frame.minY + max(grid.paddingY, (frame.height - contentHeight) / 2)
        let value = Rect(x: frame.minX + grid.padding, y: y, width: grid.inner, height: valueSize.height)
        scene.add(.text(TextBox(text: tile.value, frame: value, font: typesetting.valueFont,
                                color: tile.isEstimate ? palette.estimateHatch : palette.actual)), role: "tile-value")
        y = value.maxY + gap
        let label = Rect(x: frame.minX + grid.padding, y: y, width: grid.inner, height: labelSize.height)
        scene.add(.text(TextBox(text: tile.label, frame: label, font: typesetting.labelFont, color: palette.text,
                                wraps: true)), role: "tile-label")
        y = label.maxY + gap
        let caption = Rect(x: frame.minX + grid.padding, y: y, width: grid.inner, height: captionSize.height)
        scene.add(.text(TextBox(text: tile.caption, frame: caption, font: typesetting.captionFont,
                                color: palette.secondaryText, wraps: true)), role: "tile-caption")
        return .init(frame: frame, value: value, label: label, caption: caption)
    }

    /// The requested column count, or the one whose tiles come closest to 3:2 (wide).
    static func columnCount(_ count: Int, requested: Int?, in body: Rect, spacing: Double) -> Int {
        if let requested, requested >= 1 { return min(requested, count) }
        var best = 1, bestScore = Double.infinity
        for columns in 1...max(1, count) {
            let rows = (count + columns - 1) / columns
            let width = (body.width - spacing * Double(columns - 1)) / Double(columns)
            let height = (body.height - spacing * Double(rows - 1)) / Double(rows)
            guard width > 0, height > 0 else { continue }
            let score = abs((width / height).squareRoot() - 1.5.squareRoot())
            if score < bestScore { best = columns; bestScore = score }
        }
        return best
    }
}
