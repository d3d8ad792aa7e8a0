import Forecasting
import MarketData

/// The words of the sensitivity table, in both report languages.
extension Strings {
    func sensitivityTitle(_ series: String, year: Int) -> String {
        localized("敏感性分析：\(series) \(year)E 随假设的变化", "Sensitivity: \(series), \(year)E under other assumptions")
    }
    var sensitivitySubtitle: String {
        localized("每行改变一项假设并重新拟合；无法拟合的行说明原因",
                  "Each row changes one assumption and refits; a row that cannot be fitted says why")
    }
    var sensitivityChangeHeader: String { localized("改变的假设", "What was changed") }
    var sensitivityModelHeader: String { localized("模型", "Model") }
    var sensitivityFitYearsHeader: String { localized("拟合年份", "Fit years") }
    var sensitivityVersusBase: String { localized("较基准", "vs base") }
    var sensitivityIsBase: String { localized("基准", "base") }
    /// With a base case weighed with the consensus, the rows compare with the trend they vary.
    var sensitivityVersusTrend: String { localized("较统计趋势", "vs trend") }
    var sensitivityIsTrend: String { localized("对照", "reference") }
    var sensitivityBase: String { localized("基准（按配置的基准情景）", "Base (configured)") }
    /// The first row when the base case weighs the trend with the publishers' consensus.
    var sensitivityTrend: String { localized("统计趋势（基准情景加权出版方共识之前）", "Statistical trend (the base before the consensus weight)") }
    func sensitivityScenario(_ label: String) -> String { localized("情景：\(label)", "Scenario: \(label)") }
    /// The model column names the model; the change says what else went.
    var sensitivityModel: String { localized("仅换模型（无情景假设）", "Model alone") }
    func sensitivityDropFirst(years: [Int]) -> String {
        let list = years.map(String.init).joined(separator: localized("、", ", "))
        return localized("拟合窗口去掉首年（\(list)），其余同基准", "Base without \(list)")
    }
    func sensitivityGrowthFloor(_ rate: String) -> String {
        localized("指数增长，年增速不低于 \(rate)", "Exponential, growth at least \(rate)")
    }
    func sensitivityGrowthCeiling(_ rate: String) -> String {
        localized("指数增长，年增速不高于 \(rate)", "Exponential, growth at most \(rate)")
    }
    func sensitivitySaturation(_ multiple: String) -> String {
        localized("Logistic 饱和曲线，上限为末个实际值的 \(multiple) 倍", "Logistic, ceiling \(multiple)× the last actual")
    }
    func sensitivityFailure(_ failure: SensitivityFailure) -> String {
        switch failure {
        case let .tooFewActuals(parameters, actuals):
            return localized("\(parameters) 个参数，仅 \(actuals) 个实际值", "\(parameters) parameters, \(actuals) actuals")
        case let .tooFewForMethod(needs, actuals):
            return localized("需 \(needs) 个年值，仅有 \(actuals) 个", "needs \(needs) years, has \(actuals)")
        case .failed(let message):
            // The fitter's own words are English; a Chinese page says that it failed and the
            // CSV's reason column carries them.
            return localized("拟合失败", message)
        }
    }
    var sensitivityNotFitted: String { localized("无法拟合", "not fitted") }
    func sensitivityNoHorizon(_ year: Int) -> String { localized("无 \(year)E 值", "no \(year)E value") }
    func sensitivityValueHeader(_ year: Int, unit: String) -> String { localized("\(year)E（\(unit)）", "\(year)E (\(unit))") }
    func sensitivityIntervalHeader(_ interval: String, unit: String) -> String {
        localized("\(interval)（\(unit)）", "\(interval) (\(unit))")
    }
    func sensitivityNote(sources: [String]) -> String {
        sourceLine(sources) + localized(
            "。注：所有行与情景预测用同一拟合程序、同一批实际值；区间为该行模型的预测区间，正值序列的区间不低于零；假设与数据自身的走势相去越远（如增速上限远低于已公布年份的增速），拟合偏差越大，区间也越宽；与基准相同的改变不列出；无法拟合的改变注明原因。",
            ". Note: every row is fitted by the same program as the scenarios, on the same actuals; intervals are each row's own prediction intervals, never below zero for this positive series, and the further an assumption departs from the data's own course (a growth cap far below the published years' growth), the worse the fit and the wider the interval; a change identical to the base is not listed; a change that cannot be fitted says why.")
    }
}
