import Forecasting
import MarketData

/// The words of the scenario and backtest exhibits, in both report languages.
extension Strings {
    public func scenarioLabel(zh: String, en: String) -> String { language == .zh ? zh : en }

    public func scenarioTitle(_ base: String, firstYear: Int, lastYear: Int) -> String {
        switch language {
        case .zh: return "\(base)：情景预测，\(firstYear)–\(lastYear)E"
        case .en: return "\(base): scenarios, \(firstYear)–\(lastYear)E"
        }
    }

    public func scenarioBand(_ scenarioLabel: String, level: Double) -> String {
        let percent = NumberFormat.percent(level, decimals: 0)
        return language == .zh ? "\(scenarioLabel)\(percent)预测区间" : "\(scenarioLabel) \(percent) prediction interval"
    }

    /// "基准情景—指数增长（恒定增速）" for each scenario, joined.
    public func scenarioModels(_ entries: [(label: String, modelName: String)]) -> String {
        entries.map { "\($0.label)\(language == .zh ? "—" : ": ")\($0.modelName)" }
            .joined(separator: language == .zh ? "，" : "; ")
    }

    /// `assumptions`: each scenario's assumptions in words (ScenarioAssumptionWords), one sentence each.
    /// `blended`: the base case is the trend weighted with the consensus, which is a weighting
    /// of two paths, not an assumption inside a fit; the note says so rather than claim otherwise.
    func scenarioNote(sources: [String], assumptions: [String], bandLabel: String?, blended: Bool = false) -> String {
        let joined = sources.joined(separator: language == .zh ? "；" : "; ")
        switch language {
        case .zh:
            return "来源：\(joined)。注：E 为 marketcast 情景预测；假设由 marketcast 分析师设定，作用于模型拟合本身，而非对结果的事后调整"
                + (blended ? "；基准情景则是统计趋势与出版方共识两条路径按所示权重的加权平均" : "")
                + (bandLabel.map { "；阴影为\($0)" } ?? "") + "。" + assumptions.joined()
        case .en:
            return "Source: \(joined). Note: E marks marketcast scenario forecasts; the assumptions are set by marketcast's analysts and act on the model fit itself, not on its output"
                + (blended ? "; the base case, instead, is the weighted mean of two paths, the statistical trend and the publishers' consensus" : "")
                + (bandLabel.map { "; the shaded band is the \($0)" } ?? "") + ". " + assumptions.joined(separator: " ")
        }
    }

    /// Appended to the market-size note: the scenario range at the horizon.
    public func scenarioRange(baseLabel: String, year: Int, low: String, high: String, unit: String) -> String {
        switch language {
        case .zh: return "图示为\(baseLabel)；\(year)E 各情景区间 \(low)–\(high)（\(unit)），见情景预测页。"
        case .en: return "Bars show the \(baseLabel.lowercased()); across scenarios \(year)E ranges \(low)–\(high) (\(unit)), see the scenario page."
        }
    }
}

/// The market-size chart's pointer to the scenario page: which scenario its bars show and
/// the spread of the scenarios at the horizon.
enum ScenarioRangeNote {
    static func text(for seriesID: String, in context: RunContext) -> String? {
        guard let fitted = context.scenarios.first(where: { $0.seriesID == seriesID }), fitted.paths.count > 1,
              let baseName = context.config.baseScenario, let base = fitted.path(named: baseName),
              let horizon = base.forecast.points.last, horizon.isEstimate else { return nil }
        let values = fitted.paths.compactMap { $0.forecast.points.last(where: { $0.year == horizon.year })?.value }
        guard let low = values.min(), let high = values.max() else { return nil }
        let strings = context.strings
        let display = strings.displayUnit(base.forecast.unit)
        let decimals = NumberFormat.chartDecimals(actuals: base.forecast.actuals.map(\.value), largest: high,
                                                  powerOfTen: display.powerOfTen)
        func format(_ v: Double) -> String { NumberFormat.grouped(display.convert(v), decimals: decimals) }
        return strings.scenarioRange(baseLabel: strings.scenarioLabel(zh: base.scenario.labelZh, en: base.scenario.labelEn),
                                     year: horizon.year, low: format(low), high: format(high), unit: display.label)
    }
}

/// A scenario's assumptions in plain words, generated from its YAML (issue 19): the model,
/// the fit window, the ceiling as a multiple and as its level, the growth limits, the
/// anchors and each shock with its year, size and cause. The scenario page and the
/// methodology page print these instead of parameter values ("g = 0.26", "K = 25000").
struct ScenarioAssumptionWords {
    let strings: Strings
    let series: MarketSeries

    /// "悲观情景：Logistic 饱和曲线；…。" for one scenario's path.
    func sentence(_ path: ScenarioPath) -> String {
        let label = strings.scenarioLabel(zh: path.scenario.labelZh, en: path.scenario.labelEn)
        let clauses = self.clauses(path)
        return strings.localized("\(label)：" + clauses.joined(separator: "；") + "。",
                                 "\(label): " + clauses.joined(separator: "; ") + ".")
            + (rationale(path).map(why) ?? "")
    }

    /// "理由：…。" / " Why: …." after a scenario's assumptions.
    private func why(_ text: String) -> String {
        let end = Self.endsSentence(text) ? "" : strings.localized("。", ".")
        return strings.localized("理由：", " Why: ") + text + end
    }

    /// The scenario file's `rationale` for the series, in the page's language.
    func rationale(_ path: ScenarioPath) -> String? {
        path.scenario.assumptions(for: series.id)?.rationale.map { strings.localized($0.zh, $0.en) }
    }

    static func endsSentence(_ text: String) -> Bool { text.last.map { "。.!?！？".contains($0) } ?? false }

    func clauses(_ path: ScenarioPath) -> [String] {
        let forecast = path.forecast
        if case .consensus(let consensus) = path.origin { return consensusClauses(consensus, unit: forecast.unit) }
        if let blend = forecast.blend { return [blendClause(blend, trendModel: strings.modelName(of: forecast))] }
        // The trend beside a blended base is the base scenario's fit: its model says it all.
        if path.origin == .trend { return [strings.modelName(of: forecast)] }
        let language = strings.language
        // An assumption is a round figure: whole units from 1,000 up, as key findings round estimates.
        func amount(_ value: Double) -> String {
            let shown = strings.displayUnit(forecast.unit).convert(value)
            return NumberFormat.amount(value, unit: forecast.unit, language: language, decimals: abs(shown) >= 1000 ? 0 : 1)
        }
        func percent(_ fraction: Double) -> String { NumberFormat.percent(fraction, decimals: fraction * 100 == (fraction * 100).rounded() ? 0 : 1) }
        var clauses = [strings.modelName(of: forecast)]
        guard let assumptions = path.scenario.assumptions(for: series.id) else { return clauses }
        let fitYears = forecast.fitYears ?? forecast.fit?.fitYears
        if let years = assumptions.fitYears {
            clauses.append(strings.localized("仅用最近 \(years) 年实际值拟合", "fitted to the last \(years) actual years only"))
        }
        switch assumptions.ceiling {
        case .absolute(let level)?:
            clauses.append(strings.localized("市场饱和上限设为 \(amount(level))", "the market saturates at \(amount(level))"))
        case .multipleOfLastActual(let multiple)?:
            // The last actual in the fit window, as the fitter takes it.
            if let last = forecast.actuals.last(where: { fitYears?.contains($0.year) ?? true }) {
                let bound = series.observation(forYear: last.year)?.bound == .lower
                let figure = bound ? strings.localized("\(last.year) 年下限值", "the \(last.year) lower bound")
                                   : strings.localized("\(last.year) 年实际值", "the \(last.year) actual")
                let times = NumberFormat.grouped(multiple, decimals: multiple == multiple.rounded() ? 0 : 1)
                clauses.append(strings.localized("市场饱和上限为 \(figure)的 \(times) 倍，即 \(amount(multiple * last.value))",
                                                 "the market saturates at \(times) times \(figure), \(amount(multiple * last.value))"))
            }
        case nil: break
        }
        for limit in assumptions.parameters {
            var words = parameterWords(limit, model: forecast.model, percent: percent)
            // A limit the fit ends on: the data alone would go beyond it, and the reader should know.
            if limit.fixed == nil, let fitted = forecast.fit?.parameters.first(where: { $0.name == limit.name })?.value {
                if let low = limit.minimum, abs(fitted - low) <= 1e-9 * max(1, abs(low)) {
                    words += strings.localized("（数据本身的趋势更低，拟合取此下限）", " (the data alone point lower, so the fit sits at this floor)")
                } else if let high = limit.maximum, abs(fitted - high) <= 1e-9 * max(1, abs(high)) {
                    words += strings.localized("（数据本身的趋势更高，拟合取此上限）", " (the data alone point higher, so the fit sits at this cap)")
                }
            }
            clauses.append(words)
        }
        for anchor in assumptions.anchors {
            switch anchor.kind {
            case .soft(let tolerance):
                clauses.append(strings.localized("\(anchor.year) 年预期约 \(amount(anchor.value))（容差 ±\(percent(tolerance))，作为参考值参与拟合）",
                                                 "\(anchor.year) expected near \(amount(anchor.value)) (±\(percent(tolerance)), weighed in the fit)"))
            case .hard:
                clauses.append(strings.localized("\(anchor.year) 年须达到 \(amount(anchor.value))",
                                                 "\(anchor.year) must reach \(amount(anchor.value))"))
            }
        }
        for shock in assumptions.shocks {
            let size = percent(abs(shock.size))
            let direction = shock.size < 0 ? strings.localized("下调", "lower") : strings.localized("上调", "higher")
            let cause = shock.cause.map { strings.localized($0.zh, $0.en) }
            clauses.append(strings.localized(
                "自 \(shock.year) 年起，" + (cause.map { "\($0)，" } ?? "") + "市场规模水平\(direction) \(size)",
                "from \(shock.year) on, the level is \(size) \(direction)" + (cause.map { " (\($0))" } ?? "")))
        }
        if assumptions.fitYears == nil && assumptions.ceiling == nil && assumptions.parameters.isEmpty
            && assumptions.anchors.isEmpty && assumptions.shocks.isEmpty, let years = fitYears {
            clauses.append(strings.localized("延续 \(years.lowerBound)–\(years.upperBound) 年实际值的趋势，不加其他假设",
                                             "the trend of the \(years.lowerBound)–\(years.upperBound) actuals continues, with no further assumption"))
        }
        return clauses
    }

    /// A growth limit in words: the exponential's `g` is its annual growth; other parameters
    /// are named as the model's and given as numbers.
    private func parameterWords(_ limit: SeriesAssumptions.ParameterLimit, model: ForecastModel,
                                percent: (Double) -> String) -> String {
        let isGrowth = limit.name == "g" && model == .curve(.exponential)
        func value(_ v: Double) -> String { isGrowth ? percent(v) : NumberFormat.grouped(v, decimals: abs(v) >= 100 ? 0 : 2) }
        let subject = isGrowth ? strings.localized("年增速", "annual growth")
                               : strings.localized("模型参数 \(limit.name)", "the model's parameter \(limit.name)")
        if let fixed = limit.fixed { return strings.localized("\(subject)固定为 \(value(fixed))", "\(subject) fixed at \(value(fixed))") }
        switch (limit.minimum, limit.maximum) {
        case let (low?, high?):
            return strings.localized("\(subject)介于 \(value(low)) 与 \(value(high)) 之间", "\(subject) between \(value(low)) and \(value(high))")
        case let (low?, nil):
            return strings.localized("\(subject)不低于 \(value(low))", "\(subject) of at least \(value(low))")
        case let (nil, high?):
            return strings.localized("\(subject)不高于 \(value(high))", "\(subject) of at most \(value(high))")
        case (nil, nil):
            return subject
        }
    }
}
