import Charts
import Forecasting
import MarketData

/// Exhibit 13: how the numbers were made: each fitted series' model, its parameters with
/// standard errors and its fit statistics, then every dataset's sources.
struct MethodologyExhibit: Exhibit {
    static let chartID = "methodology"
    static let backtestID = "methodology-backtest"

    func pages(in context: RunContext) throws -> [ReportPage] {
        let strings = context.strings
        let language = context.strings.language
        // A statistic the fit cannot give is said in words, never "n/a" (the note says why).
        func number(_ value: Double, grouped: Bool = true) -> String {
            guard value.isFinite else { return strings.undefinedStatistic }
            let magnitude = abs(value)
            let decimals = magnitude >= 100 ? 1 : (magnitude >= 1 ? 3 : 5)
            return grouped ? NumberFormat.grouped(value, decimals: decimals) : NumberFormat.fixed(value, decimals: decimals)
        }
        var rows: [[String]] = []
        /// `assumptions`: a scenario's assumptions in words, printed instead of the parameters
        /// it sets (a fixed ceiling or a growth held at its limit has no standard error).
        func row(title: String, forecast: SeriesForecast, assumptions: String? = nil) -> [String] {
            var model = assumptions ?? strings.sentenceCase(strings.modelName(of: forecast))
            var statistics = ""
            if let fit = forecast.fit {
                // Parameters are coefficients, some of them years (t0 = 2025.8): never grouped.
                // One without a standard error was set by the scenario (or sits on its limit):
                // the assumptions say it in words, so it is not printed as "g = 0.26000".
                let parameters = fit.parameters.compactMap { parameter -> String? in
                    let value = "\(parameter.name) = \(number(parameter.value, grouped: false))"
                    if parameter.standardError.isFinite { return value + " ± " + number(parameter.standardError, grouped: false) }
                    return assumptions == nil ? value + strings.noStandardError : nil
                }
                model += "\n" + Self.formula(forecast.modelDescription)
                    + (parameters.isEmpty ? "" : "\n" + parameters.joined(separator: strings.localized("；", "; ")))
                // The actuals the fit saw: those in its window (a scenario may fit only the last few).
                let observations = forecast.actuals.filter { fit.fitYears.contains($0.year) }.count
                statistics = strings.fitStatistics(years: fit.fitYears, observations: observations,
                                                   rss: number(fit.residualSumOfSquares), aicc: number(fit.aicc),
                                                   bic: number(fit.bic), dof: fit.degreesOfFreedom)
                if let reason = fit.selectionReason { statistics += "\n" + reason }
            } else if let years = forecast.fitYears, let interval = forecast.intervalMethod {
                // A yearly method or `auto`: no parameters to print (its name lists what it
                // combined); where its intervals come from instead.
                statistics = strings.localized("以 \(years.lowerBound)–\(years.upperBound) 年实际值预测；区间来自 M1 与 M3 年度序列滚动回测误差的分位数：预测值以上按序列年均变动缩放，以下按相对（对数）误差计，正值序列的下限不会低于零",
                                               "forecast from the \(years.lowerBound)–\(years.upperBound) actuals; " + interval.replacingOccurrences(of: "of auto's ", with: "of the combination's "))
            }
            return [title, model, statistics]
        }
        for result in context.series {
            let title = result.entry.title(for: language)
            rows.append(row(title: title, forecast: result.forecast))
            // The scenario fits behind the series, when scenarios cover it.
            let words = ScenarioAssumptionWords(strings: strings, series: result.series)
            for path in context.scenarios.first(where: { $0.seriesID == result.entry.id })?.paths ?? [] {
                let label = strings.localized(path.scenario.labelZh, path.scenario.labelEn)
                let clauses = words.clauses(path)
                let assumptions = strings.sentenceCase(clauses.joined(separator: strings.localized("；", "; ")))
                rows.append(row(title: "\(title) · \(label)", forecast: path.forecast, assumptions: assumptions))
            }
        }
        // The technical detail (formulas, parameters with standard errors, RSS, AICc, BIC) is a
        // clearly labelled appendix after the sources; the methodology page says it in words.
        let technical = TablePage(title: strings.technicalAppendixTitle, continuedSuffix: strings.continued,
                                  columns: [.init(header: strings.seriesHeader, weight: 1.3),
                                            .init(header: strings.modelHeaderLong, weight: 2.6),
                                            .init(header: strings.fitHeader, weight: 2.4)],
                                  rows: rows, sourceNote: strings.methodologyNote(level: context.config.level))
        let plain = TablePage(title: strings.methodologyTitle, continuedSuffix: strings.continued,
                              columns: [.init(header: strings.seriesHeader, weight: 1.1),
                                        .init(header: strings.plainMethodHeader, weight: 3.3),
                                        .init(header: strings.plainIntervalHeader, weight: 2.2)],
                              rows: Self.plainRows(context),
                              sourceNote: strings.plainMethodologyNote(consensusInBase: context.series.contains { $0.forecast.blend != nil }))
        var pages = TablePages.pages(plain, chartID: Self.chartID, context: context)

        if let backtest = context.backtest {
            // Its own entry on the contents page, so findings can cite it.
            pages += TablePages.pages(Self.backtestTable(backtest, context: context), chartID: Self.backtestID,
                                      context: context)
        }

        // Sources: every fitted series and every configured table, in config order.
        var sourceRows: [[String]] = []
        for result in context.series {
            // The vintage a series uses: its publications and the latest publication date.
            let cutoff = result.series.dataCutoff.map { strings.sentenceSeparator + strings.dataCutoff($0) } ?? ""
            sourceRows.append([result.entry.title(for: language),
                               strings.list(result.series.sources(in: strings.language)) + strings.localized("。", ".") + cutoff])
        }
        // Each table named by what it holds, as a client reads it (issue 20: not its file name).
        let tablePaths = ReportConfig.tableNames.compactMap { name in context.config.tables[name].map { (name, $0) } }
            + (context.config.penetration.map { [("penetration", $0.dataPath)] } ?? [])
        for (name, path) in tablePaths {
            guard let table = context.csvTables[path], table.optionalColumnIndex(named: "source") != nil else { continue }
            var unique: [String] = []
            for row in table.rows {
                let source = table.text(row, "source", in: strings.language)
                if !source.isEmpty && !unique.contains(source) { unique.append(source) }
            }
            sourceRows.append([strings.dataLabel(table: name) ?? Self.fileName(path), strings.list(unique)])
        }
        let sources = TablePage(title: strings.methodologyTitle + strings.localized("：", ": ") + strings.sourcesHeader,
                                continuedSuffix: strings.continued,
                                columns: [.init(header: strings.localized("数据", "Data"), weight: 1.4),
                                          .init(header: strings.sourcesHeader, weight: 4)],
                                rows: sourceRows, sourceNote: strings.sourcesReuseNote)
        pages += TablePages.pages(sources, chartID: "methodology-sources", context: context)
        pages += TablePages.pages(technical, chartID: Self.technicalID, context: context)
        return pages
    }

    static let technicalID = "methodology-technical"

    /// The methodology in sentences a client reads without statistics: per series and
    /// scenario, what the method does, the years it learns from, the assumptions in words,
    /// and how wide its interval is and why. No formula, no parameter, no statistic.
    static func plainRows(_ context: RunContext) -> [[String]] {
        let strings = context.strings
        var rows: [[String]] = []
        for result in context.series {
            let title = result.entry.title(for: strings.language)
            let support = ForecastSupport(result.forecast)
            guard support.isSupported else {
                rows.append([title, strings.plainNoForecast(actuals: support.actuals,
                                                            parameters: support.actuals - support.degreesOfFreedom), "–"])
                continue
            }
            let paths = context.scenarios.first(where: { $0.seriesID == result.entry.id })?.paths ?? []
            if paths.isEmpty {
                rows.append([title, strings.plainMethod(result.forecast), strings.plainInterval(result.forecast)])
            }
            let words = ScenarioAssumptionWords(strings: strings, series: result.series)
            for path in paths {
                let label = strings.localized(path.scenario.labelZh, path.scenario.labelEn)
                // The first clause names the model, which plainMethod already says; a consensus
                // or a blended base has no model clause to drop (the blend is its method).
                let clauses = words.clauses(path)
                let assumptions: ArraySlice<String>
                switch (path.origin, path.forecast.blend) {
                case (.consensus, _): assumptions = clauses[...]
                case (_, _?): assumptions = []
                default: assumptions = clauses.dropFirst()
                }
                let isConsensus: Bool
                if case .consensus = path.origin { isConsensus = true } else { isConsensus = false }
                rows.append(["\(title) · \(label)",
                             strings.plainMethod(path.forecast, isConsensus: isConsensus)
                                + (assumptions.isEmpty ? "" : strings.localized("。假设：", ". Assumptions: ")
                                    + assumptions.joined(separator: strings.localized("；", "; ")))
                                + (words.rationale(path).map { strings.localized("。理由：", ". Why: ") + $0 } ?? ""),
                             strings.plainInterval(path.forecast, isConsensus: isConsensus)])
            }
        }
        return rows
    }

    /// The backtest as a table: one row per method (catalog model or scenario), its signed
    /// error in each held-out year and the mean absolute percentage error; then the methods
    /// that could not be tried, with the reason.
    static func backtestTable(_ backtest: BacktestReport, context: RunContext) -> TablePage {
        let strings = context.strings
        func methodName(_ method: BacktestSubject) -> String {
            switch method {
            case .scenario(let name):
                let scenario = context.scenarios.flatMap(\.paths).map(\.scenario).first { $0.name == name }
                return scenario.map { strings.localized($0.labelZh, $0.labelEn) } ?? name
            case .model(let spec):
                return strings.modelName(spec)
            }
        }
        var rows: [[String]] = []
        for summary in backtest.summary {
            let errors = backtest.testYears.map { year -> String in
                guard let row = backtest.rows.first(where: { $0.method == summary.method && $0.year == year }),
                      row.actual != 0 else { return "–" }
                let relative = row.error / abs(row.actual)
                return (relative > 0 ? "+" : "") + NumberFormat.percent(relative)
            }
            rows.append([strings.sentenceCase(methodName(summary.method))] + errors + [NumberFormat.percent(summary.meanAbsolutePercentError)])
        }
        // Methods that could not be backtested are not rows of dashes: the note names each
        // with its reason, worded from its cause in the page's language.
        let skippedNote = backtest.skipped.isEmpty ? "" : strings.localized("", " ") + strings.backtestSkipped(
            backtest.skipped.map { (methodName($0.method), $0) })
        let series = context.result(for: backtest.seriesID)?.entry.title(for: strings.language) ?? backtest.seriesID
        return TablePage(
            title: strings.methodologyTitle + strings.localized("：", ": ") + strings.backtestTitle,
            continuedSuffix: strings.continued,
            subtitle: strings.backtestSubtitle(series: series, fitYears: backtest.fitYears, testYears: backtest.testYears),
            columns: [.init(header: strings.backtestMethod, weight: 2.2)]
                + backtest.testYears.map { .init(header: strings.backtestError(year: $0), weight: 1, alignment: .right) }
                + [.init(header: strings.averageMissHeader, weight: 1.6, alignment: .right)],
            rows: rows, sourceNote: strings.backtestNote + skippedNote
                + (BaseCaseBacktestNote.text(for: backtest.seriesID, in: context).map { strings.localized("", " ") + $0 } ?? ""))
    }

    /// The model's formula out of its description ("exponential (constant CAGR) y = …
    /// (x₀ = 2019); a = …"): the part from "y =" to the first ";", which reads the same in
    /// every language; the parameters are printed separately with their standard errors.
    static func formula(_ description: String) -> String {
        let head = description.split(separator: ";", maxSplits: 1).first.map(String.init) ?? description
        guard let start = head.range(of: "y =") else { return head }
        return String(head[start.lowerBound...])
    }

    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
