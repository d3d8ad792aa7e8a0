import Charts
import Forecasting
import MarketData

/// Page 2, the executive summary: the headline chart (the first market-size series) small,
/// the three findings that matter beside it, and a forecast table of every series (last
/// actual, each E year with its interval, CAGR) across the bottom. Composed of the
/// market-size chart and two tables (Charts/Pages/SummaryPage.swift); shapes in the deck.
struct ExecutiveSummaryExhibit: Exhibit {
    static let chartID = "executive-summary"
    /// Its findings cite other pages.
    var referencesPageNumbers: Bool { true }

    func pages(in context: RunContext) throws -> [ReportPage] {
        guard let summary = try ExecutiveSummary(context: context) else { return [] }
        return [ReportPage(title: summary.page.title, chartID: Self.chartID, layout: summary.page.layout(
            theme: context.theme, measurer: context.measurer), csv: summary.csv())]
    }
}

/// What the summary says, built from the run: the same forecasts the market-size pages and
/// forecasts.csv carry, and three of the key findings.
struct ExecutiveSummary {
    /// One row of the forecast table: a series' last actual, estimates and CAGR.
    struct SeriesLine {
        var result: RunContext.SeriesResult
        var lastActual: ForecastPoint
        /// Empty for a series too short to forecast (ForecastSupport): the table says so.
        var estimates: [ForecastPoint]
        /// From the last actual to the horizon, as its bounds allow (BoundedGrowth).
        var growth: BoundedGrowth?
        var cagr: Double? { growth?.quotedRate }
    }

    let lines: [SeriesLine]
    let findings: [KeyFindingsExhibit.Finding]
    let page: SummaryPage
    private let strings: Strings

    /// nil when there is no market-size series to headline.
    init?(context: RunContext) throws {
        let strings = context.strings
        let language = strings.language
        guard let headline = context.series.first(where: { $0.entry.chart == .marketSize }) else { return nil }
        self.strings = strings
        lines = context.series.compactMap { result in
            guard let last = result.forecast.actuals.last else { return nil }
            // No forecast in the summary for a series that cannot carry one.
            let estimates = ForecastSupport(result.forecast).isSupported ? result.forecast.estimates : []
            return SeriesLine(result: result, lastActual: last, estimates: estimates,
                              growth: estimates.last.flatMap {
                                  result.forecast.boundedGrowth(from: last.year, to: $0.year, series: result.series)
                              })
        }
        findings = Self.select(try KeyFindingsExhibit.findings(in: context), headline: headline.entry)

        // The headline chart as exhibit 1 draws it, its long note replaced by a pointer to
        // that page: the summary has no room for the disclosures, the page they sit on does.
        var chartPage = MarketSizePage(entry: headline.entry, series: headline.series, forecast: headline.forecast,
                                       strings: strings, publisherForecasts: context.publisherForecasts[headline.entry.id] ?? [])
        chartPage.scenarioRange = nil
        chartPage.editionYear = context.config.editionYear
        var chart = chartPage.chart
        chart.sourceNote = strings.summaryChartNote(page: context.pageNumber(of: headline.entry.chartID))

        let years = Array(Set(lines.flatMap { $0.estimates.map(\.year) })).sorted()
        let level = headline.forecast.level
        var columns: [TablePage.Column] = [.init(header: strings.summarySeriesHeader, weight: 2.6),
                                           .init(header: strings.summaryLastActualHeader, weight: 1.5, alignment: .right)]
        // An estimate of a year before the edition is no forecast: "2025（估）", not "2025E".
        let editionYear = context.config.editionYear
        columns += years.map { year in
            .init(header: editionYear.map { year < $0 } == true ? strings.pastEstimateLabel(year) : "\(year)E",
                  weight: 1.5, alignment: .right)
        }
        columns.append(.init(header: "CAGR", weight: 1.3, alignment: .right))
        let rows = lines.map { line -> [String] in
            // The numbers as the series' market-size chart prints them, so a cell and its bar agree.
            let style = SeriesNumberStyle(line.result.forecast, strings: strings)
            let unit = style.display
            func number(_ value: Double) -> String { style.number(value) }
            let bound = line.result.series.observation(forYear: line.lastActual.year)?.bound.flatMap { strings.boundPrefixes[$0] } ?? ""
            var cells = [line.result.entry.title(for: language) + strings.summaryUnit(unit.label),
                         SeriesDisclosures(series: line.result.series, strings: strings).actualYear(line.lastActual.year)
                             + strings.summaryYearSeparator
                             + bound + number(line.lastActual.value)]
            if line.estimates.isEmpty {
                // Too short to forecast: the row says so once instead of dashes per year.
                cells += years.map { _ in "–" }
                cells.append(strings.summaryNoForecast)
                return cells
            }
            for year in years {
                guard let point = line.estimates.first(where: { $0.year == year }) else { cells.append("–"); continue }
                let interval = point.lower.flatMap { lower in point.upper.map { "\(number(lower)) – \(number($0))" } }
                cells.append(number(point.value) + (interval.map { "\n(\($0))" } ?? ""))
            }
            cells.append(line.growth.flatMap { strings.growthPhrase($0) }.map {
                "\(line.lastActual.year)–\(line.estimates.last?.year ?? line.lastActual.year)E\n" + $0 } ?? "–")
            return cells
        }
        let table = TablePage(title: strings.summaryTableTitle(level: level), continuedSuffix: strings.continued,
                              columns: columns, rows: rows)
        var findingTable = TablePage(title: strings.summaryFindingsTitle, continuedSuffix: strings.continued,
                                     columns: [.init(header: "#", weight: 0.5, alignment: .right),
                                               .init(header: strings.findingHeader, weight: 10),
                                               .init(header: strings.seePage, weight: 1.4, alignment: .right)],
                                     rows: findings.enumerated().map { index, finding in
                                         ["\(index + 1)", finding.text,
                                          context.pageNumber(of: finding.exhibitID).map { "\($0)" } ?? "–"]
                                     })
        // Three sentences in a box as tall as the chart: room between them reads better than
        // a block at the top.
        findingTable.rowPadding = 6
        page = SummaryPage(title: strings.summaryTitle, subtitle: strings.summarySubtitle(context.config.quarter),
                           chart: chart, table: table, findings: findingTable,
                           sourceNote: strings.summaryNote(sources: context.series.flatMap { $0.series.sources(in: language) },
                                                           preliminary: lines.contains { line in
                                                               line.result.series.observation(forYear: line.lastActual.year)?.isPreliminary == true
                                                           }))
    }

    /// The three findings that matter: how wide the scenarios spread (the range a client
    /// reads first, issue 19), where the headline market goes (its base case), and where
    /// adoption stands; others in list order fill in when one of these is missing.
    static func select(_ all: [KeyFindingsExhibit.Finding], headline: ReportConfig.SeriesEntry) -> [KeyFindingsExhibit.Finding] {
        var chosen: [KeyFindingsExhibit.Finding] = []
        func take(_ finding: KeyFindingsExhibit.Finding?) {
            if let finding, !chosen.contains(finding), chosen.count < 3 { chosen.append(finding) }
        }
        take(all.first { $0.exhibitID == ScenarioPage.chartID(for: headline) })
        take(all.last { $0.exhibitID == headline.chartID })
        take(all.first { $0.exhibitID == "penetration-ranking" })
        for finding in all { take(finding) }
        return chosen
    }

    /// section,series,year,status,value,lower,upper,cagr,text: the forecast table's numbers
    /// (series' unit, not the display unit) and the findings' text.
    func csv() -> String {
        var out = [CSVWriter.line(["section", "series", "year", "status", "value", "lower", "upper", "cagr", "text"])]
        for line in lines {
            let id = line.result.entry.id
            out.append(CSVWriter.line(["forecast", id, "\(line.lastActual.year)", "actual", CSVWriter.number(line.lastActual.value),
                                       "", "", "", ""]))
            for point in line.estimates {
                out.append(CSVWriter.line(["forecast", id, "\(point.year)", "estimate", CSVWriter.number(point.value),
                                           point.lower.map(CSVWriter.number) ?? "", point.upper.map(CSVWriter.number) ?? "",
                                           "", ""]))
            }
            if let growth = line.growth, let cagr = growth.quotedRate, let end = line.estimates.last {
                out.append(CSVWriter.line(["cagr", id, "\(line.lastActual.year)-\(end.year)", "", "", "", "",
                                           CSVWriter.number(cagr), strings.growthPhrase(growth) ?? ""]))
            }
        }
        for finding in findings {
            out.append(CSVWriter.line(["finding", "", "", "", "", "", "", "", finding.text]))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
