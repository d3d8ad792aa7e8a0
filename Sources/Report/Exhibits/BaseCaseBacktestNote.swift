import Forecasting
import MarketData

/// The sentence that ties the base case to the backtest: whether its model is the one the
/// backtest supports and, when it is not, why it is kept (BacktestStanding). The scenario
/// page and the backtest page print the same sentence, so they can never disagree.
enum BaseCaseBacktestNote {
    static func standing(in context: RunContext) -> BacktestStanding? {
        standingAndMembers(in: context)?.standing
    }

    /// The standing and the methods `auto` combined for the base case (empty for a curve).
    static func standingAndMembers(in context: RunContext) -> (standing: BacktestStanding, members: [YearlyMethod])? {
        guard let backtest = context.backtest, let result = context.result(for: backtest.seriesID) else { return nil }
        let base = context.config.baseScenario.flatMap { name in
            context.scenarios.first { $0.seriesID == backtest.seriesID }?.path(named: name)
        }
        let forecast = base?.forecast ?? result.forecast
        let model = forecast.model
        let bounded = !backtest.testYears.isEmpty && backtest.testYears.allSatisfy {
            result.series.observation(forYear: $0)?.bound == .lower
        }
        return (BacktestStanding(model: model, in: backtest, heldOutLowerBounds: bounded),
                forecast.combination.map(\.method))
    }

    /// The sentence for the pages of series `seriesID`; nil when no backtest covers it.
    /// `citingEvidence`: whether to give the cross-validation figures behind `auto` (the
    /// backtest page does; the scenario page, whose note is already long, points there).
    static func text(for seriesID: String? = nil, in context: RunContext, citingEvidence: Bool = true) -> String? {
        guard let backtest = context.backtest, seriesID == nil || seriesID == backtest.seriesID,
              var (standing, members) = standingAndMembers(in: context) else { return nil }
        if !citingEvidence { standing.reasons.removeAll { $0 == .referenceEvidence } }
        // A base case weighed with the consensus is not a model: the backtest judges its trend.
        let blended = context.result(for: backtest.seriesID)?.forecast.blend != nil
        return context.strings.baseCaseBacktest(standing, members: members, testYears: backtest.testYears, blended: blended)
    }
}

extension Strings {
    func baseCaseBacktest(_ standing: BacktestStanding, members: [YearlyMethod] = [], testYears: [Int], blended: Bool = false) -> String {
        // The members are listed where the base case is described; here the name alone.
        let model = modelName(standing.model, members: members.count > 1 ? [] : members)
        let zhSubject = blended ? "统计趋势" : "基准情景", enSubject = blended ? "statistical trend" : "base case"
        guard let best = standing.best, let rank = standing.rank, let error = standing.modelError else {
            return localized("\(zhSubject)的模型（\(model)）未参加回测，回测不能为其提供支持。",
                             "The \(enSubject)'s model (\(model)) was not backtested, so the backtest offers it no support.")
        }
        let mape = NumberFormat.percent(error)
        if standing.isBest {
            return localized("\(zhSubject)的模型（\(model)）在回测中误差最低（平均误差 \(mape)），与回测结果一致。",
                             "The \(enSubject)'s model (\(model)) has the lowest backtest error (average miss \(mape)): the backtest supports it.")
        }
        // The standing ranks models only.
        let bestName = best.method.model.map(modelName) ?? ""
        let bestMAPE = NumberFormat.percent(best.meanAbsolutePercentError)
        let years = testYears.map(String.init).joined(separator: localized("、", ", "))
        let head = localized("\(zhSubject)用\(model)，其回测误差（平均误差 \(mape)）在 \(standing.modelCount) 个模型中排第 \(rank)，最低的是\(bestName)（\(bestMAPE)）。",
                             "The \(enSubject) uses the \(model), whose backtest error (average miss \(mape)) ranks \(rank) of \(standing.modelCount) models; the lowest is the \(bestName) (\(bestMAPE)).")
        guard !standing.reasons.isEmpty else {
            return head + localized("回测不支持\(zhSubject)的模型选择，宜改用误差更低的模型。",
                                    " The backtest does not support the \(enSubject)'s model; a model with a lower error should replace it.")
        }
        let reasons = standing.reasons.map { reason -> String in
            switch reason {
            case .fewHeldOutYears(let count):
                return count == 1
                    ? localized("回测只有 \(years) 一个检验年，一年的误差排名多半是偶然", "the backtest scores a single year (\(years)), and one year's miss ranks models largely by chance")
                    : localized("回测只有 \(years) \(count) 个检验年，不足以据此选模型", "the backtest scores only \(count) years (\(years)), too few to choose a model by")
            case .heldOutAreLowerBounds:
                return localized("检验年的公布值是下限（实际更高），误差小可能只说明路径偏低", "the held-out figures are published lower bounds (the truth is higher), so a smaller miss may only mean a lower path")
            case .referenceEvidence:
                return referenceEvidence(AutoSelectionEvidence.shipped)
            }
        }
        return head + localized("仍保留它，因为" + reasons.joined(separator: "；") + "。",
                                " It is kept because " + reasons.joined(separator: "; ") + ".")
    }

    /// The cross-validation evidence for `auto`, in words and rounded figures.
    func referenceEvidence(_ evidence: AutoSelectionEvidence) -> String {
        func percent(_ value: Double) -> String { NumberFormat.fixed(value, decimals: 1) + "%" }
        let names = evidence.sets.map(\.set)
        switch language {
        case .zh:
            let counts = evidence.sets.map { "\($0.seriesCount) 个" }.joined(separator: "与 ")
            let autoScores = evidence.sets.map { "\($0.set) \(percent($0.auto))" }.joined(separator: "，")
            let singles = evidence.sets.map {
                "\($0.set) \(percent($0.singleMethods.lowerBound))–\(percent($0.singleMethods.upperBound))"
            }.joined(separator: "，")
            return "组合预测是在 \(names.joined(separator: "、")) 两次预测竞赛的公开年度序列（\(counts)）的较早年份上交叉检验选出的，预测 1–6 年后的平均误差（\(autoScores)）低于任何单一方法（\(singles)）"
        case .en:
            let series = evidence.sets.map { "\($0.seriesCount) \($0.set)" }.joined(separator: " and ")
            let autoScores = evidence.sets.map { "\(percent($0.auto)) on \($0.set)" }.joined(separator: ", ")
            let singles = evidence.sets.map {
                "\(NumberFormat.fixed($0.singleMethods.lowerBound, decimals: 1))–\(percent($0.singleMethods.upperBound))"
            }.joined(separator: ", ")
            return "the combination was chosen by cross-validation on the earlier years of the \(series) competition series, where its average miss 1–6 years ahead (\(autoScores)) beats every single method's (\(singles))"
        }
    }
}
