import Forecasting
import MarketData

// The words of the industry penetration (推进程度) pages, in both languages. Kept beside
// the exhibit rather than in Strings.swift so the shared file stays small.

extension Strings {
    /// The ranking's highlight legend: what the accent bars are.
    func topRanksLegend(_ count: Int) -> String {
        localized("排名前 \(count) 的行业", "Top \(count) industries")
    }

    private func pick(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    func industryName(_ industry: IndustryIndicators) -> String {
        language == .zh || industry.nameEn.isEmpty ? industry.nameZh : industry.nameEn
    }

    /// An indicator column's name as readers know it; unknown columns keep their own name.
    func indicatorName(_ column: String) -> String {
        let names: [String: (zh: String, en: String)] = [
            "digitalisation": ("数字化", "digitalisation"),
            "data_openness": ("数据开放", "data openness"),
            "acceptance": ("接受度", "acceptance"),
            "accuracy_tolerance": ("容错度", "error tolerance"),
            "value_at_stake": ("价值空间", "value at stake"),
            "deployments": ("落地案例", "deployments"),
        ]
        guard let name = names[column] else { return column }
        return pick(name.zh, name.en)
    }

    func normalisationName(_ method: PenetrationNormalisation) -> String {
        switch method {
        case .minMax: return pick("min-max 归一化", "min-max normalisation")
        case .zScore: return pick("z 分数标准化（经正态分布映射至 0–100）", "z-scores (mapped to 0–100 through the normal CDF)")
        }
    }

    /// Said in every penetration title: the index is marketcast's scoring of the report's
    /// wording, not a figure any publisher printed.
    var ownScoringMark: String { pick("（marketcast 评分）", " (marketcast scoring)") }

    func penetrationRankingTitle(year: Int) -> String {
        pick("大模型行业推进程度指数\(ownScoringMark)，\(year)", "Large-model adoption-progress index by industry\(ownScoringMark), \(year)")
    }
    var penetrationScoreUnit: String { pick("综合得分（0–100，整数）", "Composite score (0–100, whole points)") }

    /// "数字化 1、数据开放 1 …": the weights as configured.
    func weightList(indicators: [String], weights: [Double]) -> String {
        zip(indicators, weights).filter { $0.1 > 0 }
            .map { "\(indicatorName($0.0)) \(NumberFormat.grouped($0.1, decimals: $0.1 == $0.1.rounded() ? 0 : 2))" }
            .joined(separator: pick("、", ", "))
    }

    func penetrationRankingNote(sources: [String], method: PenetrationNormalisation, weights: String) -> String {
        let joined = sources.joined(separator: pick("；", "; "))
        return pick("来源：\(joined)。注：各指标 1–5 分（整数，越高越利于落地），经\(normalisationName(method))后按权重（\(weights)）加权平均，综合得分四舍五入至整数；名次按未取整得分排列，故整数同分者仍有先后。评分为 marketcast 依报告文字所作的分析判断，非报告所列数字；评分细则与各行业得分见附录“推进程度评分细则”。",
                    "Source: \(joined). Note: indicators scored 1–5 in whole steps (higher favours adoption), combined by \(normalisationName(method)) and a weighted mean (weights: \(weights)); composites are rounded to whole points, and ranks follow the unrounded scores, so equal whole points can still rank apart. The scores are marketcast's analyst judgement from the report's text, not figures the report prints; the rubric and every industry's scores are in the appendix “Adoption-progress scoring rubric”.")
    }

    var stabilityTitle: String {
        pick("推进程度排名的稳健性\(ownScoringMark)：权重与评分扰动下各名次概率",
             "How stable is the ranking\(ownScoringMark)? Probability of each rank under perturbed weights and scores")
    }
    var stabilityUnit: String { pick("单位：概率；列为名次", "Probability; columns are ranks") }
    func rankLabel(_ rank: Int) -> String { pick("第\(rank)名", "#\(rank)") }
    func stabilityNote(draws: Int, concentration: Double, scoreStep: Double, seed: UInt64, threshold: Double) -> String {
        let c = NumberFormat.grouped(concentration, decimals: concentration == concentration.rounded() ? 0 : 2)
        let t = NumberFormat.percent(threshold, decimals: 0)
        let half = NumberFormat.percent(scoreStep / 2, decimals: scoreStep * 200 == (scoreStep * 200).rounded() ? 0 : 1)
        let scores = scoreStep > 0
            ? pick("；同时每个 1–5 分的指标评分各以 \(half) 的概率下调或上调一分（保持在 1–5 内），反映评分本身的判断误差",
                   "; each 1–5 indicator score also moves one step down or up with probability \(half) each (kept within 1–5), for the judgement in the scoring itself")
            : ""
        return pick("注：权重围绕设定值随机抽取 \(draws) 次（集中度 \(c)：数值越大，抽到的权重越接近设定值；随机数序列固定（编号 \(seed)），重算结果相同）\(scores)，每次重新计算得分与排名；格内为取得该名次的概率，低于 \(t) 不标注。每行合计 100%。",
                    "Note: weights drawn at random \(draws) times around the configured weights (concentration \(c): the larger, the closer the draws stay to them; a fixed random sequence, number \(seed), so a rerun gives the same result)\(scores), re-scoring and re-ranking each time; cells give the probability of each rank, unlabelled below \(t). Each row sums to 100%.")
    }

    func adoptionTitle(from: Int, to: Int) -> String {
        pick("各行业大模型渗透率路径（Bass 扩散，marketcast 推算），\(from)–\(to)E",
             "Large-model penetration paths by industry (Bass diffusion, marketcast estimates), \(from)–\(to)E")
    }
    var penetrationUnit: String { pick("渗透率（%）", "Penetration (%)") }
    /// A crossing year before the edition's is a model estimate of the past, worded so;
    /// from the edition's year on it is a projection.
    func adoptionLabel(_ name: String, milestone: AdoptionPath.Milestone, level: Double, horizon: Int, editionYear: Int) -> String {
        let l = NumberFormat.grouped(level, decimals: 0)
        switch milestone {
        case .reached: return pick("\(name)（已过\(l)%）", "\(name) (past \(l)%)")
        case .year(let year) where year < editionYear:
            return pick("\(name)（模型估计\(year)年已过\(l)%）", "\(name) (model estimate: past \(l)% in \(year))")
        case .year(let year): return pick("\(name)（\(year)年过\(l)%）", "\(name) (\(l)% in \(year))")
        case .afterHorizon: return pick("\(name)（\(horizon)年后过\(l)%）", "\(name) (\(l)% after \(horizon))")
        case .never: return pick("\(name)（潜力低于\(l)%）", "\(name) (potential below \(l)%)")
        }
    }
    func milestoneCell(_ milestone: AdoptionPath.Milestone, horizon: Int) -> String {
        switch milestone {
        case .reached: return "reached"
        case .year(let year): return "\(year)"
        case .afterHorizon: return "after \(horizon)"
        case .never: return "never"
        }
    }
    func adoptionNote(sources: [String], settings: AdoptionSettings, editionYear: Int) -> String {
        let joined = sources.joined(separator: pick("；", "; "))
        func r(_ range: ClosedRange<Double>) -> String {
            "\(NumberFormat.grouped(range.lowerBound, decimals: 2))–\(NumberFormat.grouped(range.upperBound, decimals: 2))"
        }
        // Estimated years before the edition's: a model estimate of the past, not a forecast.
        let firstPast = settings.dataYear + 1, lastPast = min(editionYear - 1, settings.horizon)
        let past = lastPast < firstPast ? ""
            : lastPast == firstPast
            ? pick("\(firstPast) 年早于本期报告，为模型对过去的估计，非预测；",
                   "\(firstPast) precedes this edition: a model estimate of the past, not a forecast; ")
            : pick("\(firstPast)–\(lastPast) 年早于本期报告，为模型对过去的估计，非预测；",
                   "\(firstPast)–\(lastPast) precede this edition: model estimates of the past, not forecasts; ")
        return pick("来源：\(joined)。注：渗透率指该行业中已使用大模型的业务所占百分比，为 marketcast 依报告文字所作的估计（非统计数据）。E 为 marketcast 推算；\(past)每个行业一条 Bass 扩散曲线：上限 m 为该行业潜力，创新系数 p（\(r(settings.innovation))）与模仿系数 q（\(r(settings.imitation))）随推进程度得分线性提高，曲线位置按 \(settings.dataYear) 年当前渗透率校准。",
                    "Source: \(joined). Note: penetration is the share of an industry's work already using large models, in percent, as marketcast estimates it from the report's text (not a statistic). E marks marketcast estimates; \(past)one Bass diffusion per industry: ceiling m = the industry's potential; innovation p (\(r(settings.innovation))) and imitation q (\(r(settings.imitation))) rise linearly with the adoption-progress score; each curve is positioned to match the \(settings.dataYear) current penetration.")
    }

    var matrixTitle: String {
        pick("增长空间\(ownScoringMark)：当前渗透率与剩余空间", "Room to grow\(ownScoringMark): current penetration against room left")
    }
    var matrixYUnit: String { pick("剩余空间 = 潜力 − 当前（百分点）", "Room to grow = potential − current (percentage points)") }
    func matrixXTitle(year: Int) -> String { pick("\(year) 年当前渗透率（%）", "Current penetration, \(year) (%)") }
    func matrixSizeLegend(_ column: String) -> String { pick("气泡面积 = \(indicatorName(column))（1–5 分）", "Bubble area = \(indicatorName(column)) (score 1–5)") }
    /// The data cut-off of a page drawn from the scores: the year of the report whose text
    /// was scored (its month is not known), said as every other page says its cut-off.
    func penetrationCutoff(_ year: Int) -> String {
        localized("数据截至：\(year) 年（所评分报告的发布年份）。", " Data cut-off: \(year) (the year of the report scored).")
    }

    func matrixNote(sources: [String]) -> String {
        let joined = sources.joined(separator: pick("；", "; "))
        return pick("来源：\(joined)。注：当前渗透率与潜力为 marketcast 依报告文字所作的分析判断；左上方行业当前渗透低而剩余空间大。",
                    "Source: \(joined). Note: current penetration and potential are marketcast's analyst judgement from the report's text; industries to the upper left have the most room left.")
    }
}
