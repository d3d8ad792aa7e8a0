// Labels for points on a line (dates on a timeline, years on a stage axis) sit in tiers
// beside the line: a label goes into the nearest tier where it touches no label already
// placed there and where no leader line crosses it, its own or another's: a leader runs
// from the point on the line straight out to its label, through every tier nearer the
// line. Shared by Timeline and StageDiagram so both follow one rule: labels move away from
// the line (or to the line's other side), never sideways off their point and never on top
// of each other or of a leader.

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
    /// (0 or 1 per label, the preferred side), each in the lowest tier with `separation`
    /// clear space to every label there and no leader through it or from it through
    /// another label; on the other side when its own has no such tier, and in the lowest
    /// tier clear of labels (a leader may then cross) when neither has. Labels are taken in
    /// the order given.
    static func place(centers: [Double], widths: [Double], sides: [Int], bounds: ClosedRange<Double>,
                      separation: Double) -> [Placed] {
        var placed: [Placed] = []
        var anchors: [Double] = []
        for (i, center) in centers.enumerated() {
            let width = i < widths.count ? widths[i] : 0
            let preferred = i < sides.count ? min(max(sides[i], 0), 1) : 0
            let centred = min(max(center - width / 2, bounds.lowerBound), bounds.upperBound - width)
            // Where the label may stand: centred on its point, or moved just clear of another
            // point's leader while still over its own point (a few points in from an edge).
            // Every other point counts, placed or not: a later label's leader may have to
            // run past this one.
            let margin = min(4, width / 4)
            let others = centers.enumerated().filter { $0.offset != i }.map(\.element)
            var shifted: [Double] = []
            for a in others {
                for minX in [a + separation / 2, a - separation / 2 - width] {
                    let inBounds = minX >= bounds.lowerBound && minX + width <= bounds.upperBound
                    let overOwnPoint = center >= minX + margin && center <= minX + width - margin
                    if inBounds && overOwnPoint { shifted.append(minX) }
                }
            }
            func inside(_ x: Double, _ left: Double, _ right: Double) -> Bool {
                x > left - separation / 2 && x < right + separation / 2
            }
            // Fewest points of the same side under the label first (their leaders would cross
            // it), then of the other side, then the smallest move.
            let sameSide = centers.indices.filter { $0 != i && (($0 < sides.count ? sides[$0] : 0) == preferred) }
                .map { centers[$0] }
            func covered(_ points: [Double], _ minX: Double) -> Int { points.filter { inside($0, minX, minX + width) }.count }
            let positions = ([centred] + shifted).enumerated().sorted { a, b in
                (covered(sameSide, a.element), covered(others, a.element), abs(a.element - centred), a.offset)
                    < (covered(sameSide, b.element), covered(others, b.element), abs(b.element - centred), b.offset)
            }.map(\.element)
            func labelClear(side: Int, tier: Int, minX: Double) -> Bool {
                !placed.contains { other in
                    other.side == side && other.tier == tier
                        && !(minX + width + separation <= other.minX || other.minX + other.width + separation <= minX)
                }
            }
            func leadersClear(side: Int, tier: Int, minX: Double) -> Bool {
                for (k, other) in placed.enumerated() where other.side == side {
                    // Our leader runs through the nearer tiers; theirs through ours.
                    if other.tier < tier && inside(center, other.minX, other.minX + other.width) { return false }
                    if other.tier > tier && inside(anchors[k], minX, minX + width) { return false }
                }
                return true
            }
            // Bounded: every label can always go one tier beyond all others.
            let tiers = 0...centers.count
            // First only positions that leave every same-side point uncovered (a later label
            // there can then always run its leader past this one), then any position.
            let uncovering = positions.filter { covered(sameSide, $0) == 0 }
            var choice: Placed?
            search: for candidates in [uncovering, positions] {
                for side in [preferred, 1 - preferred] {
                    for tier in tiers {
                        if let minX = candidates.first(where: {
                            labelClear(side: side, tier: tier, minX: $0) && leadersClear(side: side, tier: tier, minX: $0)
                        }) {
                            choice = Placed(side: side, tier: tier, minX: minX, width: width)
                            break search
                        }
                    }
                }
            }
            let fallback = Placed(side: preferred, tier: tiers.first { labelClear(side: preferred, tier: $0, minX: centred) }
                                  ?? centers.count, minX: centred, width: width)
            placed.append(choice ?? fallback)
            anchors.append(center)
        }
        return placed
    }
}

extension LabelTierPlacement {
    /// Labels measured at one font size and placed in tiers.
    struct Sized {
        var size: Double
        /// Measured, in the order of the points.
        var sizes: [Size]
        var placed: [Placed]
    }

    /// Labels alternating sides of the line (the first on side 0), placed in tiers at the
    /// largest size from `start` down to `floor` (LargestFittingSize) at which `needed`,
    /// the height the tiers take with everything else beside the line, is at most
    /// `available`. When even the smallest does not fit, a problem naming `what` says by
    /// how much.
    static func largestFitting(_ what: String, centers: [Double], bounds: ClosedRange<Double>, separation: Double,
                               from start: Double, floor: Double, available: Double, measure: (Double) -> [Size],
                               needed: (Sized) -> Double, problems: inout [String]) -> Sized {
        let fitted = LargestFittingSize(from: start, floor: floor, measure: { size -> Sized in
            let sizes = measure(size)
            // One point of slack, so the renderer breaks lines where the measurer did.
            let placed = place(centers: centers, widths: sizes.map { $0.width + 1 }, sides: centers.indices.map { $0 % 2 },
                               bounds: bounds, separation: separation)
            return Sized(size: size, sizes: sizes, placed: placed)
        }, fits: { needed($0) <= available })
        if !fitted.fits {
            problems.append("\(what) labels need \(PointsText.whole(needed(fitted.measured), .towardZero)) pt but the page has \(PointsText.whole(available, .towardZero)) pt")
        }
        return fitted.measured
    }

    /// How a placed label's text reads towards its point: centred over it, else aligned to
    /// the side nearer the point, so that the text starts where the leader arrives.
    static func alignment(of frame: Rect, pointX: Double) -> TextAlignment {
        abs(frame.midX - pointX) < 1 ? .center : (frame.midX < pointX ? .right : .left)
    }
}
