import Forecasting
import MarketData

/// The names and words of the paths `consensus:` adds beside the scenarios: the
/// publishers' consensus, and the statistical trend when the base case weighs the two.
enum ConsensusWords {
    static let consensusName = "consensus"
    static let trendName = "trend"
    static let consensusLabel = ScenarioText(zh: "出版方共识", en: "Publishers' consensus")
    static let trendLabel = ScenarioText(zh: "统计趋势", en: "Statistical trend")
}

extension ScenarioAssumptionWords {
    /// "1:1" for the weights of a blended base case.
    static func ratio(_ blend: BaseBlend) -> String { ratio(trend: blend.trendWeight, consensus: blend.consensusWeight) }
    static func ratio(trend: Double, consensus: Double) -> String {
        func number(_ w: Double) -> String { NumberFormat.grouped(w, decimals: w == w.rounded() ? 0 : 1) }
        return "\(number(trend)):\(number(consensus))"
    }

    /// What a blended base case is made of, one clause naming the trend's model:
    /// "统计趋势（组合预测…）与出版方共识按 1:1 加权". The page's note already says the
    /// assumptions are marketcast's analysts'.
    func blendClause(_ blend: BaseBlend, trendModel: String) -> String {
        let trend = strings.localized(ConsensusWords.trendLabel.zh, ConsensusWords.trendLabel.en.lowercased())
        let consensus = strings.localized(ConsensusWords.consensusLabel.zh, ConsensusWords.consensusLabel.en.lowercased())
        return strings.localized("\(trend)即\(trendModel)，与\(consensus)按 \(Self.ratio(blend)) 加权",
                                 "the \(trend), a \(trendModel), weighted \(Self.ratio(blend)) with the \(consensus)")
    }

    /// The consensus path in words: where it starts and the rates it grows at, by publisher.
    func consensusClauses(_ consensus: Consensus, unit: String) -> [String] {
        let language = strings.language
        func amount(_ value: Double) -> String {
            let shown = strings.displayUnit(unit).convert(value)
            return NumberFormat.amount(value, unit: unit, language: language, decimals: abs(shown) >= 1000 ? 0 : 1)
        }
        func percent(_ rate: Double) -> String { NumberFormat.percent(rate, decimals: 1) }
        var clauses: [String] = []
        if let start = consensus.start {
            let figure = (start.bound == .lower ? strings.localized("超过", "more than ") : "") + amount(start.value)
            clauses.append(strings.localized("以\(start.publisher)对 \(start.year) 年的预期（\(figure)）为起点",
                                             "from \(start.publisher)'s expectation for \(start.year) (\(figure))"))
        } else {
            clauses.append(strings.localized("以最近一年实际值为起点", "from the last actual year"))
        }
        // One publisher named once: "iResearch 32.1% for 2025–2029 and 30.6% for 2023–2028".
        var publishers: [String] = [], byPublisher: [String: [String]] = [:]
        for rate in consensus.rates {
            if byPublisher[rate.publisher] == nil { publishers.append(rate.publisher) }
            byPublisher[rate.publisher, default: []].append(strings.localized("\(rate.fromYear)–\(rate.toYear) 年 \(percent(rate.rate))",
                                                                             "\(percent(rate.rate)) for \(rate.fromYear)–\(rate.toYear)"))
        }
        let listed = publishers.map { publisher in
            publisher + " " + (byPublisher[publisher] ?? []).joined(separator: strings.localized("、", " and "))
        }.joined(separator: strings.localized("；", "; "))
        clauses.append(strings.localized("年增 \(percent(consensus.meanRate))，即各出版方复合增长率的均值（\(listed)；口径不同者只借其增速）",
                                         "growing \(percent(consensus.meanRate)) a year, the mean of the published growth rates (\(listed); another definition lends its rate only)"))
        return clauses
    }
}
