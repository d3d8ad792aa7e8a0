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

    /// An estimate of a year before the edition's: not a forecast.
    func pastEstimateLabel(_ year: Int) -> String { localized("\(year)（估）", "\(year) est.") }
    func pastEstimateNote(_ years: [Int], editionYear: Int) -> String {
        let zh = years.map { "\($0)（估）" }.joined(separator: "、"), en = years.map { "\($0) est." }.joined(separator: ", ")
        return localized("\(zh)：早于本期报告（\(editionYear) 年）的年份，出版方未发布数据，图示为模型对过去的估计，不是预测。",
                         "\(en): years before this edition (\(editionYear)) that the publisher has not published; the bars are the model's estimates of the past, not forecasts.")
    }

    /// The mark after a preliminary year's label ("2025p"), as statistical offices mark one.
    var preliminaryMark: String { "p" }
    /// The footnote of preliminary years: stated before the year closed, may be revised.
    func preliminaryNote(_ figures: [(year: Int, published: String)]) -> String {
        let zh = figures.map { "\($0.year) 年" + ($0.published.isEmpty ? "" : "（\($0.published) 发布）") }.joined(separator: "、")
        let en = figures.map { "\($0.year)" + ($0.published.isEmpty ? "" : " (published \($0.published))") }.joined(separator: ", ")
        return localized("p \(zh)为初步数：于该年结束前发布，全年最终数可能修订。",
                         "p \(en): preliminary, stated before the year closed; the final figure may be revised.")
    }
    /// After a preliminary figure quoted in a sentence: "超过10,000亿元（初步数）".
    var preliminarySuffix: String { localized("（初步数）", " (preliminary)")
    }

    func derivedNote(_ years: [Int]) -> String {
        let list = years.map(String.init).joined(separator: localized("、", ", "))
        return localized("* \(list) 年值非直接发布，由次年值与所述同比增速推算。",
                         "* \(list): not published directly; derived from the next year's figure and its stated growth rate.")
    }

    /// Why the labels say "超过" / ">" and what the forecast does with it (docs/user-guide.md, "Bounds").
    func boundNote(_ years: [Int], kind: ObservationBound) -> String {
        let list = years.map(String.init).joined(separator: localized("、", ", "))
        switch kind {
        case .lower:
            // Curves fit them as censored (CensoredFit); the yearly methods start from them.
            return localized("\(list) 年为出版方所述下限（“超过”“突破”），实际值更高；增长曲线可高于下限，趋势外推从下限出发，是数据所能支持的最低路径。",
                             "\(list): lower bounds as published (\"more than\"); the true values are higher. Curves may lie above them; the trend starts from them, the lowest path the data support.")
        case .upper:
            return localized("\(list) 年为出版方所述上限（“不足”），实际值更低；模型按上限值拟合，故预测及其区间为数据所能支持的最高路径。",
                             "\(list): upper bounds as published (“less than”); the true values are lower. The model is fitted to the bounds, so the forecast and its interval are the highest path the data support.")
        }
    }

    var linkedLegend: String { localized("按旧版增速回推（非公布值）", "Linked by older growth (not published)") }
    /// The years carried back by an older vintage's growth, named with that vintage's sources.
    func linkedNote(from: Int, to: Int, anchor: Int, sources: [String]) -> String {
        let years = from == to ? "\(from)" : "\(from)–\(to)"
        let cited = sources.joined(separator: localized("、", ", "))
        return localized("\(years) 年为链接值：自 \(anchor) 年的新版数值起，按旧版（\(cited)）的同比增速逐年回推，不是公布值；两个版本的数值从不拼接。",
                         "\(years): linked, carried back from the new vintage's \(anchor) figure by the older vintage's year-on-year growth (\(cited)); not published figures, and the two vintages' levels are never spliced.")
    }

    /// A year several sources bound: every source with its figure, and which drives the fit.
    func severalSourcesNote(tightest: Observation, others: [Observation], unit: String) -> String {
        let rows = ([tightest] + others).sorted { $0.value < $1.value }
        let listed = rows.map { row in
            row.source(in: language) + " " + (row.bound.flatMap { proseBoundPrefixes[$0] } ?? "")
                + NumberFormat.amount(row.value, unit: unit, language: language)
        }.joined(separator: localized("；", "; "))
        let which = tightest.bound == .upper ? localized("最低的上限", "the lowest upper bound") : localized("最高的下限", "the highest lower bound")
        return localized("\(tightest.year) 年有 \(rows.count) 个来源：\(listed)；拟合取其中\(which)。",
                         "\(tightest.year) has \(rows.count) sources: \(listed); the fit takes \(which).")
    }

    /// "数据截至：2025-12-26（所用最新发布）": the latest publication a page uses.
    func dataCutoff(_ date: String) -> String {
        localized("数据截至：\(date)（所用最新发布日期）。", "Data cut-off: \(date) (latest publication used).")
    }

    /// Before a cut whisker's true upper end, above its arrow: "上限 5,554" / "upper 555.4".
    var clippedUpperPrefix: String { localized("上限 ", "upper ") }

    /// The page-top warning of a series too short to forecast responsibly (ForecastSupport).
    func shortSeriesWarning(actuals: Int, degreesOfFreedom: Int) -> String {
        localized("提示：仅 \(actuals) 个实际值，而模型需估计 \(actuals - degreesOfFreedom) 个参数，只余 \(degreesOfFreedom) 个数据点检验拟合，不足以作负责任的预测；本报告对该序列不作预测，本页只列实际值，出版方当时的预测见注。",
                  "Caution: only \(actuals) actuals for a model that estimates \(actuals - degreesOfFreedom) parameters, leaving \(degreesOfFreedom) data point\(degreesOfFreedom == 1 ? "" : "s") to check the fit: too few to forecast responsibly; this report makes no forecast of the series, and the page shows the actuals only (the publisher's own forecasts at the time are in the note).")
    }
}
