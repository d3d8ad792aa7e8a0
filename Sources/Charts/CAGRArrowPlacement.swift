// Where CAGR bracket-arrows go horizontally and on which tier. Arrows sit above all
// value labels; spans that would overlap (nested spans, or pills wider than their
// arrows) move up a tier instead of colliding. Two spans that share a bar (actual
// 2019–2024, forecast 2024–2027) stay on one tier: each leg moves a little off the
// shared bar's centre so the arrowhead of one and the leg of the next stay distinct.

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
            let half = pill.width / 2
            var pillCenter = (startX + endX) / 2
            pillCenter = min(max(pillCenter, bounds.lowerBound + half), bounds.upperBound - half)
            planned.append(PlannedArrow(spanIndex: k, startX: startX, endX: endX, pillSize: pill,
                                        pillCenterX: pillCenter, tier: 0))
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
        return planned
    }
}
