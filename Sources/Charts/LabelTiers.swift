// Labels for points on a line (dates on a timeline, years on a stage axis) sit in tiers
// beside the line: a label goes into the nearest tier where it touches no label already
// placed there. Shared by Timeline and StageDiagram so both follow one rule: labels move
// away from the line, never sideways off their point and never on top of each other.

struct LabelTierPlacement {
    /// Label frames relative to tier 0 at y = 0 on each side; the caller maps tiers to y.
    struct Placed: Equatable {
        var side: Int
        var tier: Int
        /// Left edge, after clamping into the bounds.
        var minX: Double
        var width: Double
    }

    /// Places labels of `widths` centred on `centers` (clamped into `bounds`) on `sides`
    /// (0 or 1 per label), each in the lowest tier of its side with `separation` clear
    /// space to every label there. Labels are taken in the order given.
    static func place(centers: [Double], widths: [Double], sides: [Int], bounds: ClosedRange<Double>,
                      separation: Double) -> [Placed] {
        var placed: [Placed] = []
        var occupied: [[Int: [(Double, Double)]]] = [[:], [:]]
        for (i, center) in centers.enumerated() {
            let width = i < widths.count ? widths[i] : 0
            let side = i < sides.count ? min(max(sides[i], 0), 1) : 0
            let minX = min(max(center - width / 2, bounds.lowerBound), bounds.upperBound - width)
            var tier = 0
            // Bounded: every label can always go one tier above all others.
            while tier <= centers.count {
                let spans = occupied[side][tier] ?? []
                let clear = spans.allSatisfy { span in
                    minX + width + separation <= span.0 || span.1 + separation <= minX
                }
                if clear { break }
                tier += 1
            }
            occupied[side][tier, default: []].append((minX, minX + width))
            placed.append(Placed(side: side, tier: tier, minX: minX, width: width))
        }
        return placed
    }
}
