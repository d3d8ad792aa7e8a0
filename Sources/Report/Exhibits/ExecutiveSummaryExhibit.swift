import Charts
import Forecasting
import MarketData

/// Page 2, the executive summary: the headline chart (the first market-size series) small,
/// the three findings that matter beside it, and a forecast table of every series (last
/// actual, each E year with its interval, CAGR) across the bottom. Composed of the
/// market-size chart and two tables (Charts/SummaryPage.swift); shapes in the deck.
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
        var estimates: [ForecastPoint]
        var cagr: Double?
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
            let estimates = result.forecast.estimates
            return SeriesLine(result: result, lastActual: last, estimates: estimates,
                              cagr: estimates.last.flatMap { result.forecast.cagr(from: last.year, to: $0.year) })
        }
        findings = Self.select(try KeyFindingsExhibit.findings(in: context), headline: headline.entry)

        // The headline chart as exhibit 1 draws it, its long note replaced by a pointer to
        // that page: the summary has no room for the disclosures, the page they sit on does.
        var chartPage = MarketSizePage(entry: headline.entry, series: headline.series, forecast: headline.forecast,
                                       strings: strings, publisherForecasts: context.publisherForecasts[headline.entry.id] ?? [])
        chartPage.scenarioRange = nil
        var chart = chartPage.chart
        chart.sourceNote = strings.summaryChartNote(page: context.pageNumber(of: headline.entry.chartID))

        let years = Array(Set(lines.flatMap { $0.estimates.map(\.year) })).sorted()
        let level = headline.forecast.level
        var columns: [TablePage.Column] = [.init(header: strings.summarySeriesHeader, weight: 2.6),
                                           .init(header: strings.summaryLastActualHeader, weight: 1.5, alignment: .right)]
        columns += years.map { .init(header: "\($0)E", weight: 1.5, alignment: .right) }
        columns.append(.init(header: "CAGR", weight: 1.3, alignment: .right))
        let rows = lines.map { line -> [String] in
            // The numbers as the series' market-size chart prints them, so a cell and its bar agree.
            let style = SeriesNumberStyle(line.result.forecast, strings: strings)
            let unit = style.display
            func number(_ value: Double) -> String { style.number(value) }
            let bound = line.result.series.observation(forYear: line.lastActual.year)?.bound.flatMap { strings.boundPrefixes[$0] } ?? ""
            var cells = [line.result.entry.title(for: language) + strings.summaryUnit(unit.label),
                         "\(line.lastActual.year)" + strings.summaryYearSeparator
                             + bound + number(line.lastActual.value)]
            for year in years {
                guard let point = line.estimates.first(where: { $0.year == year }) else { cells.append("–"); continue }
                let interval = point.lower.flatMap { lower in point.upper.map { "\(number(lower)) – \(number($0))" } }
                cells.append(number(point.value) + (interval.map { "\n(\($0))" } ?? ""))
            }
            let startBound = line.result.series.observation(forYear: line.lastActual.year)?.bound
            cells.append(line.cagr.map { "\(line.lastActual.year)–\(line.estimates.last?.year ?? line.lastActual.year)E\n"
                + strings.boundedRate(NumberFormat.percent($0), start: startBound, end: nil) } ?? "–")
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
                           sourceNote: strings.summaryNote(sources: context.series.flatMap { $0.series.sources(in: language) }))
    }

    /// The three findings that matter: where the headline market goes (its forecast), how
    /// wide the scenarios spread, and where adoption stands; others in list order fill in
    /// when one of these is missing.
    static func select(_ all: [KeyFindingsExhibit.Finding], headline: ReportConfig.SeriesEntry) -> [KeyFindingsExhibit.Finding] {
        var chosen: [KeyFindingsExhibit.Finding] = []
        func take(_ finding: KeyFindingsExhibit.Finding?) {
            if let finding, !chosen.contains(finding), chosen.count < 3 { chosen.append(finding) }
        }
        take(all.last { $0.exhibitID == headline.chartID })
        take(all.first { $0.exhibitID == ScenarioPage.chartID(for: headline) })
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
            if let cagr = line.cagr, let end = line.estimates.last {
                out.append(CSVWriter.line(["cagr", id, "\(line.lastActual.year)-\(end.year)", "", "", "", "",
                                           CSVWriter.number(cagr), ""]))
            }
        }
        for finding in findings {
            out.append(CSVWriter.line(["finding", "", "", "", "", "", "", "", finding.text]))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
