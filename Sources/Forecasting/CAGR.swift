import Foundation

/// Compound annual growth rate, the number every consulting chart puts on its arrows.
public enum CAGR {
    /// `(end / start)^(1 / years) − 1`, or nil when it is undefined: a non-positive start
    /// or end value (a rate through zero has no meaning) or a span of no years.
    public static func rate(from start: Double, to end: Double, years: Int) -> Double? {
        guard years > 0, start > 0, end > 0, start.isFinite, end.isFinite else { return nil }
        return pow(end / start, 1 / Double(years)) - 1
    }
}
