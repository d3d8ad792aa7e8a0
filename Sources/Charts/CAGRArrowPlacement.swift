// Where CAGR bracket-arrows go horizontally and on which tier. Arrows sit above all
// value labels; spans that would overlap (nested spans, or pills wider than their
// arrows) move up a tier instead of colliding. Two spans that share a bar (actual
// 2019–2024, forecast 2024–2027) stay on one tier: each leg moves a little off the
// shared bar's centre so the arrowhead of one and the leg of the next stay distinct.
// The pill stays centred on its final line.

struct PlannedArrow: Equatable {
    var spanIndex: Int
    var startX: Double
    var endX: Double
    var pillSize: Size
    var pillCenterX: Double
    var tier: Int

    var extent: ClosedRange<Double> {
        min(startX, pillCenterX - pillSize.width / 2)...max(endX, pillCenterX + pillSize.width / 2)
    }
}

enum CAGRArrowPlacement {
    /// `centers` are the bar centres, `barWidth` their width; `pillSizes` the measured
    /// pill for each span (same order as `spans`). Undrawable spans are skipped.
    static func plan(spans: [MarketSizeChart.CAGRSpan], drawable: (MarketSizeChart.CAGRSpan) -> Bool,
                     centers: [Double], barWidth: Double, pillSizes: [Size],
                     bounds: ClosedRange<Double>) -> [PlannedArrow] {
        let offset = min(barWidth * 0.18, 6)
        var planned: [PlannedArrow] = []
        for (k, span) in spans.enumerated() where drawable(span) && k < pillSizes.count {
            let sharesStart = spans.enumerated().contains { $0.offset != k && drawable($0.element) && $0.element.to == span.from }
            let sharesEnd = spans.enumerated().contains { $0.offset != k && drawable($0.element) && $0.element.from == span.to }
            let startX = centers[span.from] + (sharesStart ? offset : 0)
            let endX = centers[span.to] - (sharesEnd ? offset : 0)
            let pill = pillSizes[k]
            var arrow = PlannedArrow(spanIndex: k, startX: startX, endX: endX, pillSize: pill,
                                     pillCenterX: 0, tier: 0)
            arrow.pillCenterX = centeredPill(arrow, bounds: bounds)
            planned.append(arrow)
        }
        // Shorter spans first so the common case (consecutive spans) takes the lowest tier,
        // and a span over everything (e.g. a total CAGR) goes above them.
        let order = planned.indices.sorted {
            let a = spans[planned[$0].spanIndex], b = spans[planned[$1].spanIndex]
            return (a.to - a.from, a.from, $0) < (b.to - b.from, b.from, $1)
        }
        var tiers: [[ClosedRange<Double>]] = []
        for i in order {
            let extent = planned[i].extent
            var tier = 0
            while tier < tiers.count, tiers[tier].contains(where: { $0.overlaps(extent) }) { tier += 1 }
            if tier == tiers.count { tiers.append([]) }
            tiers[tier].append(extent)
            planned[i].tier = tier
        }
        // A higher-tier span that starts or ends on the same bar as a lower one (a total
        // CAGR over two part spans) puts that leg on the outer side, so the two legs and
        // arrowheads stay apart.
        let outerOffset = min(barWidth * 0.3, 8)
        for i in planned.indices where planned[i].tier > 0 {
            let span = spans[planned[i].spanIndex]
            let lower = planned.filter { $0.tier < planned[i].tier }.map { spans[$0.spanIndex] }
            if lower.contains(where: { $0.from == span.from }) { planned[i].startX -= outerOffset }
            if lower.contains(where: { $0.to == span.to }) { planned[i].endX += outerOffset }
            planned[i].pillCenterX = centeredPill(planned[i], bounds: bounds)
        }
        return planned
    }

    /// The pill's centre: the middle of the line, kept inside `bounds`.
    private static func centeredPill(_ arrow: PlannedArrow, bounds: ClosedRange<Double>) -> Double {
        let half = arrow.pillSize.width / 2
        return min(max((arrow.startX + arrow.endX) / 2, bounds.lowerBound + half), bounds.upperBound - half)
    }
}
