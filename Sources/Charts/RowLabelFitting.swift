// Labels in a row (values above bars, years under them) must not touch each other or
// leave the chart. The house rule, in order: narrow the gaps between labels, then shrink
// the font toward the theme's minimum, then stagger every other label onto a second
// line. Labels are never rotated.

struct RowLabelFit: Equatable {
    var font: FontSpec
    /// Measured sizes at `font`, in input order.
    var sizes: [Size]
    /// Odd-indexed labels go on a second line.
    var staggered: Bool
    /// False when even the staggered minimum size collides; the caller reports it.
    var fits: Bool
}

enum RowLabelFitting {
    static func fit(_ texts: [String], centers: [Double], bounds: ClosedRange<Double>, font: FontSpec,
                    minimumSize: Double, theme: Theme, measurer: TextMeasuring) -> RowLabelFit {
        let preferred = theme.spacing.labelSeparation
        let minimum = min(theme.spacing.minimumLabelSeparation, preferred)
        func sizes(at size: Double) -> [Size] {
            var f = font; f.size = size
            return texts.map { measurer.measure($0, font: f, maxWidth: nil) }
        }
        func fitsRow(_ sizes: [Size], separation: Double, stride: Int) -> Bool {
            for (i, center) in centers.enumerated() {
                guard i < sizes.count else { break }
                let half = sizes[i].width / 2
                if center - half < bounds.lowerBound - 1e-9 || center + half > bounds.upperBound + 1e-9 { return false }
                let j = i + stride
                if j < centers.count, j < sizes.count,
                   centers[j] - center < (sizes[i].width + sizes[j].width) / 2 + separation - 1e-9 { return false }
            }
            return true
        }
        var result = font
        let base = sizes(at: font.size)
        if fitsRow(base, separation: preferred, stride: 1) || fitsRow(base, separation: minimum, stride: 1) {
            return RowLabelFit(font: font, sizes: base, staggered: false, fits: true)
        }
        let floor = min(minimumSize, font.size)
        let steps = Int(((font.size - floor + 1e-9) / 0.5).rounded(.down))
        if steps > ShrinkSearch.linearSteps {
            // A huge theme font: bisect the half-point steps instead of measuring each.
            if let step = ShrinkSearch.firstFitting(steps: steps, { fitsRow(sizes(at: font.size - 0.5 * Double($0)), separation: minimum, stride: 1) }) {
                result.size = font.size - 0.5 * Double(step)
                return RowLabelFit(font: result, sizes: sizes(at: result.size), staggered: false, fits: true)
            }
        } else {
            // The full size failed above; its smaller steps may close up at the minimum gap.
            let stepped = LargestFittingSize(from: font.size, floor: floor - 1e-9, measuredAtStart: base,
                                             measure: sizes(at:), fits: { fitsRow($0, separation: minimum, stride: 1) })
            if stepped.fits {
                result.size = stepped.size
                return RowLabelFit(font: result, sizes: stepped.measured, staggered: false, fits: true)
            }
        }
        result.size = floor
        let smallest = sizes(at: floor)
        let staggeredFits = fitsRow(smallest, separation: minimum, stride: 2)
        return RowLabelFit(font: result, sizes: smallest, staggered: true, fits: staggeredFits)
    }
}

/// Shrinking text half a point at a time measures it once per step: fine from 13 pt to
/// 8 pt, but a theme's 72 pt font shrinking toward 8 pt would measure it 128 times.
/// Beyond `linearSteps` steps, layouts bisect instead (text only fits better as it gets
/// smaller), so the cost grows with the logarithm of the font size, not the size.
enum ShrinkSearch {
    /// Up to this many steps, layouts try each in turn, as they always have.
    static let linearSteps = 16

    /// The smallest step in 1...steps at which `fits` holds, or nil when even the last
    /// does not; `fits` must not turn false again once true.
    static func firstFitting(steps: Int, _ fits: (Int) -> Bool) -> Int? {
        guard steps >= 1, fits(steps) else { return nil }
        var low = 1, high = steps
        while low < high {
            let middle = (low + high) / 2
            if fits(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension RowLabelFit {
    /// How tall the fitted row stands: one line, or two half a gap apart when staggered.
    func rowHeight(lineHeight: Double, gap: Double) -> Double {
        staggered ? 2 * lineHeight + gap / 2 : lineHeight
    }

    /// Each label's frame, centred on its centre a gap below `edge`; when staggered the
    /// odd-indexed labels go on the second line.
    func frames(centers: [Double], below edge: Double, lineHeight: Double, gap: Double) -> [Rect] {
        centers.enumerated().map { i, center in
            let size = sizes[i]
            let top = edge + gap + (staggered && i % 2 == 1 ? lineHeight + gap / 2 : 0)
            return Rect(x: center - size.width / 2, y: top, width: size.width, height: size.height)
        }
    }
}
