import Charts
import Forecasting
import MarketData

/// The 中国AI市场规模 exhibit: each series whose chart is `market-size`, its actuals and
/// forecast as consulting-style bars with CAGR arrows over the actual and the forecast
/// years, and the numbers behind it.
struct MarketSizeExhibit: Exhibit {
    func pages(in context: RunContext) throws -> [ReportPage] {
        context.series.filter { $0.entry.chart == .marketSize }.map { result in
            let publisherForecasts = context.publisherForecasts[result.entry.id] ?? []
            var page = MarketSizePage(entry: result.entry, series: result.series, forecast: result.forecast,
                                      strings: context.strings, publisherForecasts: publisherForecasts)
            page.scenarioRange = ScenarioRangeNote.text(for: result.entry.id, in: context)
            return ReportPage(title: page.title, chartID: result.entry.chartID, laying: page.chart, in: context,
                              csv: page.csv())
        }
    }
}

struct MarketSizePage {
    let entry: ReportConfig.SeriesEntry
    let series: MarketSeries
    let forecast: SeriesForecast
    let strings: Strings
    var publisherForecasts: [PublisherForecast] = []
    /// When scenarios cover the series: which one the bars show and the range at the horizon.
    var scenarioRange: String? = nil

    var title: String {
        let first = shownPoints.first?.year ?? 0
        let last = shownPoints.last
        return strings.rangeTitle(entry.title(for: strings.language), firstYear: first, lastYear: last?.year ?? first,
                                  lastIsEstimate: last?.isEstimate ?? false)
    }

    /// Whether the series carries enough actuals for its forecast to be read as one
    /// (ForecastSupport); when not, the page warns and draws no forecast CAGR.
    var support: ForecastSupport { ForecastSupport(forecast) }

    /// The points the chart draws: a series too short to forecast responsibly keeps its
    /// estimates only when every one has its interval, so no bare point estimate is shown.
    var shownPoints: [ForecastPoint] {
        let points = forecast.points
        guard !support.isSupported else { return points }
        let everyEstimateBounded = points.allSatisfy { !$0.isEstimate || ($0.lower != nil && $0.upper != nil) }
        return everyEstimateBounded ? points : points.filter { !$0.isEstimate }
    }

    var chart: MarketSizeChart {
        let points = shownPoints
        // Values are drawn in the display unit (亿元 in Chinese, CNY bn in English), with the
        // same decimals on every bar (NumberFormat.chartDecimals says how many).
        let style = SeriesNumberStyle(forecast, strings: strings, points: points)
        let display = style.display, decimals = style.decimals
        // One slot per year from the first to the last: a year the publisher never
        // published keeps its place on the axis as an empty, marked slot.
        let disclosures = SeriesDisclosures(series: series, strings: strings)
        var bars: [MarketSizeChart.Bar] = []
        var slotOfPoint: [Int] = []
        for point in points {
            if let previous = bars.isEmpty ? nil : points[slotOfPoint.count - 1].year, point.year > previous + 1 {
                for year in (previous + 1)..<point.year {
                    bars.append(.missing(label: "\(year)", mark: strings.notPublishedMark))
                }
            }
            slotOfPoint.append(bars.count)
            bars.append(MarketSizeChart.Bar(label: disclosures.yearLabel(point),
                                            value: display.convert(point.value), isEstimate: point.isEstimate,
                                            interval: point.lower.flatMap { lower in
                                                point.upper.map { (display.convert(lower), display.convert($0)) }
                                            },
                                            bound: disclosures.bound(point)))
        }
        var spans: [MarketSizeChart.CAGRSpan?] = []
        let lastActual = points.lastIndex { !$0.isEstimate }
        if let lastActual, lastActual > 0 {
            spans.append(span(from: 0, to: lastActual, points: points, slots: slotOfPoint))
        }
        // A forecast CAGR is a headline number: drawn only for a supported forecast.
        if let lastActual, lastActual < points.count - 1, support.isSupported {
            spans.append(span(from: lastActual, to: points.count - 1, points: points, slots: slotOfPoint))
        }
        let note = [strings.sourceNote(sources: series.sources(in: strings.language), modelName: forecast.modelName,
                                       members: forecast.combination.map(\.method),
                                       fitYears: forecast.fitYears, level: forecast.level,
                                       fromBacktestErrors: forecast.intervalMethod != nil)
                        + (scenarioRange.map { strings.sentenceSeparator + $0 } ?? ""),
                    extraNote].filter { !$0.isEmpty }.joined(separator: strings.sentenceSeparator)
        let warning = support.isSupported || !points.contains(where: \.isEstimate) ? nil
            : strings.shortSeriesWarning(actuals: support.actuals, degreesOfFreedom: support.degreesOfFreedom)
        var chart = MarketSizeChart(title: title, subtitle: warning, unitLabel: strings.unitCaption(forecast.unit), bars: bars,
                               cagrSpans: spans.compactMap { $0 },
                               legend: .init(actual: strings.actual, estimate: strings.estimate,
                                             interval: strings.interval(level: forecast.level)),
                               sourceNote: note,
                               formatValue: { NumberFormat.grouped($0, decimals: decimals) })
        chart.numberFormatCode = NumberFormat.spreadsheetCode(decimals: decimals)
        chart.boundPrefixes = strings.boundPrefixes
        chart.boundLegend = strings.boundLegend
        // The publisher's own forecasts, beside the bars of the years they forecast.
        chart.markers = publisherForecasts.compactMap { published in
            points.firstIndex { $0.year == published.year }
                .map { MarketSizeChart.Marker(bar: slotOfPoint[$0], value: display.convert(published.value)) }
        }
        chart.markerLegend = strings.publisherForecastLegend
        // A whisker up to 1.6 × the tallest bar leaves the bars readable; a longer one (a short
        // series' interval) is cut there and labelled with its true end, never squashing the bars.
        chart.whiskerCeiling = 1.6
        chart.clippedUpperPrefix = strings.clippedUpperPrefix
        return chart
    }

    /// The series' own note (e.g. why its definition differs), the years it has no value
    /// for, and the publisher's forecasts at the time, which are never part of ours.
    var extraNote: String {
        var parts: [String] = []
        if let note = entry.note(for: strings.language) { parts.append(note) }

        let years = forecast.actuals.map(\.year)
        if let first = years.first, let last = years.last {
            let gaps = (first...last).filter { !years.contains($0) }
            if !gaps.isEmpty { parts.append(strings.gapYearsNote(gaps)) }
        }
        if !publisherForecasts.isEmpty {
            parts.append(strings.publisherForecastNote(publisherForecasts.map {
                ($0.year, NumberFormat.amount($0.value, unit: $0.unit, language: strings.language), $0.vintage)
            }))
        }
        parts += SeriesDisclosures(series: series, strings: strings).notes(shownActuals: forecast.actuals)
        return parts.joined(separator: strings.sentenceSeparator)
    }

    /// The CAGR from point `start` to point `end`, as an arrow between their slots.
    private func span(from start: Int, to end: Int, points: [ForecastPoint], slots: [Int]) -> MarketSizeChart.CAGRSpan? {
        guard let rate = CAGR.rate(from: points[start].value, to: points[end].value,
                                   years: points[end].year - points[start].year) else { return nil }
        return MarketSizeChart.CAGRSpan(from: slots[start], to: slots[end], rate: rate, label: strings.cagrLabel(rate))
    }

    /// The numbers on the chart, so every bar is traceable.
    func csv() -> String {
        var lines = ["year,label,value,lower,upper,status,unit,bound"]
        let disclosures = SeriesDisclosures(series: series, strings: strings)
        for point in shownPoints {
            let bound = disclosures.bound(point)
            let cells = [
                "\(point.year)",
                // The label as the chart prints it (a derived year carries its mark).
                disclosures.yearLabel(point),
                CSVWriter.number(point.value),
                point.lower.map(CSVWriter.number) ?? "",
                point.upper.map(CSVWriter.number) ?? "",
                point.isEstimate ? "estimate" : "actual",
                forecast.unit,
                bound?.rawValue ?? "",
            ]
            lines.append(CSVWriter.line(cells))
        }
        for published in publisherForecasts {
            lines.append(CSVWriter.line(["\(published.year)", "\(published.year)E", CSVWriter.number(published.value), "", "",
                                         "publisher forecast \(published.vintage)", published.unit, ""]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
