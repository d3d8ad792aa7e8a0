import Forecasting
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
        modelName(forecast.modelName, members: forecast.combination.map(\.method))
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

    /// A catalog model's name as a reader knows it; `members`: the methods `auto` combined.
    public func modelName(_ catalogName: String, members: [YearlyMethod] = []) -> String {
        let names: [String: (zh: String, en: String)] = [
            "linear": ("线性趋势", "linear trend"),
            "exponential": ("指数增长（恒定增速）", "exponential growth (constant rate)"),
            "logistic": ("Logistic 饱和曲线", "logistic saturation curve"),
            "gompertz": ("Gompertz 曲线", "Gompertz curve"),
            "richards": ("Richards 广义 Logistic 曲线", "Richards generalised logistic curve"),
            "bass": ("Bass 扩散模型", "Bass diffusion model"),
            "monomolecular": ("单分子饱和曲线", "monomolecular saturation curve"),
            "formula": ("分析师自定义公式", "analyst's formula"),
            "auto": ("组合预测（默认方法）", "combination forecast (default method)"),
            "naive": ("朴素预测（沿用末值）", "naive forecast (last value)"),
            "drift": ("按年均增量外推（漂移法）", "average yearly change carried forward (drift)"),
            "ses": ("简单指数平滑", "simple exponential smoothing"),
            "theta": ("Theta 法", "Theta method"),
            "damped": ("阻尼趋势指数平滑", "damped-trend exponential smoothing"),
            "drift-log": ("按年均增速外推（对数漂移法）", "average growth rate carried forward (log drift)"),
            "theta-log": ("对数 Theta 法", "Theta method on the log scale"),
            "damped-log": ("对数阻尼趋势指数平滑", "damped trend on the log scale"),
            // Not a model: the publishers' forecasts as a path (Forecasting/Scenarios/Consensus.swift).
            Consensus.pathName: ("出版方公布的预测", "the publishers' published forecasts"),
        ]
        if catalogName == YearlyModel.auto.name && members.count > 1 {
            // What each member carries forward, in words a client reads (no "drift").
            let short: [String: (zh: String, en: String)] = [
                "drift": ("年均增量", "the yearly change"),
                "damped": ("逐年减弱的增量", "a fading yearly change"),
                "drift-log": ("年均增速", "the growth rate"),
                "damped-log": ("逐年减弱的增速", "a fading growth rate"),
                "theta": ("平滑趋势", "a smoothed trend"), "theta-log": ("平滑增速", "a smoothed growth rate"),
                "naive": ("末值", "the last value"), "ses": ("平滑水平", "a smoothed level"),
                "logistic": ("Logistic 曲线", "a logistic curve"),
            ]
            let listed = members.map { member in short[member.rawValue].map { language == .zh ? $0.zh : $0.en } ?? member.rawValue }
            // A median of two values is their mean: say "average" for two members.
            if listed.count == 2 {
                return language == .zh ? "组合预测（按\(listed[0])与按\(listed[1])外推的平均）"
                                       : "combination forecast (average of two trends: \(listed[0]) and \(listed[1]))"
            }
            let all = language == .zh ? listed.joined(separator: "、按") : listed.dropLast().joined(separator: ", ") + " and " + (listed.last ?? "")
            return language == .zh ? "组合预测（分别按\(all)外推，每年取中间值）"
                                   : "combination forecast (each year's middle value of \(listed.count) trends: \(all))"
        }
        guard let name = names[catalogName] else { return catalogName }
        return language == .zh ? name.zh : name.en
    }

    /// The note under a chart: where the actuals come from and what made the estimates.
    /// `fromBacktestErrors`: the intervals come from out-of-sample errors (the yearly
    /// methods and `auto`), not from the curve's own fit.
    /// `blend`: the estimates are a base case declared as the trend weighted with the
    /// publishers' consensus, and the interval is the trend's carried to that level.
    public func sourceNote(sources: [String], modelName catalogName: String, members: [YearlyMethod] = [],
                           fitYears: ClosedRange<Int>?, level: Double, fromBacktestErrors: Bool = false,
                           blend: BaseBlend? = nil) -> String {
        let joinedSources = sources.joined(separator: language == .zh ? "；" : "; ")
        let percent = NumberFormat.percent(level, decimals: 0)
        let model = modelName(catalogName, members: members)
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
