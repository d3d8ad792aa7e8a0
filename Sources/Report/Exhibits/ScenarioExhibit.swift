import Charts
import Forecasting
import MarketData

/// One page per series that scenarios cover: actual bars, each scenario's path to the
/// horizon, the base scenario's interval as a band, and the horizon values labelled.
struct ScenarioExhibit: Exhibit {
    func pages(in context: RunContext) throws -> [ReportPage] {
        context.scenarios.compactMap { fitted -> ReportPage? in
            guard !fitted.paths.isEmpty, let result = context.result(for: fitted.seriesID) else { return nil }
            var page = ScenarioPage(title: result.entry.title(for: context.config.language), series: result.series, fitted: fitted,
                                    baseName: context.config.baseScenario, strings: context.strings)
            // A base case declared as trend and consensus is no model the backtest could back:
            // its trend's backtest is on the methodology page, not repeated under the scenarios.
            if result.forecast.blend == nil {
                page.baseCaseNote = BaseCaseBacktestNote.text(for: fitted.seriesID, in: context, citingEvidence: false)
            }
            page.editionYear = context.config.editionYear
            guard let chart = page.chart else { return nil }
            return ReportPage(title: chart.title, chartID: page.chartID(result.entry), laying: chart, in: context,
                              csv: ScenarioForecasts.csv([fitted]))
        }
    }
}

extension ScenarioExhibit {
    /// forecasts.csv (every series: its scenarios, or the config's own model under the
    /// scenario name `default` when no scenario covers it) and backtest.csv when a backtest ran.
    func dataFiles(in context: RunContext) throws -> [(name: String, text: String)] {
        var files = [(name: "forecasts.csv", text: ScenarioForecasts.csv(Self.forecastTable(context)))]
        if let backtest = context.backtest { files.append((name: "backtest.csv", text: Backtest.csv([backtest]))) }
        return files
    }

    /// What forecasts.csv holds: every series with its scenario paths, or its own forecast
    /// under the scenario `default`.
    static func forecastTable(_ context: RunContext) -> [SeriesScenarios] {
        var table: [SeriesScenarios] = []
        for result in context.series {
            if let fitted = context.scenarios.first(where: { $0.seriesID == result.entry.id }), !fitted.paths.isEmpty {
                table.append(fitted)
            } else {
                let scenario = Scenario(name: "default", labelZh: "默认", labelEn: "Default", series: [])
                table.append(SeriesScenarios(seriesID: result.entry.id,
                                             paths: [ScenarioPath(scenario: scenario, forecast: result.forecast)]))
            }
        }
        return table
    }
}

struct ScenarioPage {
    let title: String
    let series: MarketSeries
    let fitted: SeriesScenarios
    let baseName: String?
    let strings: Strings
    /// Whether the backtest supports the base case's model, and why it is kept if not.
    var baseCaseNote: String? = nil
    /// The edition's year (SeriesDisclosures): earlier estimates are no forecasts.
    var editionYear: Int? = nil

    /// `scenarios` for the first series with scenarios' chart, `<chart_id>-scenarios` for others.
    func chartID(_ entry: ReportConfig.SeriesEntry) -> String { Self.chartID(for: entry) }

    /// Also what key findings cite for a series' scenario range.
    static func chartID(for entry: ReportConfig.SeriesEntry) -> String {
        entry.chartID == "market-size" ? "scenarios" : "\(entry.chartID)-scenarios"
    }

    func label(_ scenario: Scenario) -> String { strings.scenarioLabel(zh: scenario.labelZh, en: scenario.labelEn) }

    var chart: ScenarioChart? {
        guard let reference = fitted.paths.first?.forecast else { return nil }
        let years = reference.points.map(\.year)
        guard let firstYear = years.first, let lastYear = years.last else { return nil }
        let display = strings.displayUnit(reference.unit)
        let decimals = NumberFormat.chartDecimals(actuals: reference.actuals.map(\.value),
                                                  largest: fitted.paths.flatMap { $0.forecast.points.map(\.value) }.max() ?? 0,
                                                  powerOfTen: display.powerOfTen)
        let lastActualIndex = reference.points.lastIndex { !$0.isEstimate } ?? 0
        let disclosures = SeriesDisclosures(series: series, strings: strings, editionYear: editionYear)
        let categories = reference.points.map(disclosures.yearLabel)
        let actuals = reference.points.map { $0.isEstimate ? nil : display.convert($0.value) }
        let paths = fitted.paths.map { path in
            ScenarioChart.Path(label: label(path.scenario), startIndex: lastActualIndex,
                               values: path.forecast.points.suffix(from: lastActualIndex).map { display.convert($0.value) })
        }
        var band: ScenarioChart.Band?
        if let baseName, let base = fitted.path(named: baseName) {
            let tail = base.forecast.points.suffix(from: lastActualIndex)
            let lower = tail.map { display.convert($0.isEstimate ? ($0.lower ?? .nan) : $0.value) }
            let upper = tail.map { display.convert($0.isEstimate ? ($0.upper ?? .nan) : $0.value) }
            if (lower + upper).allSatisfy({ $0.isFinite }) {
                band = .init(label: strings.scenarioBand(label(base.scenario), level: base.forecast.level),
                             startIndex: lastActualIndex, lower: lower, upper: upper)
            }
        }
        let words = ScenarioAssumptionWords(strings: strings, series: series)
        // The trend beside a blended base is described inside the base's sentence.
        let assumptions = fitted.paths.filter { $0.origin != .trend }.map(words.sentence)
        var chart = ScenarioChart(title: strings.scenarioTitle(title, firstYear: firstYear, lastYear: lastYear),
                             unitLabel: strings.unitCaption(reference.unit), categories: categories, actuals: actuals,
                             actualLabel: strings.actual, paths: paths, band: band,
                             sourceNote: ([strings.scenarioNote(sources: series.sources(in: strings.language), assumptions: assumptions, bandLabel: band?.label,
                                                                   blended: fitted.paths.contains { $0.forecast.blend != nil })]
                                          + (baseCaseNote.map { [$0] } ?? [])
                                          + disclosures.notes(shownActuals: reference.actuals, shownEstimates: reference.estimates)).joined(separator: strings.sentenceSeparator),
                             formatValue: { NumberFormat.grouped($0, decimals: decimals) })
        chart.numberFormatCode = NumberFormat.spreadsheetCode(decimals: decimals)
        // The bounds as exhibit 1 marks them (issue 20: the actual bars lacked p5's marks).
        chart.lowerBoundActuals = Set(reference.points.indices.filter { disclosures.bound(reference.points[$0]) == .lower })
        chart.boundLegend = strings.boundLegend
        chart.linkedActuals = Set(reference.points.indices.filter { disclosures.isLinked(reference.points[$0]) })
        chart.linkedLegend = strings.linkedLegend
        return chart
    }
}
