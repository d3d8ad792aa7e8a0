import Forecasting
import MarketData

/// The words of the sensitivity table, in both report languages.
extension Strings {
    func sensitivityTitle(_ series: String, year: Int) -> String {
        localized("敏感性分析：\(series) \(year)E 随假设的变化", "Sensitivity: \(series), \(year)E under other assumptions")
    }
    var sensitivitySubtitle: String {
        localized("每行改变一项假设并重新拟合；模型行只用该模型、不带情景假设；无法拟合的行说明原因",
                  "Each row changes one assumption and refits; model rows use that model alone, without scenario assumptions; a row that cannot be fitted says why")
    }
    var sensitivityChangeHeader: String { localized("改变的假设", "What was changed") }
    var sensitivityModelHeader: String { localized("模型", "Model") }
    var sensitivityFitYearsHeader: String { localized("拟合年份", "Fit years") }
    var sensitivityVersusBase: String { localized("较基准", "vs base") }
    var sensitivityIsBase: String { localized("基准", "base") }
    var sensitivityBase: String { localized("基准（按配置的基准情景）", "Base (the configured base case)") }
    func sensitivityScenario(_ label: String) -> String { localized("情景：\(label)", "Scenario: \(label)") }
    func sensitivityModel(_ model: String) -> String { localized("模型改为\(model)", "Model: \(model)") }
    func sensitivityDropFirst(years: [Int]) -> String {
        let list = years.map(String.init).joined(separator: localized("、", ", "))
        return localized("拟合窗口去掉首年（\(list)），其余同基准", "Fit window without the first year (\(list)), otherwise as base")
    }
    func sensitivityGrowthFloor(_ rate: String) -> String {
        localized("指数增长，年增速不低于 \(rate)", "Exponential growth of at least \(rate) a year")
    }
    func sensitivityGrowthCeiling(_ rate: String) -> String {
        localized("指数增长，年增速不高于 \(rate)", "Exponential growth of at most \(rate) a year")
    }
    func sensitivitySaturation(_ multiple: String) -> String {
        localized("Logistic 饱和曲线，上限为末个实际值的 \(multiple) 倍", "Logistic curve saturating at \(multiple)× the last actual")
    }
    func sensitivityFailure(_ failure: SensitivityFailure) -> String {
        switch failure {
        case let .tooFewActuals(parameters, actuals):
            return localized("无法拟合：\(parameters) 个待估参数，只有 \(actuals) 个实际值，无残差可定区间",
                             "Cannot be fitted: \(parameters) free parameters, only \(actuals) actuals, no residual to size an interval")
        case .failed(let message):
            return localized("无法拟合（拟合程序：\(message)）", "Cannot be fitted: \(message)")
        }
    }
    func sensitivityNoHorizon(_ year: Int) -> String { localized("无 \(year)E 值", "no \(year)E value") }
    func sensitivityNote(sources: [String], warned: Bool) -> String {
        sourceLine(sources) + localized(
            "。注：所有行与情景预测用同一拟合程序、同一批实际值；区间为该行模型的预测区间。"
                + (warned ? "† 拟合给出警告（如未收敛），数值仅供参考。" : ""),
            ". Note: every row is fitted by the same program as the scenarios, on the same actuals; intervals are each row's own prediction intervals."
                + (warned ? " † the fit gave a warning (e.g. did not converge): read the value with care." : ""))
    }
}
