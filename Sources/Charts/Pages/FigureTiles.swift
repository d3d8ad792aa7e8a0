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
        let palette = theme.palette
        let gap = theme.spacing.labelGap
        let estimateStroke = Stroke(color: palette.estimateHatch, width: 1.2, dash: [4, 3])
        let legend = tiles.contains(where: \.isEstimate) && !(estimateLegend ?? "").isEmpty
            ? [LegendEntry(swatch: .line(estimateStroke), text: estimateLegend ?? "")] : []
        let blocks = PageBlockLayout.layout(
            PageBlockContent(title: title, subtitle: subtitle, unit: nil, legend: legend, note: sourceNote),
            theme: theme, measurer: measurer, scene: &scene, problems: &problems)
        let body = blocks.body
        let count = tiles.count
        guard count > 0 else {
            return FigureTilesLayout(scene: scene, blocks: blocks, tiles: [], valueFont: theme.font(28), problems: problems)
        }
        let spacing = 12.0
        let columns = Self.columnCount(count, requested: columns, in: body, spacing: spacing)
        let rows = (count + columns - 1) / columns
        let tileWidth = (body.width - spacing * Double(columns - 1)) / Double(columns)
        let tileHeight = min((body.height - spacing * Double(rows - 1)) / Double(rows), tileWidth * 0.9)
        let padding = 10.0, paddingY = 6.0
        let inner = tileWidth - 2 * padding

        // One value size for every tile, so the figures compare at a glance; labels and
        // captions wrap, and everything shrinks together until each tile holds its text.
        var valueFont = theme.font(min(34, tileHeight * 0.34), weight: .bold)
        var labelFont = theme.font(theme.fontSizes.annotation + 1)
        var captionFont = theme.font(theme.fontSizes.legend - 1)
        func heights() -> [(Size, Size, Size)] {
            tiles.map { tile in
                (measurer.measure(tile.value, font: valueFont, maxWidth: nil),
                 measurer.measure(tile.label, font: labelFont, maxWidth: inner),
                 measurer.measure(tile.caption, font: captionFont, maxWidth: inner))
            }
        }
        var measured = heights()
        func fits() -> Bool {
            measured.allSatisfy { value, label, caption in
                value.width <= inner && value.height + label.height + caption.height + 2 * gap <= tileHeight - 2 * paddingY
            }
        }
        // Shrink order: the big number down to a floor that still reads as a headline, then
        // the labels, then the number down to the value-label size.
        let headlineFloor = max(theme.fontSizes.valueLabel, min(20, valueFont.size))
        for _ in 0..<200 where !fits() {
            let tooWide = measured.contains { $0.0.width > inner }
            if (tooWide || valueFont.size - 1 >= headlineFloor) && valueFont.size - 1 >= theme.fontSizes.valueLabel {
                valueFont.size -= 1
            } else if labelFont.size - 0.5 >= max(theme.fontSizes.minimumValueLabel, 10) {
                labelFont.size -= 0.5
                captionFont.size = max(theme.fontSizes.minimumNote, captionFont.size - 0.5)
            } else if valueFont.size - 1 >= theme.fontSizes.valueLabel {
                valueFont.size -= 1
            } else if labelFont.size - 0.5 >= theme.fontSizes.minimumValueLabel {
                labelFont.size -= 0.5
                captionFont.size = max(theme.fontSizes.minimumNote, captionFont.size - 0.5)
            } else {
                break
            }
            measured = heights()
        }
        if !fits() { problems.append("some figures do not fit their tiles even at the smallest type; use fewer tiles or shorter labels") }

        var geometry: [FigureTilesLayout.TileGeometry] = []
        for (i, tile) in tiles.enumerated() {
            let row = i / columns, column = i % columns
            // The last row is centred when it is not full.
            let inRow = row == rows - 1 ? count - row * columns : columns
            let rowOffset = (body.width - (Double(inRow) * tileWidth + Double(inRow - 1) * spacing)) / 2
            let frame = Rect(x: body.minX + rowOffset + Double(column) * (tileWidth + spacing),
                             y: body.minY + Double(row) * (tileHeight + spacing), width: tileWidth, height: tileHeight)
            scene.add(.rect(frame, fill: .solid(tile.isEstimate ? palette.background : palette.gridline.tinted(0.55)),
                            stroke: tile.isEstimate ? estimateStroke : nil, cornerRadius: 6), role: "tile")
            scene.add(.rect(Rect(x: frame.minX, y: frame.minY + 8, width: 3, height: frame.height - 16),
                            fill: .solid(tile.isEstimate ? palette.estimate : palette.accent), stroke: nil, cornerRadius: 0),
                      role: "tile-mark")
            let (valueSize, labelSize, captionSize) = measured[i]
            let contentHeight = valueSize.height + labelSize.height + captionSize.height + 2 * gap
            var y = frame.minY + max(paddingY, (frame.height - contentHeight) / 2)
            let value = Rect(x: frame.minX + padding, y: y, width: inner, height: valueSize.height)
            scene.add(.text(TextBox(text: tile.value, frame: value, font: valueFont,
                                    color: tile.isEstimate ? palette.estimateHatch : palette.actual)), role: "tile-value")
            y = value.maxY + gap
            let label = Rect(x: frame.minX + padding, y: y, width: inner, height: labelSize.height)
            scene.add(.text(TextBox(text: tile.label, frame: label, font: labelFont, color: palette.text, wraps: true)),
                      role: "tile-label")
            y = label.maxY + gap
            let caption = Rect(x: frame.minX + padding, y: y, width: inner, height: captionSize.height)
            scene.add(.text(TextBox(text: tile.caption, frame: caption, font: captionFont, color: palette.secondaryText,
                                    wraps: true)), role: "tile-caption")
            geometry.append(.init(frame: frame, value: value, label: label, caption: caption))
        }
        return FigureTilesLayout(scene: scene, blocks: blocks, tiles: geometry, valueFont: valueFont, problems: problems)
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
