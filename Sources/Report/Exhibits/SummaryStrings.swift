import MarketData

/// The words of the executive summary, in both report languages.
extension Strings {
    var summaryTitle: String { localized("执行摘要", "Executive summary") }
    func summarySubtitle(_ quarter: String) -> String {
        localized("\(quarter) 季度版要点：市场规模、预测与区间、三项结论", "\(quarter) edition at a glance: market size, forecasts with intervals, three findings")
    }
    var summaryFindingsTitle: String { localized("三项要点", "Three findings") }
    func summaryTableTitle(level: Double) -> String {
        localized("预测一览（括号内为\(interval(level: level))）", "Forecasts (in brackets: the \(interval(level: level)))")
    }
    var summarySeriesHeader: String { localized("序列", "Series") }
    var summaryLastActualHeader: String { localized("最新实际值", "Last actual") }
    func summaryUnit(_ caption: String) -> String { localized("（\(caption)）", " (\(caption))") }
    /// The CAGR cell of a series too short to forecast (ForecastSupport).
    var summaryNoForecast: String { localized("数据不足，\n不作预测", "too short\nto forecast") }
    var summaryYearSeparator: String { localized("：", ": ") }
    func summaryChartNote(page: Int?) -> String {
        let at = page.map { localized("第 \($0) 页", "p. \($0)") } ?? localized("图表一", "exhibit 1")
        return localized("来源、数据版本与口径说明见\(at)。", "Sources, data vintage and definition: see \(at).")
    }
    func summaryNote(sources: [String], preliminary: Bool = false) -> String {
        sourceLine(sources) + localized("。注：E 为 marketcast 预测；“超过”为出版方所述下限；" + (preliminary ? "p 为初步数（于该年结束前发布）；" : "") + "自下限起算的增速为上限（“至多”）；各序列口径不同，不可相加。",
                                        ". Note: E marks marketcast forecasts; “>” is a publisher's lower bound" + (preliminary ? "; p marks a preliminary figure (stated before its year closed)" : "") + ", and growth from a lower bound is an upper limit (“at most”); the series have different definitions and do not add up.")
    }
}
