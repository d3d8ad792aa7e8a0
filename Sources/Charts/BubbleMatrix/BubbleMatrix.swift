// A matrix of items placed by two measures, each a bubble whose area is proportional to
// a third: used for "room to grow" (current penetration across, room to grow up, value
// at stake as the bubble). Labels are placed around their bubble without touching any
// other label or bubble; a label that had to move away gets a leader line.

public struct BubbleMatrix: Sendable {
    public struct Bubble: Equatable, Sendable {
        public var label: String
        public var x: Double
        public var y: Double
        /// Bubble area is proportional to this (≥ 0).
        public var size: Double
        public var isHighlighted: Bool
        public init(label: String, x: Double, y: Double, size: Double, isHighlighted: Bool = false) {
            self.label = label; self.x = x; self.y = y; self.size = size; self.isHighlighted = isHighlighted
        }
    }

    public var title: String
    public var subtitle: String?
    /// The y measure's caption, top left like every chart's unit.
    public var unitLabel: String
    /// The x measure's caption, under the axis at the right.
    public var xAxisTitle: String
    public var bubbles: [Bubble]
    /// What the bubble size means, shown as a legend entry.
    public var sizeLegend: String?
    public var sourceNote: String
    public var formatX: ValueFormatter
    public var formatY: ValueFormatter
    /// The largest bubble's radius as a fraction of the plot's shorter side.
    public var maximumRadiusFraction: Double

    public init(title: String, subtitle: String? = nil, unitLabel: String, xAxisTitle: String, bubbles: [Bubble],
                sizeLegend: String? = nil, sourceNote: String = "",
                formatX: @escaping ValueFormatter = ValueFormat.groupedDecimal(decimals: 0),
                formatY: @escaping ValueFormatter = ValueFormat.groupedDecimal(decimals: 0),
                maximumRadiusFraction: Double = 0.06) {
        self.title = title; self.subtitle = subtitle; self.unitLabel = unitLabel; self.xAxisTitle = xAxisTitle
        self.bubbles = bubbles; self.sizeLegend = sizeLegend; self.sourceNote = sourceNote
        self.formatX = formatX; self.formatY = formatY; self.maximumRadiusFraction = maximumRadiusFraction
    }

    public var problems: [String] {
        var found: [String] = []
        if bubbles.isEmpty { found.append("the matrix has no bubbles") }
        for (i, bubble) in bubbles.enumerated() where !(bubble.x.isFinite && bubble.y.isFinite && bubble.size.isFinite && bubble.size >= 0) {
            found.append("bubble \(i + 1) (\(bubble.label)) has a non-finite position or a negative size; it is not drawn")
        }
        return found
    }

    func isDrawable(_ bubble: Bubble) -> Bool {
        bubble.x.isFinite && bubble.y.isFinite && bubble.size.isFinite && bubble.size >= 0
    }
}

/// A circle in scene coordinates.
public struct Circle: Equatable, Sendable {
    public var center: Point
    public var radius: Double
    public init(center: Point, radius: Double) { self.center = center; self.radius = radius }

    /// True when the circle and the rectangle share interior points.
    public func intersects(_ rect: Rect) -> Bool {
        let nearestX = min(max(center.x, rect.minX), rect.maxX)
        let nearestY = min(max(center.y, rect.minY), rect.maxY)
        let dx = center.x - nearestX, dy = center.y - nearestY
        return dx * dx + dy * dy < radius * radius
    }
}
