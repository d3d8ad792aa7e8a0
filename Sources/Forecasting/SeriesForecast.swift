/// One year of a forecast series: a published actual, or this tool's estimate with its
/// interval. Actuals and estimates are never mixed silently: `isEstimate` travels with
/// every value into tables and charts.
public struct ForecastPoint: Sendable, Equatable {
    public var year: Int
    public var value: Double
    public var lower: Double?
    public var upper: Double?
    public var isEstimate: Bool

    public init(year: Int, value: Double, lower: Double? = nil, upper: Double? = nil, isEstimate: Bool) {
        self.year = year; self.value = value; self.lower = lower; self.upper = upper; self.isEstimate = isEstimate
    }
}

/// A series' actuals followed by its forecast to the horizon, with the model that made it.
public struct SeriesForecast: Sendable {
    public var seriesID: String
    public var unit: String
    public var points: [ForecastPoint]
    /// Catalog name of the fitted model, e.g. "exponential".
    public var modelName: String
    /// The fitted curve as a reader would write it, for chart notes and the methodology page.
    public var modelDescription: String
    /// Confidence level of the intervals, e.g. 0.95.
    public var level: Double
    public var warnings: [String]

    public var actuals: [ForecastPoint] { points.filter { !$0.isEstimate } }
    public var estimates: [ForecastPoint] { points.filter { $0.isEstimate } }

    /// CAGR between two years of the series, nil when either is missing.
    public func cagr(from startYear: Int, to endYear: Int) -> Double? {
        guard let start = points.first(where: { $0.year == startYear }),
              let end = points.first(where: { $0.year == endYear }) else { return nil }
        return CAGR.rate(from: start.value, to: end.value, years: endYear - startYear)
    }
}
