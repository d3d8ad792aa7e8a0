import MarketData

/// The words that tell a reader what kind of figure they are looking at: bounds published as
/// "超过" / "突破", years derived from a growth rate, and the data cut-off of a page. Kept in
/// one place so every chart that shows series values says it the same way, in both languages.
extension Strings {
    /// What starts a bounded value's label: "超过9,000" on Chinese pages, ">900.0" on English.
    var boundPrefixes: [ObservationBound: String] {
        [.lower: localized("超过", ">"), .upper: localized("不足", "<")]
    }

    /// The same bounds in a sentence (commentary): English says them in words.
    var proseBoundPrefixes: [ObservationBound: String] {
        [.lower: localized("超过", "more than "), .upper: localized("不足", "less than ")]
    }

    var boundLegend: String { localized("出版方所述下限（实际值更高）", "Published lower bound (true value higher)") }

    /// The mark after a derived year's label ("2023*") and its footnote.
    var derivedMark: String { "*" }
    /// A visible break in a series' growth, named in the note.
    func growthBreakNote(_ step: GrowthBreak) -> String {
        func signed(_ rate: Double) -> String { (rate > 0 ? "+" : "") + NumberFormat.percent(rate) }
        return localized("增速由 \(step.year - 1) 年的 \(signed(step.before)) 变为 \(step.year) 年的 \(signed(step.after))：序列在此出现断点，出版方未说明原因，预测对此敏感。",
                         "Growth moves from \(signed(step.before)) in \(step.year - 1) to \(signed(step.after)) in \(step.year): a break in the series the publisher does not explain, and the forecast leans on it.")
    }

    func derivedNote(_ years: [Int]) -> String {
        let list = years.map(String.init).joined(separator: localized("、", ", "))
        return localized("* \(list) 年值非直接发布，由次年值与所述同比增速推算。",
                         "* \(list): not published directly; derived from the next year's figure and its stated growth rate.")
    }

    /// Why the labels say "超过" / ">" and what the forecast does with it (README, "Bounds").
    func boundNote(_ years: [Int], kind: ObservationBound) -> String {
        let list = years.map(String.init).joined(separator: localized("、", ", "))
        switch kind {
        case .lower:
            return localized("\(list) 年为出版方所述下限（“超过”“突破”），实际值更高；模型按下限值拟合，故预测及其区间为数据所能支持的最低路径。",
                             "\(list): lower bounds as published (\"more than\"); the true values are higher. The model is fitted to the bounds, so the forecast and its interval are the lowest path the data support.")
        case .upper:
            return localized("\(list) 年为出版方所述上限（“不足”），实际值更低；模型按上限值拟合，故预测及其区间为数据所能支持的最高路径。",
                             "\(list): upper bounds as published (“less than”); the true values are lower. The model is fitted to the bounds, so the forecast and its interval are the highest path the data support.")
        }
    }

    /// "数据截至：2025-12-26（所用最新发布）": the latest publication a page uses.
    func dataCutoff(_ date: String) -> String {
        localized("数据截至：\(date)（所用最新发布日期）。", "Data cut-off: \(date) (latest publication used).")
    }

    /// Before a cut whisker's true upper end, above its arrow: "上限 5,554" / "upper 555.4".
    var clippedUpperPrefix: String { localized("上限 ", "upper ") }

    /// The page-top warning of a series too short to forecast responsibly (ForecastSupport).
    func shortSeriesWarning(actuals: Int, degreesOfFreedom: Int) -> String {
        localized("提示：仅 \(actuals) 个实际值、\(degreesOfFreedom) 个自由度，不足以作负责任的预测；E 年数值仅为拟合路径的示意，须连同其区间阅读，不作为本报告的预测结论。",
                  "Caution: only \(actuals) actuals and \(degreesOfFreedom) degree\(degreesOfFreedom == 1 ? "" : "s") of freedom, too few to forecast responsibly; the E bars only sketch the fitted path, must be read with their intervals, and are not a forecast of this report.")
    }
}
