import Forecasting
import MarketData

/// The words of the exhibits beyond the market-size chart, in both languages. Kept beside
/// the exhibits (an extension of `Strings`) so each language's text for a page is read in
/// one place; names from datasets come from their `_zh` / `_en` columns instead.
extension Strings {
    /// The text for this report's language.
    func localized(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }

    /// Joins list items the way the language does.
    func list(_ items: [String]) -> String { items.joined(separator: localized("；", "; ")) }

    func sourceLine(_ sources: [String]) -> String {
        var unique: [String] = []
        for source in sources where !unique.contains(source) { unique.append(source) }
        return localized("来源：", "Source: ") + list(unique)
    }

    var continued: String { localized("（续）", " (continued)") }
    var notStated: String { localized("未说明", "not stated") }

    // Title page and contents.
    var contentsTitle: String { localized("目录", "Contents") }
    var contentsExhibit: String { localized("内容", "Exhibit") }
    var contentsPage: String { localized("页码", "Page") }
    func quarterLine(_ quarter: String) -> String { localized("\(quarter) 季度版", "\(quarter) edition") }
    func dateLine(_ isoDate: String) -> String {
        let parts = isoDate.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return isoDate }
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return localized("\(parts[0])年\(parts[1])月\(parts[2])日", "\(parts[2]) \(months[min(max(parts[1], 1), 12) - 1]) \(parts[0])")
    }
    /// The cover's statement of what the data are, crediting each publisher.
    func titlePageNote(publishers: [String]) -> String {
        localized("数据来源：公开统计与出版物——\(publishers.joined(separator: "、"))，各页注明出处与数据截至日期。预测、情景与推进程度评分为 marketcast 所作，并非出版方的数据。",
                  "Data: public statistics and publications — \(publishers.joined(separator: "; ")) — each credited on its page with its data cut-off. Forecasts, scenarios and the adoption-progress scores are marketcast's own, not the publishers'.")
    }
    /// The sources page's statement of sources and reuse.
    var sourcesReuseNote: String {
        localized("注：每个数据点引自其所注出版物，权利归原出版方；本报告仅作研究引用，转引请注明原始出处。数据文件随报告提供，可复核每张图表。",
                  "Note: each figure is quoted from the publication named with it, and rights remain with its publisher; this report quotes them for research. Quote the original source when reusing a figure. The data files come with the report, so every chart can be checked.")
    }

    // Exhibit 2.
    func publisherForecastNote(_ items: [(year: Int, value: String, vintage: String)]) -> String {
        let parts = items.map { localized("\($0.year)E \($0.value)（\($0.vintage) 发布）", "\($0.year)E \($0.value) (published \($0.vintage))") }
        return localized("出版方当时的预测（非本报告预测）：", "The publisher's own forecasts at the time (not marketcast's): ")
            + parts.joined(separator: localized("，", ", ")) + localized("。", ".")
    }
    var publisherForecastLegend: String { localized("出版方当时的预测", "Publisher's forecast at the time") }
    func gapYearsNote(_ years: [Int]) -> String {
        let list = years.map(String.init).joined(separator: localized("、", ", "))
        return localized("\(list) 年数据未发布，图中留空，拟合亦不使用。", "\(list) not published: left empty on the chart and not used in the fit.")
    }
    /// A name that starts a table cell: "Linear trend", not "linear trend" (Chinese unchanged).
    func sentenceCase(_ text: String) -> String {
        guard language == .en, let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
    /// Between two sentences of a note: Chinese sentences end in "。" and need no space.
    var sentenceSeparator: String { localized("", " ") }
    /// Stands in for the value of a year the publisher never published.
    var notPublishedMark: String { localized("未发布", "not published") }

    // Exhibit 3.
    var visitsTitle: String { localized("ChatGPT 月访问量，2022-11 至 2023-10", "ChatGPT monthly visits, Nov 2022 – Oct 2023") }
    var visitsUnit: String { localized("单位：亿次", "Unit: million visits") }
    /// A number of visits in the page's unit, for text: "18.0 亿次", "1,800 million visits".
    func visitsAmount(_ number: String) -> String { localized("\(number) 亿次", "\(number) million visits") }
    var noData: String { localized("无数据", "no data") }
    func visitsNote(sources: [String], missing: [String]) -> String {
        let gap = missing.isEmpty ? "" : localized("\(missing.joined(separator: "、")) 来源中无数据，图中留空（未补零、未插值）。",
                                              " \(missing.joined(separator: ", ")): no figure in the sources, left as a gap (not zero, not interpolated).")
        return sourceLine(sources) + localized("。注：网页访问量（桌面+移动端）；2022-11 为不完整月份（11 月 30 日上线）。", ". Note: web visits (desktop + mobile); 2022-11 is a partial month (launched 30 Nov).")
            + gap + localized("里程碑为月活跃用户，并非访问量。", " The milestone counts monthly users, not visits.")
    }

    // Exhibit 4.
    var releasesTitle: String { localized("2023 年中国大模型发布时间线", "Chinese large-model releases in 2023") }
    func monthDay(_ date: CalendarDate) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        guard let month = date.month else { return "\(date.year)" }
        let name = months[min(max(month, 1), 12) - 1]
        if let day = date.day { return localized("\(month)月\(day)日", "\(name) \(day)") }
        return localized("\(date.year)年\(month)月", "\(name) \(date.year)")
    }
    func monthTick(_ month: Int, year: Int) -> String {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return localized("\(month)月", months[min(max(month, 1), 12) - 1])
    }
    var releasesNote: String {
        localized("注：报告称约半年内发布的中国大模型近 80 个，此处为其所列的不完全统计，并非全部发布；日期为报告所列（月.日，年份据上下文为 2023 年）；盘古、混元此前已发布，此处为其 2023 年的发布事件。",
             "Note: the report counts nearly 80 Chinese large models released within about half a year; these are the releases its incomplete list (不完全统计) names, not all of them. Dates as the report lists them (month.day, 2023 from context); Pangu and Hunyuan were first released earlier, these are their 2023 events.")
    }

    // Exhibit 5.
    func stagesTitle(to year: Int) -> String { localized("人工智能发展阶段，1950–\(year)", "Stages of AI development, 1950–\(year)") }
    var stagesNote: String {
        localized("注：阶段名称与起止年份（1950–1980、1980–2010、2010–2020、2020 至今）均为报告图示所印；标 † 的里程碑不在报告中，为 marketcast 据公开史料补充。",
             "Note: stage names and years (1950–1980, 1980–2010, 2010–2020, 2020 to present) as printed in the report's figure; milestones marked † are not in the report: widely documented history added by marketcast.")
    }
    /// After a milestone the stage figure's source does not have.
    var addedMilestoneMark: String { "†" }

    // Exhibit 7.
    var landscapeTitle: String { localized("厂商与模型概览", "Vendors and models") }
    var vendorHeader: String { localized("厂商", "Vendor") }
    var modelHeader: String { localized("模型", "Model") }
    var eventHeader: String { localized("事件", "Event") }
    var dateHeader: String { localized("日期", "Date") }
    var parametersHeader: String { localized("参数量", "Parameters") }
    func event(_ name: String) -> String {
        switch name {
        case "release": return localized("发布", "release")
        case "first disclosure": return localized("首次披露", "first disclosure")
        case "upgrade": return localized("升级", "upgrade")
        default: return name
        }
    }
    func parameters(billions: Double) -> String {
        localized(NumberFormat.grouped(billions * 10, decimals: NumberFormat.commonDecimals(for: [billions * 10])) + "亿",
             NumberFormat.grouped(billions, decimals: NumberFormat.commonDecimals(for: [billions])) + " bn")
    }
    var landscapeNote: String {
        localized("注：参数量仅在来源明确给出时列出；日期精度同来源（月或日）。", "Note: parameter counts only where the sources state them; dates at the precision the sources give (month or day).")
    }

    // Exhibit 8.
    func benchmarksTitle(model: String) -> String { localized("\(model) 评测得分", "\(model) benchmark scores") }
    var scoreUnit: String { localized("单位：分（满分 100）", "Unit: score (0–100)") }
    func questions(_ count: Double) -> String {
        localized("（\(NumberFormat.grouped(count))题）", " (\(NumberFormat.grouped(count)) questions)")
    }
    var benchmarksNote: String {
        localized("注：厂商自报得分，与其他评测设置下的得分不可直接比较。", "Note: vendor-reported scores, not comparable with scores from other evaluation set-ups.")
    }

    // Exhibit 9.
    var computeTitle: String { localized("算力与训练规模", "Compute and training scale") }
    var vendorEstimate: String { localized("厂商预计值", "vendor's expectation") }
    var computeNote: String {
        localized("注：各指标单位不同，分别列示、不作加总或比较；阿里巴巴张北与乌兰察布算力为两地合计；“+”表示下限。",
             "Note: the figures have different units and are shown apart, never summed or compared; Alibaba's figure is Zhangbei and Ulanqab combined; \"+\" marks a lower bound.")
    }
    func computeUnit(_ unit: String) -> String {
        switch unit {
        case "EFLOPS": return "EFLOPS"
        case "GPUs": return localized("块 GPU", "GPUs")
        case "trillion tokens per month": return localized("万亿 tokens/月", "tn tokens / month")
        case "trillion tokens": return localized("万亿 tokens", "tn tokens")
        case "models": return localized("个模型", "models")
        default: return unit
        }
    }

    // Exhibit 10.
    var casesTitle: String { localized("大模型应用案例成效", "Results of large-model deployments") }
    var casesNote: String {
        localized("注：“+”后缀表示下限；国家电网“提升11.38%”、深圳燃气准确率 +2.5%、召回率 +4.5% 均按来源原文，未说明为相对值或百分点；微博 69 万为生成文案数。",
             "Note: a \"+\" suffix marks a lower bound; State Grid's gain of 11.38% (提升11.38%) and Shenzhen Gas's accuracy +2.5% and recall +4.5% are as worded in the source, which does not say whether they are relative or percentage points; Weibo's 690,000 are pieces of copy (文案) generated.")
    }
    func caseUnit(_ unit: String) -> String? {
        switch unit {
        case "%": return "%"
        case "percentage points": return localized("个百分点", " pp")
        default: return nil  // counts: the label says what is counted
        }
    }

    // Exhibit 11.
    var applicationsTitle: String { localized("各行业大模型应用功能", "Large-model application functions by industry") }
    var industryHeader: String { localized("行业", "Industry") }
    var functionHeader: String { localized("应用功能", "Application function") }
    var basisHeader: String { localized("依据", "Basis in the report's cases") }
    func casesBasis(_ names: [String]) -> String { localized("案例：", "Cases: ") + names.joined(separator: localized("、", ", ")) }
    var applicationsNote: String {
        localized("注：每行均依据报告正文所述案例（弗若斯特沙利文 / 头豹研究院 2023 年报告正文，经公开摘要核对）。报告原文列出的更多职能（如金融业十余项职能、制造业的职能与案例）原文未能获取，本表不作臆补，待据原文补齐；深圳燃气为燃气企业，单列为能源-燃气。",
             "Note: every row rests on a case in the report's text (Frost & Sullivan / LeadLeo 2023 report text, checked against the summary of it available to marketcast). The report lists more functions (over ten for finance; functions and examples for manufacturing) whose text was not available: they are not filled in by guesswork and remain to be added from the source. Shenzhen Gas, a gas utility, has its own row (energy – gas).")
    }
    /// A function the source names but whose text was not available to marketcast.
    var applicationNotAvailable: String { localized("原文有列，未能获取（见注）", "listed in the source; text not available (see note)") }

    // Exhibit 12.
    var findingsTitle: String { localized("关键发现", "Key findings") }
    var findingHeader: String { localized("发现", "Finding") }
    var seePage: String { localized("见页", "See page") }
    func findingMarketSize(title: String, year: Int, amount: String, interval: String, fromYear: Int, toYear: Int, cagr: String,
                           model: String) -> String {
        localized("\(title)预计于 \(year)E 达到 \(amount)（\(interval)），\(fromYear)–\(toYear)E 年复合增长率 \(cagr)，模型为\(model)。",
             "\(title) is forecast to reach \(amount) in \(year)E (\(interval)), a \(cagr) CAGR over \(fromYear)–\(toYear)E; model: \(model).")
    }
    /// "95% 区间 7,140–20,320": a forecast's interval as key findings quote it.
    func intervalQuote(level: Double, lower: String, upper: String) -> String {
        let percent = NumberFormat.percent(level, decimals: 0)
        return localized("\(percent) 区间 \(lower)–\(upper)", "\(percent) interval \(lower)–\(upper)")
    }
    func findingActualCAGR(title: String, fromYear: Int, toYear: Int, cagr: String, last: String) -> String {
        localized("\(title) \(fromYear)–\(toYear) 年实际复合增长率为 \(cagr)，\(toYear) 年为 \(last)。",
             "\(title) grew at a \(cagr) CAGR over \(fromYear)–\(toYear) (actuals), reaching \(last) in \(toYear).")
    }
    func findingVisitsPeak(months: [String], value: String, last: String, lastValue: String, missing: [String]) -> String {
        let gap = missing.isEmpty ? "" : localized("（\(missing.joined(separator: "、")) 无数据）", " (\(missing.joined(separator: ", ")): no data)")
        return localized("ChatGPT 月访问量在 \(months.joined(separator: "、")) 达到峰值 \(value)，\(last) 为 \(lastValue)\(gap)。",
                    "ChatGPT's monthly visits peaked at \(value) in \(months.joined(separator: " and ")); \(last): \(lastValue)\(gap).")
    }
    func findingScenarioRange(title: String, year: Int, low: String, lowAmount: String, lowInterval: String,
                              high: String, highAmount: String, highInterval: String) -> String {
        localized("\(title) \(year)E 的情景区间为 \(lowAmount)（\(low)；\(lowInterval)）至 \(highAmount)（\(high)；\(highInterval)）。",
                  "Across scenarios, \(title) in \(year)E ranges from \(lowAmount) (\(low.lowercased()); \(lowInterval)) to \(highAmount) (\(high.lowercased()); \(highInterval)).")
    }
    func findingBacktest(title: String, model: String, fitYears: ClosedRange<Int>, testYears: ClosedRange<Int>,
                         error: String) -> String {
        let tested = testYears.count == 1 ? "\(testYears.lowerBound)" : "\(testYears.lowerBound)–\(testYears.upperBound)"
        return localized("回测：\(title)以 \(fitYears.lowerBound)–\(fitYears.upperBound) 年实际值拟合\(model)，对 \(tested) 年的平均绝对百分比误差为 \(error)。",
                         "Backtest: \(title) fitted with the \(model) to \(fitYears.lowerBound)–\(fitYears.upperBound) missed \(tested) by \(error) on average (MAPE).")
    }
    func findingPenetration(top: String, topScore: String, bottom: String, bottomScore: String) -> String {
        localized("按 marketcast 对报告文字的评分（非出版方数据），大模型推进程度最高的行业为\(top)（指数 \(topScore)），最低为\(bottom)（\(bottomScore)）。",
                  "On marketcast's scoring of the report's text (not a publisher's figure), \(top) is furthest along in adopting large models (index \(topScore)); \(bottom) is last (\(bottomScore)).")
    }
    func findingRoomToGrow(industry: String, points: String) -> String {
        localized("按 marketcast 的估计（非出版方数据），提升空间最大的行业为\(industry)：潜在渗透率高出当前 \(points) 个百分点。",
                  "On marketcast's estimates (not a publisher's figures), \(industry) has the most room to grow: its potential penetration is \(points) points above today's.")
    }
    func findingReleases(count: Int, first: String, last: String) -> String {
        localized("2023 年报告列出 \(count) 个中国大模型发布，集中于 \(first) 至 \(last)。",
             "The report lists \(count) Chinese large-model releases in 2023, between \(first) and \(last).")
    }

    // Exhibit 13.
    var methodologyTitle: String { localized("方法说明", "Methodology") }
    var seriesHeader: String { localized("序列", "Series") }
    var modelHeaderLong: String { localized("模型与参数（±标准误）", "Model and parameters (± standard error)") }
    var fitHeader: String { localized("拟合统计", "Fit statistics") }
    /// In place of a statistic the fit cannot give (AICc with too few actuals).
    var undefinedStatistic: String { localized("无定义", "undefined") }
    /// After a parameter whose standard error the fit cannot give (it sits on a bound).
    var noStandardError: String { localized("（无标准误）", " (no standard error)") }
    var sourcesHeader: String { localized("数据来源", "Sources") }
    func fitStatistics(years: ClosedRange<Int>, observations: Int, rss: String, aicc: String, bic: String,
                       dof: Int) -> String {
        localized("拟合 \(years.lowerBound)–\(years.upperBound)（\(observations) 个实际值，自由度 \(dof)）；RSS\u{00A0}\(rss)；AICc\u{00A0}\(aicc)；BIC\u{00A0}\(bic)",
             "Fitted to \(years.lowerBound)–\(years.upperBound) (\(observations) actuals, \(dof) \(dof == 1 ? "degree" : "degrees") of freedom); RSS\u{00A0}\(rss); AICc\u{00A0}\(aicc); BIC\u{00A0}\(bic)")
    }
    var backtestTitle: String { localized("回测", "Backtest") }
    var backtestMethod: String { localized("模型或情景", "Model or scenario") }
    func backtestError(year: Int) -> String { localized("\(year) 年误差", "\(year) error") }
    func backtestSubtitle(series: String, fitYears: ClosedRange<Int>, testYears: [Int]) -> String {
        let tested = testYears.map(String.init).joined(separator: localized("、", ", "))
        return localized("\(series)：以 \(fitYears.lowerBound)–\(fitYears.upperBound) 年实际值拟合，与 \(tested) 年公布值比较",
                         "\(series): fitted to the \(fitYears.lowerBound)–\(fitYears.upperBound) actuals, compared with the published \(tested) values")
    }
    func backtestSkipped(_ methods: [(name: String, skip: BacktestSkip)]) -> String {
        localized("未回测：" + methods.map { "\($0.name)（\(skipReason($0.skip))）" }.joined(separator: "；") + "。",
                  "Not backtested: " + methods.map { "\($0.name) (\(skipReason($0.skip)))" }.joined(separator: "; ") + ".")
    }
    /// Why a method was not backtested, in the page's language: English pages print the
    /// fitter's own words, Chinese pages a wording of its cause.
    func skipReason(_ skip: BacktestSkip) -> String {
        guard language == .zh else { return skip.reason }
        switch skip.cause {
        case let .tooFewActuals(parameters, actuals, fitThrough):
            return "\(parameters) 个参数需多于 \(parameters) 个实际值，截至 \(fitThrough) 年仅 \(actuals) 个"
        case let .tooFewForMethod(needs, actuals, fitThrough):
            return "需至少 \(needs) 个连续实际值，截至 \(fitThrough) 年仅 \(actuals) 个"
        case .notConverged:
            return "拟合未收敛"
        case .failed:
            return "拟合失败，详见运行日志"
        }
    }
    var backtestNote: String {
        localized("注：误差 =（预测 − 实际）/ 实际；MAPE 为各检验年绝对百分比误差的平均；模型与情景均按原设定，未针对结果调整。",
                  "Note: error = (forecast − actual) / actual; MAPE averages the absolute percentage errors over the held-out years; models and scenarios are tried as written, never tuned to the answer.")
    }
    func methodologyNote(level: Double) -> String {
        let percent = NumberFormat.percent(level, decimals: 0)
        return localized("注：E 年数值为模型的外推，区间为\(percent)预测区间：组合预测与各年度方法的区间来自 M1 与 M3 年度序列的滚动回测误差：预测值以上按序列年均变动缩放，以下按相对（对数）误差计，正值序列的下限因此不会低于零，增长曲线的区间来自拟合本身（delta 方法）；出版方的预测仅作对照，不参与拟合；仅实际值参与拟合。RSS 为残差平方和；AICc、BIC 为信息准则，越小越好，仅在同一序列的模型之间比较；实际值少于参数个数加 2 时 AICc 无定义。参数由情景设定或位于其约束边界时没有标准误。",
                    "Note: E values extrapolate the model; intervals are \(percent) prediction intervals: for the combination and the yearly methods from rolling-origin backtest errors on the M1 and M3 yearly series: above the forecast in units of the series' mean yearly change, below it as a relative (log-scale) error, so a positive series' lower end never reaches zero, for growth curves from the fit itself (delta method); publishers' own forecasts are shown for comparison only and never fitted; only actuals are fitted. RSS is the residual sum of squares; AICc and BIC are information criteria, lower is better, comparable only between models of the same series; AICc is undefined with fewer actuals than parameters plus two. A parameter set by the scenario or sitting on its bound has no standard error.")
    }
}
