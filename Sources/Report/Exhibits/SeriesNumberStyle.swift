import Forecasting
import MarketData

/// How a market-size series prints its numbers: in its display unit (亿元 in Chinese, CNY bn
/// in English) with the decimals its chart's bars carry (NumberFormat.chartDecimals). The
/// chart, the executive summary and the key findings take their numbers from here, so a
/// sentence and the bar it cites read alike (141.3, not 141.34 beside 141.3).
struct SeriesNumberStyle {
    let unit: String
    let display: DisplayUnit
    let decimals: Int
    let language: DisplayLanguage

    init(_ forecast: SeriesForecast, strings: Strings, points: [ForecastPoint]? = nil) {
        unit = forecast.unit
        language = strings.language
        display = strings.displayUnit(forecast.unit)
        decimals = NumberFormat.chartDecimals(actuals: forecast.actuals.map(\.value),
                                              largest: (points ?? forecast.points).map(\.value).max() ?? 0,
                                              powerOfTen: display.powerOfTen)
    }

    /// The number alone, as on a bar: "13,260", "141.3".
    func number(_ value: Double) -> String { NumberFormat.grouped(display.convert(value), decimals: decimals) }

    /// The number with its unit, for a sentence: "13,260亿元", "CNY 1,326.0 bn".
    func amount(_ value: Double) -> String {
        NumberFormat.amount(value, unit: unit, language: language, decimals: decimals)
    }

    /// A range with its unit once, for a sentence: "9,999–27,314亿元", "CNY 999.9–2,731.4 bn".
    func amountRange(_ lower: Double, _ upper: Double) -> String {
        NumberFormat.amountRange(lower, upper, unit: unit, language: language, decimals: decimals)
    }
}
