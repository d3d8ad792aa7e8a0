// The largest font size at which some text fits its box, found the way the house shrinks
// type: start at the preferred size and step down half a point at a time, never below the
// theme's floor. One search for every layout, so a stage name, a timeline's tiers and a
// row of category labels all give up at the same floor in the same steps.

struct LargestFittingSize<Measured> {
    /// The size chosen: the first that fits, else the smallest one tried.
    var size: Double
    /// What the measurement gave at `size`.
    var measured: Measured
    /// False when even `size` does not fit; the caller reports it.
    var fits: Bool

    /// Bounded, so a theme built in code with a non-finite size cannot loop forever.
    static var maximumSteps: Int { 200 }

    /// Measures at `start`, then half a point smaller while the smaller size stays at or
    /// above `floor` (a NaN floor: no shrinking), and stops at the first measurement that
    /// `fits`. `measure` is called once per size tried, largest first; `measuredAtStart`
    /// is what the caller already measured at `start`, so it is not measured again.
    init(from start: Double, floor: Double, measuredAtStart: Measured? = nil, measure: (Double) -> Measured,
         fits: (Measured) -> Bool) {
        var size = start
        var measured = measuredAtStart ?? measure(size)
        var fitting = fits(measured)
        var steps = 0
        while !fitting, size - 0.5 >= floor, steps < Self.maximumSteps {
            size -= 0.5
            measured = measure(size)
            fitting = fits(measured)
            steps += 1
        }
        self.size = size
        self.measured = measured
        self.fits = fitting
    }
}

extension LargestFittingSize where Measured == Size {
    /// The largest size of `font` at which `text` (wrapped at `maxWidth`, nil: one line
    /// per paragraph) passes `fits`.
    init(_ text: String, font: FontSpec, floor: Double, maxWidth: Double?, measurer: TextMeasuring,
         fits: (Size) -> Bool) {
        self.init(from: font.size, floor: floor, measure: { size in
            var sized = font
            sized.size = size
            return measurer.measure(text, font: sized, maxWidth: maxWidth)
        }, fits: fits)
    }
}
