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

    public func scenarioNote(sources: [String], models: String, bandLabel: String?) -> String {
        let joined = sources.joined(separator: language == .zh ? "；" : "; ")
        switch language {
        case .zh:
            return "来源：\(joined)。注：E 为 marketcast 情景预测（\(models)）；假设（饱和上限、锚点、参数范围、冲击）为 marketcast 分析师设定，均作用于模型拟合，各情景的模型与参数见方法说明页"
                + (bandLabel.map { "；阴影为\($0)" } ?? "") + "。"
        case .en:
            return "Source: \(joined). Note: E marks marketcast scenario forecasts (\(models)); the assumptions (ceilings, anchors, parameter ranges, shocks) are set by marketcast's analysts and act on the model fit; each scenario's model and parameters are on the methodology page"
                + (bandLabel.map { "; the shaded band is the \($0)" } ?? "") + "."
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
