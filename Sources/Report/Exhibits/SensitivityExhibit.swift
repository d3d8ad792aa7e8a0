import Charts
import Forecasting
import MarketData

/// Sensitivity: the headline series (the first market-size series) at the horizon under the
/// alternatives an analyst would try (Forecasting/Scenarios/Sensitivity.swift), one row per
/// change, each saying what was changed; a row that cannot be fitted says why.
struct SensitivityExhibit: Exhibit {
    static let chartID = "sensitivity"

    func pages(in context: RunContext) throws -> [ReportPage] {
        guard let analysis = SensitivityTable(context: context) else { return [] }
        var pages = TablePages.pages(analysis.table, chartID: Self.chartID, context: context)
        if !pages.isEmpty { pages[0].csv = analysis.csv() }
        return pages
    }
}

/// The sensitivity rows of a run and their page and CSV.
struct SensitivityTable {
    let result: RunContext.SeriesResult
    let rows: [SensitivityRow]
    let horizon: Int
    let strings: Strings
    let scenarios: [Scenario]
    /// The base case weighs the consensus in: every row here varies its statistical trend,
    /// so the first row is named the trend, as the scenario page names it.
    let blended: Bool

    /// nil when the report has no market-size series to take as the headline.
    init?(context: RunContext) {
        guard let headline = context.series.first(where: { $0.entry.chart == .marketSize }) else { return nil }
        let config = context.config
        let scenarios = config.scenarios.map(\.scenario)
        let baseScenario = config.baseScenario.flatMap { name in scenarios.first { $0.name == name } }
        // The base row is what the market-size chart shows: the base scenario's assumptions
        // where it covers the series, else the series' own model, as Forecaster reads it.
        let base: SeriesAssumptions
        if let assumptions = baseScenario?.assumptions(for: headline.entry.id) {
            base = assumptions
        } else {
            base = SeriesAssumptions(seriesID: headline.entry.id, model: .catalog(headline.entry.model))
        }
        result = headline
        blended = headline.forecast.blend != nil
        horizon = config.horizon
        strings = context.strings
        self.scenarios = scenarios
        rows = Sensitivity.run(headline.series, base: base, scenarios: scenarios, baseName: baseScenario?.name,
                               horizon: config.horizon, level: config.level)
    }

    var baseValue: Double? { rows.first?.point(at: horizon)?.value }

    func describe(_ change: SensitivityChange) -> String {
        switch change {
        case .base: return blended ? strings.sensitivityTrend : strings.sensitivityBase
        case .scenario(let name):
            let scenario = scenarios.first { $0.name == name }
            return strings.sensitivityScenario(scenario.map { strings.scenarioLabel(zh: $0.labelZh, en: $0.labelEn) } ?? name)
        case .model: return strings.sensitivityModel
        case .dropFirstYears(let count):
            return strings.sensitivityDropFirst(years: Array(result.series.actuals.prefix(count).map(\.year)))
        case .growthFloor(let rate): return strings.sensitivityGrowthFloor(NumberFormat.percent(rate))
        case .growthCeiling(let rate): return strings.sensitivityGrowthCeiling(NumberFormat.percent(rate))
        case .saturation(let multiple): return strings.sensitivitySaturation(NumberFormat.grouped(multiple, decimals: 1))
        }
    }

    /// The change as a stable key for the CSV.
    static func key(_ change: SensitivityChange) -> String {
        switch change {
        case .base: return "base"
        case .scenario(let name): return "scenario:\(name)"
        case .model(let spec): return "model:\(spec.name)"
        case .dropFirstYears(let count): return "drop-first-years:\(count)"
        case .growthFloor(let rate): return "growth-floor:\(CSVWriter.number(rate))"
        case .growthCeiling(let rate): return "growth-ceiling:\(CSVWriter.number(rate))"
        case .saturation(let multiple): return "saturation:\(CSVWriter.number(multiple))"
        }
    }

    /// A value in the display unit (named once, in the column header), rounded as the
    /// series' chart rounds (SeriesNumberStyle: 13,260 in Chinese, 1,326.0 in English, so a
    /// cell never mixes 714.0 with 2,032); zero (an interval cut at zero) without decimals.
    private func amount(_ value: Double) -> String {
        let shown = strings.displayUnit(result.forecast.unit).convert(value)
        return shown == 0 ? "0" : SeriesNumberStyle(result.forecast, strings: strings).number(value)
    }

    private func modelName(_ row: SensitivityRow) -> String {
        switch row.outcome {
        case .success(let forecast): return strings.sentenceCase(strings.modelName(of: forecast))
        case .failure: return strings.sentenceCase(requestedModelName(row.assumptions.model))
        }
    }

    var table: TablePage {
        let base = baseValue
        let unit = strings.displayUnit(result.forecast.unit).label
        let cells: [[String]] = rows.map { row in
            let change = describe(row.change)
            switch row.outcome {
            case .failure(let error):
                // "Not fitted" where the number would be, the reason beside it (the widest cell).
                return [change, modelName(row), "–", strings.sensitivityNotFitted, strings.sensitivityFailure(error.failure), "–"]
            case .success(let forecast):
                let years = forecast.fitYears.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "–"
                guard let point = row.point(at: horizon) else {
                    return [change, modelName(row), years, strings.sensitivityNoHorizon(horizon), "–", "–"]
                }
                let interval = point.lower.flatMap { lower in point.upper.map { "\(amount(lower))–\(amount($0))" } } ?? "–"
                let versus: String
                if case .base = row.change { versus = blended ? strings.sensitivityIsTrend : strings.sensitivityIsBase }
                else if let base, base > 0 { versus = Self.signedPercent(point.value / base - 1) }
                else { versus = "–" }
                return [change, modelName(row), years, amount(point.value), interval, versus]
            }
        }
        let title = result.entry.title(for: strings.language)
        var page = TablePage(title: strings.sensitivityTitle(title, year: horizon), continuedSuffix: strings.continued,
                         subtitle: strings.sensitivitySubtitle,
                         columns: [.init(header: strings.sensitivityChangeHeader, weight: 3.2),
                                   .init(header: strings.sensitivityModelHeader, weight: 4.0),
                                   .init(header: strings.sensitivityFitYearsHeader, weight: 1.1),
                                   .init(header: strings.sensitivityValueHeader(horizon, unit: unit), weight: 1.6, alignment: .right),
                                   .init(header: strings.sensitivityIntervalHeader(strings.interval(level: result.forecast.level),
                                                                                   unit: unit), weight: 2.0, alignment: .right),
                                   .init(header: blended ? strings.sensitivityVersusTrend : strings.sensitivityVersusBase,
                                         weight: 1.0, alignment: .right)],
                         rows: cells, emphasizedRows: [0],
                         sourceNote: strings.sensitivityNote(sources: result.series.sources(in: strings.language)))
        // Fourteen-odd rows and a note on one page.
        page.rowPadding = 2
        return page
    }

    /// A row's warnings in the CSV's words, one cell.
    private func warningText(_ forecast: SeriesForecast) -> String {
        forecast.warnings.map(\.description).joined(separator: "; ")
    }

    /// The model a row asked for, by its catalog name (the CSV's words; a formula is
    /// `formula`, its text being in the methodology).
    static func requestedModel(_ model: SeriesAssumptions.Model) -> String {
        if case .formula = model.spec { return ForecastModel.formula.description }
        return model.spec.name
    }

    /// The model a row asked for, in the page's words.
    private func requestedModelName(_ model: SeriesAssumptions.Model) -> String {
        strings.modelName(model.spec)
    }

    /// Why a row was not fitted, in the CSV's words (English, as every CSV column is).
    static func reason(_ failure: SensitivityFailure) -> String {
        switch failure {
        case let .tooFewActuals(parameters, actuals): return "\(parameters) free parameters, \(actuals) actuals: no residual to size an interval"
        case let .tooFewForMethod(needs, actuals): return "needs \(needs) yearly values, the window has \(actuals)"
        case .failed(let message): return message
        }
    }

    /// "+12.3%" / "−4.5%": a change is read with its sign.
    static func signedPercent(_ fraction: Double) -> String {
        (fraction > 0 ? "+" : "") + NumberFormat.percent(fraction)
    }

    /// series,change,description,model,fit_years,year,value,lower,upper,vs_base,status,reason.
    func csv() -> String {
        var lines = [CSVWriter.line(["series", "change", "description", "model", "fit_years", "year", "value", "lower", "upper",
                                     "vs_base", "status", "reason"])]
        let base = baseValue
        for row in rows {
            var cells = [result.entry.id, Self.key(row.change), describe(row.change)]
            switch row.outcome {
            case .failure(let error):
                cells += [Self.requestedModel(row.assumptions.model), "", "\(horizon)", "", "", "", "", "not fitted",
                          Self.reason(error.failure)]
            case .success(let forecast):
                let point = row.point(at: horizon)
                cells += [forecast.model.description, forecast.fitYears.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "", "\(horizon)",
                          point.map { CSVWriter.number($0.value) } ?? "", point?.lower.map(CSVWriter.number) ?? "",
                          point?.upper.map(CSVWriter.number) ?? "",
                          point.flatMap { p in base.map { CSVWriter.number(p.value / $0 - 1) } } ?? "",
                          forecast.warnings.isEmpty ? "fitted" : "fitted with warnings",
                          warningText(forecast)]
            }
            lines.append(CSVWriter.line(cells))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
