// Charts print numbers but do not own number formatting: MarketData's NumberFormat does
// (locale-free, half away from zero, 亿元-aware). A chart takes a formatter so the caller
// decides decimals and units; the defaults below are MarketData's grouped numbers.
import MarketData

/// Turns a value into the text drawn on the chart.
public typealias ValueFormatter = @Sendable (Double) -> String

public enum ValueFormat {
    /// "12,345" / "1,234.5": thousands grouped, `decimals` fixed.
    public static func groupedDecimal(decimals: Int = 0) -> ValueFormatter {
        { NumberFormat.grouped($0, decimals: decimals) }
    }
}
