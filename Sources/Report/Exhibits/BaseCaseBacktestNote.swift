import Forecasting
import MarketData

/// The sentence that ties the base case to the backtest: whether its model is the one the
/// backtest supports and, when it is not, why it is kept (BacktestStanding). The scenario
/// page and the backtest page print the same sentence, so they can never disagree.
enum BaseCaseBacktestNote {
    static func standing(in context: RunContext) -> BacktestStanding? {
        guard let backtest = context.backtest, let result = context.result(for: backtest.seriesID) else { return nil }
        let base = context.config.baseScenario.flatMap { name in
            context.scenarios.first { $0.seriesID == backtest.seriesID }?.path(named: name)
        }
        let model = base?.forecast.modelName ?? result.forecast.modelName
        let bounded = !backtest.testYears.isEmpty && backtest.testYears.allSatisfy {
            result.series.observation(forYear: $0)?.bound == .lower
        }
        return BacktestStanding(model: model, in: backtest, heldOutLowerBounds: bounded)
    }

    /// The sentence for the pages of series `seriesID`; nil when no backtest covers it.
    static func text(for seriesID: String? = nil, in context: RunContext) -> String? {
        guard let backtest = context.backtest, seriesID == nil || seriesID == backtest.seriesID,
              let standing = standing(in: context) else { return nil }
        // A base case weighed with the consensus is not a model: the backtest judges its trend.
        let blended = context.result(for: backtest.seriesID)?.forecast.blend != nil
        return context.strings.baseCaseBacktest(standing, testYears: backtest.testYears, blended: blended)
    }
}

extension Strings {
    func baseCaseBacktest(_ standing: BacktestStanding, testYears: [Int], blended: Bool = false) -> String {
        let model = modelName(standing.model)
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
        let bestName = modelName(best.method)
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
                return localized("组合预测在 M1 预测竞赛的 181 个公开年度序列上预测 1–6 年后的误差最低（平均误差 15.69%，单一方法 16.66%–19.76%）",
                                 "forecasting 1–6 years ahead on the 181 public yearly series of the M1 forecasting competition, the combination misses least (average miss 15.69%; single methods 16.66%–19.76%)")
            }
        }
        return head + localized("仍保留它，因为" + reasons.joined(separator: "；") + "。",
                                " It is kept because " + reasons.joined(separator: "; ") + ".")
    }
}
