// The one rolling-origin loop: every place that judges a forecast on data it did not see
// (the catalog's one-step backtest in ModelSelection, the interval calibration's errors,
// `marketcast-bench members` that chose `auto`'s pool) walks the same windows. A window is
// a forecast origin: the history before it (in full, or cut to its last few values), and
// the values after it the forecast is scored on. Callers bring the forecast and the score;
// this file only decides which windows exist, so the three agree on what "out of sample"
// means and a change to it is made once.
public enum RollingOrigin {
    public struct Window: Sendable, Equatable {
        /// The history is `values[start..<origin]`.
        public var start: Int
        public var origin: Int
        /// How many values after the origin are scored (1…maximumHorizon, as far as the data reach).
        public var reach: Int

        public var history: Range<Int> { start..<origin }
        public var actuals: Range<Int> { origin..<(origin + reach) }
    }

    /// The windows of a series of `count` values: origins `origins` (clamped to those that
    /// leave at least one value to score), each with the full history and, when longer, the
    /// history cut to each of `cutLengths`; each scores up to `maximumHorizon` values.
    /// Ordered by origin, then full before cut, cut lengths ascending.
    public static func windows(count: Int, origins: ClosedRange<Int>, maximumHorizon: Int,
                               cutLengths: [Int] = []) -> [Window] {
        guard count > 1, maximumHorizon >= 1 else { return [] }
        let first = max(origins.lowerBound, 1), last = min(origins.upperBound, count - 1)
        guard first <= last else { return [] }
        var windows: [Window] = []
        for origin in first...last {
            let reach = min(maximumHorizon, count - origin)
            windows.append(Window(start: 0, origin: origin, reach: reach))
            for length in cutLengths where length >= 1 && origin > length {
                windows.append(Window(start: origin - length, origin: origin, reach: reach))
            }
        }
        return windows
    }

    /// Each window's forecasts of its `reach` values from its history; nil where the
    /// forecast failed or gave the wrong number of values.
    public static func forecasts(_ values: [Double], windows: [Window],
                                 forecast: ([Double], Int) -> [Double]?) -> [(window: Window, forecast: [Double]?)] {
        windows.map { window in
            let result = forecast(Array(values[window.history]), window.reach)
            return (window, result?.count == window.reach ? result : nil)
        }
    }
}
