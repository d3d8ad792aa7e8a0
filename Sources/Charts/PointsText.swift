// Lengths and years in layout messages ("the plot is only 80×40 pt"). They are computed
// from the theme and the data, so an extreme theme (a gap of 1e308 pt) can make them
// enormous or infinite: they are printed, never converted to Int, which would trap.
import MarketData

enum PointsText {
    /// `value` rounded by `rule` and printed without decimals; "n/a" when not finite.
    static func whole(_ value: Double, _ rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> String {
        NumberFormat.fixed(value.rounded(rule), decimals: 0)
    }
}
