import MarketData

// The words of the penetration scoring rubric (the appendix page), in both languages: what
// each indicator's 1 and 5 mean, as the scores in datasets/industry-indicators.csv were
// given (its `rubric` column argues each score from the report's text).

extension Strings {
    /// What a score of 1 and of 5 mean for an indicator; a column the rubric does not know
    /// gets the table's general reading (1 holds adoption back, 5 favours it).
    func rubricAnchors(_ column: String) -> (one: String, five: String) {
        let anchors: [String: (zh: (String, String), en: (String, String))] = [
            "digitalisation": (("业务多在线下、纸面，数字化数据少", "业务已全面数字化"),
                               ("work mostly offline or on paper, little digital data", "work already fully digital")),
            "data_openness": (("数据私密封闭、严格管控（如病历）", "文档与流程数据可随时供模型使用"),
                              ("data private and closed, tightly controlled (e.g. patient records)", "documents and workflows readily available to models")),
            "acceptance": (("行业不接受或明显质疑大模型", "报告称已全面采用"),
                           ("the industry rejects or doubts large models", "the report describes full adoption")),
            "accuracy_tolerance": (("错误危及生命或安全，不可接受", "产出经人工核对，错误代价低"),
                                   ("errors endanger lives or safety", "output checked by people, errors cheap")),
            "value_at_stake": (("较传统 AI 增量价值低", "关乎高价值决策或资产"),
                               ("little value added over classical AI", "high-value decisions or assets")),
            "deployments": (("报告文字中无落地案例", "报告称已全面落地"),
                            ("no case in the report's text", "the report describes deployment as complete")),
        ]
        guard let known = anchors[column] else {
            return (localized("最不利于落地", "holds adoption back most"), localized("最利于落地", "favours adoption most"))
        }
        return language == .zh ? known.zh : known.en
    }

    var rubricTitle: String { localized("附录：推进程度评分细则（marketcast 评分）", "Appendix: adoption-progress scoring rubric (marketcast scoring)") }
    var rubricSubtitle: String {
        localized("各指标由 marketcast 依报告“推进程度”文字逐行业评为 1–5 的整数；各行业得分见下页",
                  "marketcast scored each indicator per industry in whole steps 1–5 from the report's text on adoption progress; every industry's scores are on the next page")
    }
    var rubricIndicatorHeader: String { localized("指标", "Indicator") }
    var rubricWeightHeader: String { localized("权重", "Weight") }
    var scoresTitle: String { localized("附录：各行业推进程度评分（marketcast 评分）", "Appendix: adoption-progress scores by industry (marketcast scoring)") }
    var scoresSubtitle: String {
        localized("各指标 1–5 分（评分细则见上页），综合得分 0–100 取整数；按名次排列",
                  "Indicators scored 1–5 (rubric on the previous page); composite 0–100 in whole points; in rank order")
    }
    var rubricScaleHeader: String { localized("量表", "Scale") }
    var rubricOneHeader: String { localized("1 分表示", "1 means") }
    var rubricFiveHeader: String { localized("5 分表示", "5 means") }
    var rubricScale: String { "1–5" }
    func rubricWeight(_ weight: Double) -> String {
        let text = NumberFormat.grouped(weight, decimals: weight == weight.rounded() ? 0 : 2)
        return weight > 0 ? text : localized("0（仅作气泡大小）", "0 (bubble size only)")
    }
    var rubricComposite: String { localized("综合得分", "Composite score") }
    var rubricCompositeScale: String { "0–100" }
    var rubricCompositeLow: String { localized("各指标均为所有行业中最低", "lowest of all industries on every indicator") }
    var rubricCompositeHigh: String { localized("各指标均为所有行业中最高", "highest of all industries on every indicator") }
    var rubricRank: String { localized("名次", "Rank") }
    func rubricNote(sources: [String]) -> String {
        let joined = sources.joined(separator: localized("；", "; "))
        return localized("来源：\(joined)。注：评分为 marketcast 的分析判断，非报告所列数字；每个评分依据的报告原话与理由逐项记录在评分数据中。综合得分为归一化后的加权平均，四舍五入至整数（min-max 归一化下，0 与 100 分别对应各指标在各行业中的最低分与最高分）。",
                         "Source: \(joined). Note: the scores are marketcast's analyst judgement, not figures the report prints; each score's reason, from the report's wording, is recorded with the scoring data. The composite is the weighted mean after normalisation, rounded to whole points (under min-max normalisation, 0 and 100 are each indicator's lowest and highest score across the industries).")
    }
}
