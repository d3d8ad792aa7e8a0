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
            page.editionYear = context.config.editionYear
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
    /// The edition's year: estimates of earlier years are labelled as estimates of the past.
    var editionYear: Int? = nil
    var disclosures: SeriesDisclosures { SeriesDisclosures(series: series, strings: strings, editionYear: editionYear) }

    var title: String {
        let first = shownPoints.first?.year ?? 0
        let last = shownPoints.last
        return strings.rangeTitle(entry.title(for: strings.language), firstYear: first, lastYear: last?.year ?? first,
                                  lastIsEstimate: last?.isEstimate ?? false)
    }

    /// Whether the series carries enough actuals for its forecast to be read as one
    /// (ForecastSupport); when not, the page warns and draws no forecast CAGR.
    var support: ForecastSupport { ForecastSupport(forecast) }

    /// The points the chart draws: a series too short to forecast responsibly shows its
    /// actuals only (and the publishers' own forecasts beside them): a fitted path, even with
    /// its interval, reads as a forecast, and its page says there is none.
    var shownPoints: [ForecastPoint] {
        support.isSupported ? forecast.points : forecast.points.filter { !$0.isEstimate }
    }

    /// The arrows the chart draws: actual growth within one vintage (SeriesVintages) and the
    /// forecast's from the last actual to the horizon, each as the figures' bounds allow
    /// (BoundedGrowth): "≤" from a lower-bounded start, none between two lower bounds.
    func growthSpans(points: [ForecastPoint]) -> [(from: Int, to: Int, growth: BoundedGrowth)] {
        var spans: [(Int, Int, BoundedGrowth)] = []
        let vintages = SeriesVintages(series: series, actualYears: points.filter { !$0.isEstimate }.map(\.year))
        func index(_ year: Int) -> Int? { points.firstIndex { $0.year == year } }
        if let span = vintages.quotableSpan, let start = index(span.from), let end = index(span.to),
           let growth = forecast.boundedGrowth(from: span.from, to: span.to, series: series) {
            spans.append((start, end, growth))
        }
        // A forecast CAGR is a headline number: drawn only for a supported forecast.
        if support.isSupported, let lastActual = points.lastIndex(where: { !$0.isEstimate }), lastActual < points.count - 1,
           let growth = forecast.boundedGrowth(from: points[lastActual].year, to: points[points.count - 1].year, series: series) {
            spans.append((lastActual, points.count - 1, growth))
        }
        return spans
    }

    var chart: MarketSizeChart {
        let points = shownPoints
        // Values are drawn in the display unit (亿元 in Chinese, CNY bn in English), with the
        // same decimals on every bar (NumberFormat.chartDecimals says how many).
        let style = SeriesNumberStyle(forecast, strings: strings, points: points)
        let display = style.display, decimals = style.decimals
        // One slot per year from the first to the last: a year the publisher never
        // published keeps its place on the axis as an empty, marked slot.
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
            bars[bars.count - 1].isLinked = disclosures.isLinked(point)
        }
        let growthSpans = growthSpans(points: points)
        let spans: [MarketSizeChart.CAGRSpan] = growthSpans.compactMap { span in
            guard let prefix = strings.cagrPrefix(span.growth), let rate = span.growth.quotedRate else { return nil }
            return MarketSizeChart.CAGRSpan(from: slotOfPoint[span.from], to: slotOfPoint[span.to], rate: rate, prefix: prefix)
        }
        // The model sentence only where the page shows a forecast.
        let sourceNote = points.contains(where: \.isEstimate)
            ? strings.sourceNote(sources: series.sources(in: strings.language), model: forecast.model, members: forecast.combination.map(\.method),
                                 fitYears: forecast.fitYears, level: forecast.level,
                                 fromBacktestErrors: forecast.intervalMethod != nil, blend: forecast.blend)
            : strings.sourceLine(series.sources(in: strings.language)) + strings.localized("。", ".")
        let note = [sourceNote + (scenarioRange.map { strings.sentenceSeparator + $0 } ?? ""),
                    extraNote, growthNote(growthSpans), forecast.bounds.map(strings.boundsNote) ?? ""]
            .filter { !$0.isEmpty }.joined(separator: strings.sentenceSeparator)
        let warning = support.isSupported || forecast.estimates.isEmpty ? nil
            : strings.shortSeriesWarning(actuals: support.actuals, degreesOfFreedom: support.degreesOfFreedom)
        var chart = MarketSizeChart(title: title, subtitle: warning, unitLabel: strings.unitCaption(forecast.unit), bars: bars,
                               cagrSpans: spans,
                               legend: .init(actual: strings.actual, estimate: strings.estimate,
                                             interval: strings.interval(level: forecast.level)),
                               sourceNote: note,
                               formatValue: { NumberFormat.grouped($0, decimals: decimals) })
        chart.numberFormatCode = NumberFormat.spreadsheetCode(decimals: decimals)
        chart.boundPrefixes = strings.boundPrefixes
        chart.boundLegend = strings.boundLegend
        chart.linkedLegend = strings.linkedLegend
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
            if !gaps.isEmpty { parts.append(strings.gapYearsNote(gaps, fitted: shownPoints.contains(where: \.isEstimate))) }
        }
        if !publisherForecasts.isEmpty {
            parts.append(strings.publisherForecastNote(publisherForecasts.map {
                ($0.year, NumberFormat.amount($0.value, unit: $0.unit, language: strings.language), $0.vintage)
            }))
        }
        if let vintages = strings.vintageNote(SeriesVintages(series: series, actualYears: forecast.actuals.map(\.year)).vintages) {
            parts.append(vintages)
        }
        parts += disclosures.notes(shownActuals: forecast.actuals, shownEstimates: shownPoints.filter(\.isEstimate))
        return parts.joined(separator: strings.sentenceSeparator)
    }

    /// What the arrows' marks mean, and why an arrow between two lower bounds is missing.
    private func growthNote(_ spans: [(from: Int, to: Int, growth: BoundedGrowth)]) -> String {
        var parts: [String] = []
        func has(_ test: (BoundedGrowth) -> Bool) -> Bool { spans.contains { test($0.growth) } }
        if has({ $0 == .undetermined }) { parts.append(strings.noGrowthBetweenBounds) }
        if let marks = strings.boundedGrowthNote(hasAtMost: has({ if case .atMost = $0 { return true }; return false }),
                                                 hasAtLeast: has({ if case .atLeast = $0 { return true }; return false })) {
            parts.append(marks)
        }
        return parts.joined(separator: strings.sentenceSeparator)
    }

    /// The numbers on the chart, so every bar is traceable.
    func csv() -> String {
        var lines = ["year,label,value,lower,upper,status,unit,bound"]
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
