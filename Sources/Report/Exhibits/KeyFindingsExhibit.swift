import Charts
import Forecasting
import MarketData

/// Exhibit 12: key findings, each a sentence generated from the numbers of another
/// exhibit, with that exhibit's page, so every claim can be traced.
struct KeyFindingsExhibit: Exhibit {
    var tables: [AnyExhibitTableSpec] { [ExhibitTable.chatGPTVisits.erased, ExhibitTable.modelReleases.erased] }

    static let chartID = "key-findings"
    var referencesPageNumbers: Bool { true }

    struct Finding: Equatable {
        var text: String
        /// The exhibit the numbers come from.
        var exhibitID: String
    }

    func pages(in context: RunContext) throws -> [ReportPage] {
        let strings = context.strings
        let findings = try Self.findings(in: context)
        guard !findings.isEmpty else { return [] }
        let table = TablePage(title: strings.findingsTitle, continuedSuffix: strings.continued,
                              columns: [.init(header: "#", weight: 0.4, alignment: .right),
                                        .init(header: strings.findingHeader, weight: 10),
                                        .init(header: strings.seePage, weight: 1, alignment: .right, linksToPages: true)],
                              rows: findings.enumerated().map { index, finding in
                                  ["\(index + 1)", finding.text, context.pageNumber(of: finding.exhibitID).map { "\($0)" } ?? "–"]
                              })
        return TablePages.pages(table, chartID: Self.chartID, context: context)
    }

    static func findings(in context: RunContext) throws -> [Finding] {
        let strings = context.strings
        let language = context.strings.language
        var findings: [Finding] = []
        // "95% 区间 7,140–20,320": an estimate's interval in its display unit and rounding,
        // without the unit; nil when it has none, and then the estimate is not quoted.
        func quotedInterval(_ point: ForecastPoint, level: Double, style: SeriesNumberStyle) -> String? {
            guard let lower = point.lower, let upper = point.upper, lower.isFinite, upper.isFinite else { return nil }
            return strings.intervalQuote(level: level, lower: style.number(lower), upper: style.number(upper))
        }
        for result in context.series where result.entry.chart == .marketSize {
            let forecast = result.forecast
            let title = result.entry.title(for: language)
            // Every number as the series' chart prints it (SeriesNumberStyle).
            let style = SeriesNumberStyle(forecast, strings: strings)
            func amount(_ value: Double, isEstimate: Bool = false) -> String { style.amount(value) }
            let actuals = forecast.actuals
            // Actual growth within one vintage, as its bounds allow (GrowthStatements.swift):
            // a rate, a limit, or, between two lower bounds, the bounds themselves and no rate.
            func quoted(_ year: Int, _ value: Double) -> String {
                let observation = result.series.observation(forYear: year)
                // In a sentence a bound is words ("more than"), not the chart's ">".
                return (observation?.bound.flatMap { strings.proseBoundPrefixes[$0] } ?? "") + amount(value)
                    + (observation?.isPreliminary == true ? strings.preliminarySuffix : "")
            }
            if let span = SeriesVintages(series: result.series, actualYears: actuals.map(\.year)).quotableSpan,
               let first = actuals.first(where: { $0.year == span.from }), let last = actuals.first(where: { $0.year == span.to }),
               let growth = forecast.boundedGrowth(from: span.from, to: span.to, series: result.series) {
                let text = strings.growthPhrase(growth).map {
                    strings.findingActualCAGR(title: title, fromYear: span.from, toYear: span.to, cagr: $0,
                                              last: quoted(last.year, last.value), exact: growth.isExact)
                } ?? strings.boundsOnlyGrowth(title: title, fromYear: span.from, toYear: span.to,
                                              first: quoted(first.year, first.value), last: quoted(last.year, last.value))
                findings.append(Finding(text: text, exhibitID: result.entry.chartID))
            }
            // A forecast is quoted only with its interval, and only when the series is long
            // enough to forecast at all (ForecastSupport); its page says why when it is not.
            if ForecastSupport(forecast).isSupported, let last = actuals.last, let end = forecast.estimates.last,
               let growth = forecast.boundedGrowth(from: last.year, to: end.year, series: result.series),
               let rate = strings.growthPhrase(growth),
               let interval = quotedInterval(end, level: forecast.level, style: style) {
                findings.append(Finding(text: strings.findingMarketSize(title: title, year: end.year, amount: amount(end.value, isEstimate: true),
                                                                        interval: interval,
                                                                        fromYear: last.year, toYear: end.year,
                                                                        cagr: rate, startIsBound: result.series.observation(forYear: last.year)?.bound != nil,
                                                                        model: forecast.blend.map(strings.blendedBase) ?? strings.shortModelName(of: forecast),
                                                                        declaredBase: forecast.blend != nil),
                                        exhibitID: result.entry.chartID))
            }
        }
        // The spread of the scenarios at the horizon, lowest to highest, per covered series;
        // each end quoted with its own interval, and only when the series is long enough.
        for fitted in context.scenarios where fitted.paths.count > 1 {
            guard let result = context.result(for: fitted.seriesID), ForecastSupport(result.forecast).isSupported,
                  let horizon = fitted.paths.compactMap({ $0.forecast.points.last }).map(\.year).max() else { continue }
            let ends = fitted.paths.compactMap { path in
                path.forecast.points.first { $0.year == horizon }.map { (path.scenario, $0, path.forecast.level) }
            }
            guard let low = ends.min(by: { $0.1.value < $1.1.value }), let high = ends.max(by: { $0.1.value < $1.1.value }),
                  case let style = SeriesNumberStyle(result.forecast, strings: strings)
            else { continue }
            // A fitted end is quoted only with its interval; the consensus, no fit, has none.
            func interval(_ end: (Scenario, ForecastPoint, Double)) -> String?? {
                if fitted.path(named: end.0.name).map({ if case .consensus = $0.origin { return true } else { return false } }) == true {
                    return .some(nil)
                }
                return quotedInterval(end.1, level: end.2, style: style).map { .some($0) }
            }
            guard let lowInterval = interval(low), let highInterval = interval(high) else { continue }
            func amount(_ value: Double) -> String { style.amount(value) }
            findings.append(Finding(text: strings.findingScenarioRange(
                title: result.entry.title(for: language), year: horizon,
                low: strings.localized(low.0.labelZh, low.0.labelEn), lowAmount: amount(low.1.value), lowInterval: lowInterval,
                high: strings.localized(high.0.labelZh, high.0.labelEn), highAmount: amount(high.1.value), highInterval: highInterval),
                exhibitID: ScenarioPage.chartID(for: result.entry)))
        }
        if let visits = context.tables[ExhibitTable.chatGPTVisits] {
            let page = ChatGPTVisitsPage(visits: visits, milestones: [], strings: strings)
            if let peak = page.peak, let last = page.visits.last(where: { $0.value != nil }), let lastValue = last.value {
                // In the chart's own unit and rounding.
                findings.append(Finding(text: strings.findingVisitsPeak(months: peak.months, value: page.displayed(peak.value),
                                                                        last: last.month.description,
                                                                        lastValue: page.displayed(lastValue),
                                                                        missing: page.missingMonths),
                                        exhibitID: ChatGPTVisitsExhibit.chartID))
            }
        }
        if let releases = context.tables[ExhibitTable.modelReleases] {
            if let first = releases.first, let last = releases.last {
                findings.append(Finding(text: strings.findingReleases(count: releases.count, first: strings.monthDay(first.date),
                                                                      last: strings.monthDay(last.date)),
                                        exhibitID: ModelReleasesExhibit.chartID))
            }
        }
        if let penetration = context.penetration {
            let order = penetration.rankOrder
            let industries = penetration.table.industries
            func name(_ index: Int) -> String { strings.industryName(industries[index]) }
            func score(_ index: Int) -> String {
                // Whole points, as the ranking chart prints them.
                NumberFormat.grouped(penetration.scores.first { $0.industry == index }?.wholePoints ?? .nan, decimals: 0)
            }
            if order.count >= 2, let top = order.first, let bottom = order.last,
               industries.indices.contains(top), industries.indices.contains(bottom) {
                findings.append(Finding(text: strings.findingPenetration(top: name(top), topScore: score(top),
                                                                         bottom: name(bottom), bottomScore: score(bottom)),
                                        exhibitID: "penetration-ranking"))
            }
            // The largest gap between what an industry can reach and where it is.
            if let room = industries.indices.max(by: { industries[$0].potential - industries[$0].currentPenetration
                                                        < industries[$1].potential - industries[$1].currentPenetration }) {
                let gap = industries[room].potential - industries[room].currentPenetration
                findings.append(Finding(text: strings.findingRoomToGrow(industry: name(room),
                                                                        points: NumberFormat.grouped(gap, decimals: 0)),
                                        exhibitID: "penetration-matrix"))
            }
        }
        // How the series' own model did on the years it did not see.
        if let backtest = context.backtest, let result = context.result(for: backtest.seriesID),
           let spec = result.forecast.model.catalogModel,
           let error = backtest.meanAbsolutePercentError(.model(spec)),
           let first = backtest.testYears.first, let last = backtest.testYears.last {
            findings.append(Finding(text: strings.findingBacktest(
                title: result.entry.title(for: language), model: strings.shortModelName(of: result.forecast),
                fitYears: backtest.fitYears, testYears: first...last, error: NumberFormat.percent(error)),
                exhibitID: MethodologyExhibit.backtestID))
        }
        return findings
    }
}
