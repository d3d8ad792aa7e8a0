import Forecasting
import MarketData

/// The words of the forecast comparison, in both report languages.
extension Strings {
    var comparisonTitle: String { localized("预测对比：本报告与已发布预测", "Forecasts compared: marketcast and published forecasts") }
    var comparisonSubtitle: String {
        localized("各出版方口径不同，数值只在同一口径内可比；增速可跨口径参照",
                  "Publishers define the market differently: levels compare only within one definition; growth rates can be set side by side")
    }
    var comparisonPublisher: String { localized("出版方（发布时间）", "Publisher (published)") }
    var comparisonDefinition: String { localized("口径", "Definition") }
    var comparisonPublished: String { localized("出版方预测", "Published forecast") }
    var comparisonOurs: String { localized("本报告（对应序列）", "marketcast (our series)") }
    func comparisonPublishedOn(_ date: String) -> String { localized("（\(date)）", " (\(date))") }
    var comparisonUndated: String { localized("（发布时间未注明）", " (date not stated)") }
    var comparisonNoSeries: String {
        localized("口径不同，本报告无可比序列，水平值不作比较", "Different definition: no series of ours to compare levels with")
    }
    func comparisonBeyondHorizon(title: String, horizon: Int) -> String {
        localized("超出本报告预测期（\(title)至 \(horizon)E）", "Beyond our horizon (\(title) to \(horizon)E)")
    }
    func comparisonNoYear(title: String, year: Int) -> String {
        localized("\(title)无 \(year) 年数值", "\(title) has no value for \(year)")
    }
    func comparisonActual(title: String, year: Int, amount: String) -> String {
        localized("\(title) \(year) 年已有实际值：\(amount)", "\(title) \(year) is published: \(amount)")
    }
    func comparisonScenarioValue(label: String, amount: String) -> String {
        // "基准情景 15.2%", but "基准情景至多 15.2%": no space before a Chinese word.
        localized(amount.first?.isASCII == true ? "\(label) \(amount)" : "\(label)\(amount)", "\(label) \(amount)")
    }
    func comparisonNoForecast(title: String, page: Int?) -> String {
        let at = page.map { localized("，见第 \($0) 页", "; see p. \($0)") } ?? ""
        return localized("\(title)：实际值太少，本报告不作预测\(at)", "\(title): too few actuals; no forecast of ours\(at)")
    }
    var comparisonOwnForecast: String { localized("本报告预测", "our forecast") }
    func comparisonInterval(level: Double, lower: String, upper: String) -> String {
        localized("（\(interval(level: level))：\(lower)–\(upper)）", " (\(interval(level: level)): \(lower)–\(upper))")
    }
    func comparisonOursAt(title: String, year: Int, parts: [String]) -> String {
        localized("\(title) \(year)E：", "\(title) \(year)E: ") + parts.joined(separator: localized("；", "; "))
    }
    func comparisonOursGrowth(title: String, fromYear: Int, toYear: Int, parts: [String]) -> String {
        localized("\(title) \(fromYear)–\(toYear)E CAGR：", "\(title) \(fromYear)–\(toYear)E CAGR: ")
            + parts.joined(separator: localized("；", "; "))
    }
    /// `blend`: the base case weighs the publishers' consensus in, so the note says which forecasts enter it.
    func comparisonNote(sources: [String], scenarioPage: Int?, blend: BaseBlend? = nil) -> String {
        let page = scenarioPage.map { localized("（情景见第 \($0) 页）", " (scenarios on p. \($0))") } ?? ""
        let use = blend.map { blend in
            let ratio = ScenarioAssumptionWords.ratio(blend)
            return localized("出版方预测为其发布时的预测，均未用于本报告拟合；与本报告序列同口径的规模预测及各出版方的增速构成“出版方共识”，基准情景由统计趋势与之按 \(ratio) 加权而成（marketcast 分析师的判断）。",
                             "published forecasts are as published at the time and none is used in our fits; the same-definition levels and the publishers' growth rates make the “publishers' consensus”, which the base case weighs \(ratio) with the statistical trend (marketcast's judgement).")
        } ?? localized("出版方预测为其发布时的预测，均未用于本报告拟合。", "published forecasts are as published at the time and none is used in our fits.")
        return sourceLine(sources) + localized(
            "。注：“超过”为出版方所述下限；\(use)本报告的数值为各情景\(page)或该序列模型的预测，按情景假设拟合；CAGR 只在本报告预测期内与出版方的期间重叠的年份计算；自下限起算的增速为上限（“至多”）。",
            ". Note: “>” is the publisher's lower bound; \(use) Our figures are the scenarios\(page) or the series' model, fitted under the scenario assumptions; our CAGR covers only the years where our horizon overlaps the publisher's period, and from a lower bound it is an upper limit (“at most”).")
    }
}
