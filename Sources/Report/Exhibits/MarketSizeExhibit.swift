import Charts
import Forecasting
import MarketData

/// The 中国AI市场规模 exhibit: each series whose chart is `market-size`, its actuals and
/// forecast as consulting-style bars with CAGR arrows over the actual and the forecast
/// years, and the numbers behind it.
struct MarketSizeExhibit: Exhibit {
    func pages(in context: RunContext) throws -> [ReportPage] {
        context.series.filter { $0.entry.chart == "market-size" }.map { result in
            var page = MarketSizePage(entry: result.entry, series: result.series, forecast: result.forecast,
                                      strings: context.strings)
            page.scenarioRange = ScenarioRangeNote.text(for: result.entry.id, in: context)
            let layout = page.chart.layout(theme: context.theme, measurer: context.measurer)
            return ReportPage(title: page.title, chartID: result.entry.chartID,
                              scene: layout.scene, csv: page.csv())
        }
    }
}

struct MarketSizePage {
    let entry: ReportConfig.SeriesEntry
    let series: MarketSeries
    let forecast: SeriesForecast
    let strings: Strings
    /// When scenarios cover the series: which one the bars show and the range at the horizon.
    var scenarioRange: String? = nil

    var title: String {
        let first = forecast.points.first?.year ?? 0
        let last = forecast.points.last
        return strings.rangeTitle(entry.title, firstYear: first, lastYear: last?.year ?? first,
                                  lastIsEstimate: last?.isEstimate ?? false)
    }

    var chart: MarketSizeChart {
        let points = forecast.points
        // Values are drawn in the display unit (亿元 in Chinese, CNY bn in English), with as
        // many decimals as the published actuals carry, the same on every bar.
        let display = strings.displayUnit(forecast.unit)
        let decimals = NumberFormat.commonDecimals(for: forecast.actuals.map(\.value),
                                                   powerOfTen: display.powerOfTen, maximum: 2)
        let bars = points.map { point in
            MarketSizeChart.Bar(label: strings.yearLabel(point.year, isEstimate: point.isEstimate),
                                value: display.convert(point.value), isEstimate: point.isEstimate,
                                interval: point.lower.flatMap { lower in
                                    point.upper.map { (display.convert(lower), display.convert($0)) }
                                })
        }
        var spans: [MarketSizeChart.CAGRSpan?] = []
        let lastActual = points.lastIndex { !$0.isEstimate }
        if let lastActual, lastActual > 0 {
            spans.append(span(from: 0, to: lastActual, points: points))
        }
        if let lastActual, lastActual < points.count - 1 {
            spans.append(span(from: lastActual, to: points.count - 1, points: points))
        }
        let note = strings.sourceNote(sources: series.sources, modelName: forecast.modelName,
                                      fitYears: forecast.fit?.fitYears, level: forecast.level)
            + (scenarioRange.map { (strings.language == .zh ? "" : " ") + $0 } ?? "")
        return MarketSizeChart(title: title, unitLabel: strings.unitCaption(forecast.unit), bars: bars,
                               cagrSpans: spans.compactMap { $0 },
                               legend: .init(actual: strings.actual, estimate: strings.estimate,
                                             interval: strings.interval(level: forecast.level)),
                               sourceNote: note,
                               formatValue: { NumberFormat.grouped($0, decimals: decimals) })
    }

    private func span(from start: Int, to end: Int, points: [ForecastPoint]) -> MarketSizeChart.CAGRSpan? {
        guard let rate = CAGR.rate(from: points[start].value, to: points[end].value,
                                   years: points[end].year - points[start].year) else { return nil }
        return MarketSizeChart.CAGRSpan(from: start, to: end, rate: rate, label: strings.cagrLabel(rate))
    }

    /// The numbers on the chart, so every bar is traceable.
    func csv() -> String {
        var lines = ["year,label,value,lower,upper,status,unit"]
        for point in forecast.points {
            let cells = [
                "\(point.year)",
                strings.yearLabel(point.year, isEstimate: point.isEstimate),
                CSVWriter.number(point.value),
                point.lower.map(CSVWriter.number) ?? "",
                point.upper.map(CSVWriter.number) ?? "",
                point.isEstimate ? "estimate" : "actual",
                forecast.unit,
            ]
            lines.append(CSVWriter.line(cells))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
