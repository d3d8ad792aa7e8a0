import Charts
import Forecasting
import MarketData

/// Forecasts compared: every published forecast in `published-forecasts` with its
/// definition, and beside it what marketcast forecasts for the same year (each scenario, or
/// the series' own model where no scenario covers it) or over the overlapping years of a
/// growth rate. A table, because the figures span definitions two orders of magnitude apart
/// (a bar chart would flatten the narrow ones) and mix levels, bounds and rates.
struct ForecastComparisonExhibit: Exhibit {
    static let chartID = "forecast-comparison"
    var tables: [AnyExhibitTableSpec] { [ExhibitTable.publishedForecasts.erased] }
    var referencesPageNumbers: Bool { true }

    func pages(in context: RunContext) throws -> [ReportPage] {
        guard let published = context.tables[ExhibitTable.publishedForecasts], !published.isEmpty else { return [] }
        let comparison = ForecastComparison(published: published, context: context)
        let strings = context.strings
        var table = TablePage(title: strings.comparisonTitle, continuedSuffix: strings.continued,
                              subtitle: strings.comparisonSubtitle,
                              columns: [.init(header: strings.comparisonPublisher, weight: 2.0),
                                        .init(header: strings.comparisonDefinition, weight: 3.0),
                                        .init(header: strings.comparisonPublished, weight: 2.1),
                                        .init(header: strings.comparisonOurs, weight: 4.9)],
                              rows: comparison.rows.map { [$0.publisher, $0.definition, $0.published, $0.ours] },
                              sourceNote: comparison.note)
        // Nine sources and a note on one page, in either language.
        table.rowPadding = 3
        var pages = TablePages.pages(table, chartID: Self.chartID, context: context)
        if !pages.isEmpty { pages[0].csv = comparison.csv() }
        return pages
    }
}

/// The comparison's rows as the page prints them and as its CSV lists them.
struct ForecastComparison {
    struct Row {
        var forecast: PublishedForecast
        var publisher: String
        var definition: String
        var published: String
        var ours: String
        /// Our figures beside it, for the CSV: one per scenario (or the series' model).
        var ourFigures: [OurFigure]
    }

    struct OurFigure {
        var scenario: String
        var seriesID: String
        var fromYear: Int?
        var year: Int
        var value: Double?
        var lower: Double?
        var upper: Double?
        var rate: Double?
        var unit: String
        var isEstimate: Bool
    }

    let rows: [Row]
    let note: String
    private let date: String

    init(published: [PublishedForecast], context: RunContext) {
        let strings = context.strings
        let language = strings.language
        date = context.config.document.date
        rows = published.map { forecast in
            let when = forecast.published.map { strings.comparisonPublishedOn($0.description) } ?? strings.comparisonUndated
            var row = Row(forecast: forecast, publisher: forecast.publisher + when, definition: forecast.definition,
                          published: Self.figureText(forecast, strings: strings), ours: "", ourFigures: [])
            guard let id = forecast.seriesID, let result = context.result(for: id) else {
                row.ours = strings.comparisonNoSeries
                return row
            }
            let paths = Self.paths(for: result, in: context)
            let title = result.entry.title(for: language)
            switch forecast.figure {
            case .level:
                guard let point = result.forecast.points.first(where: { $0.year == forecast.year }) else {
                    let last = result.forecast.points.last?.year ?? forecast.year
                    row.ours = forecast.year > last ? strings.comparisonBeyondHorizon(title: title, horizon: last)
                        : strings.comparisonNoYear(title: title, year: forecast.year)
                    return row
                }
                if !point.isEstimate {
                    // A published actual of ours: quoted as the chart quotes it, bound and all.
                    let bound = result.series.observation(forYear: point.year)?.bound.flatMap { strings.boundPrefixes[$0] } ?? ""
                    row.ours = strings.comparisonActual(title: title, year: point.year,
                                                        amount: bound + SeriesNumberStyle(result.forecast, strings: strings).amount(point.value)
                                                            + (result.series.observation(forYear: point.year)?.isPreliminary == true
                                                               ? strings.preliminarySuffix : ""))
                    row.ourFigures = [OurFigure(scenario: "actual", seriesID: id, fromYear: nil, year: point.year,
                                                value: point.value, unit: result.forecast.unit, isEstimate: false)]
                    return row
                }
                // A series too short to forecast has no forecast to set beside the publisher's.
                if !ForecastSupport(result.forecast).isSupported {
                    row.ours = strings.comparisonNoForecast(title: title, page: context.pageNumber(of: result.entry.chartID))
                    return row
                }
                var parts: [String] = []
                for (label, name, path) in paths {
                    guard let p = path.points.first(where: { $0.year == forecast.year }) else { continue }
                    // One path (no scenarios) is quoted with its interval, as key findings quote a
                    // forecast; three scenario paths already show the spread.
                    var amount = Self.estimate(p.value, unit: path.unit, strings)
                    if paths.count == 1, let lower = p.lower, let upper = p.upper {
                        // Bare numbers in the value's unit, which it has just named.
                        let display = strings.displayUnit(path.unit)
                        func bare(_ v: Double) -> String {
                            let shown = display.convert(v)
                            return NumberFormat.grouped(shown, decimals: abs(shown) >= 1000 || shown == 0 ? 0 : 1)
                        }
                        amount += strings.comparisonInterval(level: path.level, lower: bare(lower), upper: bare(upper))
                    }
                    parts.append(strings.comparisonScenarioValue(label: label, amount: amount))
                    row.ourFigures.append(OurFigure(scenario: name, seriesID: id, fromYear: nil, year: p.year, value: p.value,
                                                    lower: p.lower, upper: p.upper, unit: path.unit, isEstimate: true))
                }
                row.ours = strings.comparisonOursAt(title: title, year: forecast.year, parts: parts)
            case .growth(_, let fromYear):
                let years = result.forecast.points.map(\.year)
                guard let first = years.first, let last = years.last else { row.ours = strings.comparisonNoSeries; return row }
                let start = max(fromYear, first), end = min(forecast.year, last)
                guard end > start else {
                    row.ours = strings.comparisonBeyondHorizon(title: title, horizon: last)
                    return row
                }
                if !ForecastSupport(result.forecast).isSupported {
                    row.ours = strings.comparisonNoForecast(title: title, page: context.pageNumber(of: result.entry.chartID))
                    return row
                }
                var parts: [String] = []
                for (label, name, path) in paths {
                    // As the bounds allow: from a lower-bounded actual the rate is "at most".
                    guard let growth = path.boundedGrowth(from: start, to: end, series: result.series),
                          let phrase = strings.growthPhrase(growth), let rate = growth.quotedRate else { continue }
                    parts.append(strings.comparisonScenarioValue(label: label, amount: phrase))
                    row.ourFigures.append(OurFigure(scenario: name, seriesID: id, fromYear: start, year: end, rate: rate,
                                                    unit: "", isEstimate: true))
                }
                row.ours = strings.comparisonOursGrowth(title: title, fromYear: start, toYear: end, parts: parts)
            }
            return row
        }
        var sources: [String] = []
        for forecast in published where !sources.contains(forecast.source) { sources.append(forecast.source) }
        note = strings.comparisonNote(sources: sources,
                                      scenarioPage: context.series.first.flatMap { context.pageNumber(of: ScenarioPage.chartID(for: $0.entry)) },
                                      blend: context.series.lazy.compactMap(\.forecast.blend).first)
    }

    /// The paths of ours to compare with: each scenario's, in config order, or the series' own forecast.
    private static func paths(for result: RunContext.SeriesResult,
                              in context: RunContext) -> [(label: String, name: String, forecast: SeriesForecast)] {
        if let fitted = context.scenarios.first(where: { $0.seriesID == result.entry.id }), !fitted.paths.isEmpty {
            // The consensus is made of the publishers' forecasts: set beside them it would compare them with themselves.
            return fitted.paths.filter { if case .consensus = $0.origin { return false } else { return true } }
                .map { (context.strings.scenarioLabel(zh: $0.scenario.labelZh, en: $0.scenario.labelEn),
                        $0.scenario.name, $0.forecast) }
        }
        // The model is on the series' own page; here "ours" is enough.
        return [(context.strings.comparisonOwnForecast, "default", result.forecast)]
    }

    /// An estimate rounded to what a model can claim, as the key findings round it.
    private static func estimate(_ value: Double, unit: String, _ strings: Strings) -> String {
        NumberFormat.amount(value, unit: unit, language: strings.language, decimals: abs(value) >= 1000 || value == 0 ? 0 : 1)
    }

    /// "2025E 超过12,000亿元" or "2025–2029E CAGR 32.1%": a bound stays a bound, a rate a rate.
    static func figureText(_ forecast: PublishedForecast, strings: Strings) -> String {
        switch forecast.figure {
        case let .level(value, unit, bound):
            return "\(forecast.year)E " + (bound.flatMap { strings.boundPrefixes[$0] } ?? "")
                + NumberFormat.amount(value, unit: unit, language: strings.language)
        case let .growth(rate, fromYear):
            return "\(fromYear)–\(forecast.year)E CAGR \(NumberFormat.percent(rate))"
        }
    }

    /// One line per published row (`who` = publisher) followed by ours beside it (`who` =
    /// marketcast), `row` tying them together; rates as fractions, levels in the row's unit.
    func csv() -> String {
        var lines = [CSVWriter.line(["row", "who", "scenario", "publisher", "published", "definition", "series", "from_year",
                                     "year", "value", "lower", "upper", "cagr", "unit", "bound", "source", "url"])]
        for (index, row) in rows.enumerated() {
            let f = row.forecast
            var value = "", cagr = "", unit = "", bound = "", from = ""
            switch f.figure {
            case let .level(v, u, b): value = CSVWriter.number(v); unit = u; bound = b?.rawValue ?? ""
            case let .growth(rate, fromYear): cagr = CSVWriter.number(rate); from = "\(fromYear)"
            }
            lines.append(CSVWriter.line(["\(index + 1)", "publisher", "", f.publisher, f.published?.description ?? "",
                                         f.definition, f.seriesID ?? "", from, "\(f.year)", value, "", "", cagr, unit, bound,
                                         f.source, f.url]))
            for ours in row.ourFigures {
                lines.append(CSVWriter.line(["\(index + 1)", "marketcast", ours.scenario, "marketcast", date, "", ours.seriesID,
                                             ours.fromYear.map { "\($0)" } ?? "", "\(ours.year)",
                                             ours.value.map(CSVWriter.number) ?? "", ours.lower.map(CSVWriter.number) ?? "",
                                             ours.upper.map(CSVWriter.number) ?? "", ours.rate.map(CSVWriter.number) ?? "",
                                             ours.unit, "", "", ""]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
