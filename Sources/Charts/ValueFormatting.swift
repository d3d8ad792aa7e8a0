// Charts print numbers but do not own number formatting: callers inject a formatter
// (Report passes MarketData's, which knows 亿元 and languages). `groupedDecimal` is the
// neutral fallback: thousands separators, fixed decimals, no locale lookup, so the same
// value always prints the same bytes.
import Foundation

/// Turns a value into the text drawn on the chart.
public typealias ValueFormatter = @Sendable (Double) -> String

public enum ValueFormat {
    /// "12,345" / "1,234.5": comma-grouped, `decimals` fixed, "−" never "-0".
    public static func groupedDecimal(decimals: Int = 0, separator: String = ",") -> ValueFormatter {
        let places = min(max(decimals, 0), 10)
        return { value in
            guard value.isFinite else { return "–" }
            var text = String(format: "%.\(places)f", abs(value))
            let isZero = Double(text) == 0
            let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
            var integer = parts.first ?? "0"
            var grouped = ""
            while integer.count > 3 {
                grouped = separator + String(integer.suffix(3)) + grouped
                integer = String(integer.dropLast(3))
            }
            text = integer + grouped + (parts.count > 1 ? "." + parts[1] : "")
            return (value < 0 && !isZero) ? "−" + text : text
        }
    }

    /// "18.0%" for 0.18.
    public static func percent(_ rate: Double, decimals: Int = 1) -> String {
        guard rate.isFinite else { return "–" }
        let places = min(max(decimals, 0), 10)
        let text = String(format: "%.\(places)f%%", rate * 100)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }
}
