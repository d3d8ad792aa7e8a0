import Forecasting
import Numerics
import MarketData

/// Every piece of text a report prints, in each language it can be printed in. Charts and
/// pages take their words from here so `--lang en` changes all of them at once.
public struct Strings: Sendable {
    public let language: DisplayLanguage

    public init(language: DisplayLanguage) { self.language = language }

    /// "中国AI市场规模，2019–2027E": the base title, the first year and the horizon.
    public func rangeTitle(_ base: String, firstYear: Int, lastYear: Int, lastIsEstimate: Bool) -> String {
        let last = "\(lastYear)\(lastIsEstimate ? "E" : "")"
        switch language {
        case .zh: return "\(base)，\(firstYear)–\(last)"
        case .en: return "\(base), \(firstYear)–\(last)"
        }
    }

    public func yearLabel(_ year: Int, isEstimate: Bool) -> String { "\(year)\(isEstimate ? "E" : "")" }

    /// How the series' unit is shown in this language, e.g. 亿元 → CNY bn with values ÷ 10.
    public func displayUnit(_ unit: String) -> DisplayUnit {
        NumberFormat.displayUnit(for: unit, language: language)
    }

    public func unitCaption(_ unit: String) -> String {
        NumberFormat.unitCaption(for: unit, language: language)
    }

    public var actual: String { language == .zh ? "实际值" : "Actual" }
    public var estimate: String { language == .zh ? "预测值（E）" : "Forecast (E)" }
    public func interval(level: Double) -> String {
        let percent = NumberFormat.percent(level, decimals: 0)
        return language == .zh ? "\(percent)预测区间" : "\(percent) prediction interval"
    }

    public func cagrLabel(_ rate: Double) -> String {
        "CAGR \(NumberFormat.percent(rate, decimals: 1))"
    }
    /// The label from or to a published bound: "CAGR ≤15.2%" from a lower bound.
    func cagrLabel(_ rate: Double, start: ObservationBound?, end: ObservationBound?) -> String {
        let percent = NumberFormat.percent(rate, decimals: 1)
        switch (start, end) {
        case (.lower?, nil), (nil, .upper?): return "CAGR ≤\(percent)"
        case (.upper?, nil), (nil, .lower?): return "CAGR ≥\(percent)"
        default: return "CAGR \(percent)"
        }
    }

    /// The name of the model behind a forecast as a reader knows it: `auto` with the members
    /// it combined.
    public func modelName(of forecast: SeriesForecast) -> String {
        modelName(forecast.model, members: forecast.combination.map(\.method))
    }

    /// The note on a series with natural bounds: the bound is the analyst's, not the source's.
    func boundsNote(_ bounds: NaturalBounds) -> String {
        localized("预测值及其区间以 \(bounds.description) 为界：这是分析师按指标性质设定的界限，并非出处数据。",
                  "Forecasts and their intervals are held within \(bounds.description): a bound the analyst set from the nature of the measure, not a published figure.")
    }

    /// The name without `auto`'s member list, where a sentence has no room for it (key
    /// findings): the chart's note and the methodology list the members.
    public func shortModelName(of forecast: SeriesForecast) -> String {
        forecast.combination.count > 1 ? localized("组合预测", "combination forecast") : modelName(of: forecast)
    }

    /// A model's name as a reader knows it; `members`: the methods `auto` combined.
    public func modelName(_ model: ForecastModel, members: [YearlyMethod] = []) -> String {
        let name: (zh: String, en: String)
        switch model {
        case .yearly(.auto) where members.count > 1:
            return combinationName(members)
        case .yearly(.auto): name = ("组合预测（默认方法）", "combination forecast (default method)")
        case .yearly(.method(let method)): name = Self.name(of: method)
        case .curve(let kind): name = Self.name(of: kind)
        case .formula: name = ("分析师自定义公式", "analyst's formula")
        // Not a model: the publishers' forecasts as a path (Forecasting/Scenarios/Consensus.swift).
        case .consensus: name = ("出版方公布的预测", "the publishers' published forecasts")
        }
        return language == .zh ? name.zh : name.en
    }

    /// A catalog model's name as a reader knows it (`curves`: the ranked curves).
    public func modelName(_ spec: ModelSpec) -> String {
        guard let model = ForecastModel(spec) else { return localized("最优增长曲线", "best-fitting growth curve") }
        return modelName(model)
    }

    private static func name(of kind: GrowthModelKind) -> (zh: String, en: String) {
        switch kind {
        case .linear: return ("线性趋势", "linear trend")
        case .exponential: return ("指数增长（恒定增速）", "exponential growth (constant rate)")
        case .logistic: return ("Logistic 饱和曲线", "logistic saturation curve")
        case .gompertz: return ("Gompertz 曲线", "Gompertz curve")
        case .richards: return ("Richards 广义 Logistic 曲线", "Richards generalised logistic curve")
        case .bass: return ("Bass 扩散模型", "Bass diffusion model")
        case .monomolecular: return ("单分子饱和曲线", "monomolecular saturation curve")
        }
    }

    private static func name(of method: YearlyMethod) -> (zh: String, en: String) {
        switch method {
        case .naive: return ("朴素预测（沿用末值）", "naive forecast (last value)")
        case .drift: return ("按年均增量外推（漂移法）", "average yearly change carried forward (drift)")
        case .ses: return ("简单指数平滑", "simple exponential smoothing")
        case .theta: return ("Theta 法", "Theta method")
        case .damped: return ("阻尼趋势指数平滑", "damped-trend exponential smoothing")
        case .driftLog: return ("按年均增速外推（对数漂移法）", "average growth rate carried forward (log drift)")
        case .thetaLog: return ("对数 Theta 法", "Theta method on the log scale")
        case .dampedLog: return ("对数阻尼趋势指数平滑", "damped trend on the log scale")
        }
    }

    /// What a member of `auto` carries forward, in words a client reads (no "drift").
    private static func carriedForward(by method: YearlyMethod) -> (zh: String, en: String) {
        switch method {
        case .drift: return ("年均增量", "the yearly change")
        case .damped: return ("逐年减弱的增量", "a fading yearly change")
        case .driftLog: return ("年均增速", "the growth rate")
        case .dampedLog: return ("逐年减弱的增速", "a fading growth rate")
        case .theta: return ("平滑趋势", "a smoothed trend")
        case .thetaLog: return ("平滑增速", "a smoothed growth rate")
        case .naive: return ("末值", "the last value")
        case .ses: return ("平滑水平", "a smoothed level")
        }
    }

    /// `auto` with the members it combined.
    private func combinationName(_ members: [YearlyMethod]) -> String {
        let listed = members.map { localized(Self.carriedForward(by: $0).zh, Self.carriedForward(by: $0).en) }
        // A median of two values is their mean: say "average" for two members.
        if listed.count == 2 {
            return language == .zh ? "组合预测（按\(listed[0])与按\(listed[1])外推的平均）"
                                   : "combination forecast (average of two trends: \(listed[0]) and \(listed[1]))"
        }
        let all = language == .zh ? listed.joined(separator: "、按") : listed.dropLast().joined(separator: ", ") + " and " + (listed.last ?? "")
        return language == .zh ? "组合预测（分别按\(all)外推，每年取中间值）"
                               : "combination forecast (each year's middle value of \(listed.count) trends: \(all))"
    }

    /// The note under a chart: where the actuals come from and what made the estimates.
    /// `fromBacktestErrors`: the intervals come from out-of-sample errors (the yearly
    /// methods and `auto`), not from the curve's own fit.
    /// `blend`: the estimates are a base case declared as the trend weighted with the
    /// publishers' consensus, and the interval is the trend's carried to that level.
    public func sourceNote(sources: [String], model forecastModel: ForecastModel, members: [YearlyMethod] = [],
                           fitYears: ClosedRange<Int>?, level: Double, fromBacktestErrors: Bool = false,
                           blend: BaseBlend? = nil) -> String {
        let joinedSources = sources.joined(separator: language == .zh ? "；" : "; ")
        let percent = NumberFormat.percent(level, decimals: 0)
        let model = modelName(forecastModel, members: members)
        if let blend {
            let ratio = ScenarioAssumptionWords.ratio(blend)
            let window = fitYears.map { language == .zh ? "，以 \($0.lowerBound)–\($0.upperBound) 年实际值拟合" : ", fitted to the \($0.lowerBound)–\($0.upperBound) actuals" } ?? ""
            return language == .zh
                ? "来源：\(joinedSources)。注：E 为 marketcast 基准情景，由统计趋势（\(model)\(window)）与出版方共识按 \(ratio) 加权而成（marketcast 分析师的判断）；误差线为统计趋势的\(percent)预测区间，按同一比例移至基准水平。"
                : "Source: \(joinedSources). Note: E marks marketcast's base case, the statistical trend (\(model)\(window)) weighted \(ratio) with the publishers' consensus (marketcast's judgement); whiskers show the trend's \(percent) prediction interval, scaled to the base level."
        }
        switch language {
        case .zh:
            let window = fitYears.map { "，以 \($0.lowerBound)–\($0.upperBound) 年实际值拟合" } ?? ""
            let origin = fromBacktestErrors ? "，区间来自同一方法在大量历史序列上的预测误差（见方法说明）" : ""
            return "来源：\(joinedSources)。注：E 为 marketcast 预测值，模型为\(model)\(window)；误差线为\(percent)预测区间\(origin)。"
        case .en:
            let window = fitYears.map { ", fitted to the \($0.lowerBound)–\($0.upperBound) actuals" } ?? ""
            let article = model.first.map { "aeiou".contains($0) } == true ? "an" : "a"
            let origin = fromBacktestErrors ? " from the same method's misses on many past series (see the methodology)" : ""
            return "Source: \(joinedSources). Note: E marks marketcast forecasts from \(article) \(model)\(window); "
                + "whiskers show \(percent) prediction intervals\(origin)."
        }
    }
}
