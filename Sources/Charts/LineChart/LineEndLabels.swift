// Labels at the right end of lines (a series' name beside its last point), instead of a
// legend, for charts with many series. Labels start level with their line's end and are
// pushed apart just enough not to overlap, keeping their top-to-bottom order, then pulled
// back inside the plot's vertical extent.

enum LineEndLabels {
    /// Tops for labels of `heights` that want to be centred on `desired` centres, without
    /// overlapping (at least `separation` apart), within `bounds`; order is preserved.
    static func spread(desired: [Double], heights: [Double], bounds: ClosedRange<Double>,
                       separation: Double) -> [Double] {
        let order = desired.indices.sorted { (desired[$0], $0) < (desired[$1], $1) }
        var tops = [Double](repeating: 0, count: desired.count)
        // Downward pass: each label at its wish or just below the previous one.
        var floor = bounds.lowerBound
        for i in order {
            let top = max(desired[i] - heights[i] / 2, floor)
            tops[i] = top
            floor = top + heights[i] + separation
        }
        // Upward pass: anything pushed past the bottom moves up, pushing its neighbours.
        var ceiling = bounds.upperBound
        for i in order.reversed() {
            let top = min(tops[i], ceiling - heights[i])
            tops[i] = max(top, bounds.lowerBound)
            ceiling = tops[i] - separation
        }
        return tops
    }
}
