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
        var size = font.size
        let floor = min(minimumSize, font.size)
        while size - 0.5 >= floor - 1e-9 {
            size -= 0.5
            let measured = sizes(at: size)
            if fitsRow(measured, separation: minimum, stride: 1) {
                result.size = size
                return RowLabelFit(font: result, sizes: measured, staggered: false, fits: true)
            }
        }
        result.size = floor
        let smallest = sizes(at: floor)
        let staggeredFits = fitsRow(smallest, separation: minimum, stride: 2)
        return RowLabelFit(font: result, sizes: smallest, staggered: true, fits: staggeredFits)
    }
}
