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
    /// `fitted`: the page shows a fit (otherwise there is none to leave the year out of).
    func gapYearsNote(_ years: [Int], fitted: Bool = true) -> String {
        let list = years.map(String.init).joined(separator: localized("、", ", "))
        return fitted ? localized("\(list) 年数据未发布，图中留空，拟合亦不使用。", "\(list) not published: left empty on the chart and not used in the fit.")
            : localized("\(list) 年数据未发布，图中留空。", "\(list) not published: left empty on the chart.")
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
    var visitsUnit: String { localized("单位：亿次", "Unit: billion visits") }
    /// A number of visits in the page's unit, for text: "18.0 亿次", "1.80 billion visits".
    func visitsAmount(_ number: String) -> String { localized("\(number) 亿次", "\(number) billion visits") }
    var noData: String { localized("无数据", "no data") }
    func visitsNote(sources: [String], missing: [String]) -> String {
        let gap = missing.isEmpty ? "" : localized("\(missing.joined(separator: "、")) 无可用数值，图中留空（未补零、未插值）。",
                                              " \(missing.joined(separator: ", ")): no usable figure, left as a gap (not zero, not interpolated).")
        // Issue 20: the 152.7 M some articles give for 2022-11 cannot be ChatGPT's (one day of it).
        let november = missing.contains("2022-11")
            ? localized("2022-11 仅含 11 月 30 日上线后的一天，部分报道所给该月 1.527 亿次与 Similarweb 所报 OpenAI 网站当月共约 1,800 万次不符，不予采用；",
                        " 2022-11 had one day of ChatGPT (launched 30 Nov): the 152.7 million some articles give for it contradicts Similarweb's 18 million for all of openai.com that month, so it is not used;")
            : localized("2022-11 为不完整月份（11 月 30 日上线）；", " 2022-11 is a partial month (launched 30 Nov);")
        return sourceLine(sources) + localized("。注：网页访问量（桌面+移动端）；", ". Note: web visits (desktop + mobile);") + november
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
        localized("注：报告称约半年内发布的中国大模型近 80 个，此处为其所列的不完全统计，并非全部发布；日期为报告所列（月.日，年份据上下文为 2023 年）；盘古已于 2021 年 4 月发布、混元已于 2022 年 4 月首次披露研发进展，此处为其 2023 年的发布事件。",
             "Note: the report counts nearly 80 Chinese large models released within about half a year; these are the releases its list names, which it calls incomplete, not all of them. Dates as the report lists them (month.day, 2023 from context); Pangu was first released in April 2021 and Hunyuan's research first disclosed in April 2022; these are their 2023 events.")
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
        localized("注：参数量仅在来源明确给出时列出；日期精度同来源（月或日）；混元 2023-06-19 的发布见于报告的发布时间表。孟子系列原报告记作“澜起科技”（一家芯片企业），实为澜舟科技发布，本表已更正。",
                  "Note: parameter counts only where the sources state them; dates at the precision the sources give (month or day); Hunyuan's 2023-06-19 release is from the report's release timeline. The report credits the Mengzi models to Montage Technology, a chip maker; they are Langboat's, and this table corrects it.")
    }

    // Exhibit 8.
    func benchmarksTitle(model: String) -> String { localized("\(model) 评测得分", "\(model) benchmark scores") }
    var scoreUnit: String { localized("单位：分（满分 100）", "Unit: score (0–100)") }
    func questions(_ count: Double) -> String {
        localized("（\(NumberFormat.grouped(count))题）", " (\(NumberFormat.grouped(count)) questions)")
    }
    var benchmarksNote: String {
        localized("注：厂商自报得分，与其他评测设置下的得分不可直接比较。C-Eval 与 CMMLU 为 2023 年 9 月榜单成绩，均居开源模型首位；C-Eval 覆盖 52 个学科。金融知识评测为度小满自建的中文金融知识数据集（10 个大类、36 个小类的单选题），轩辕-70B 得分居首。",
                  "Note: vendor-reported scores, not comparable with scores from other evaluation set-ups. C-Eval and CMMLU are the September 2023 leaderboards, where XuanYuan-70B led all open models; C-Eval covers 52 subjects. The financial-knowledge evaluation is Du Xiaoman's own Chinese data set (single-choice questions in 10 major and 36 minor categories), on which it scored highest.")
    }

    // Exhibit 9.
    var computeTitle: String { localized("算力与训练规模", "Compute and training scale") }
    var vendorEstimate: String { localized("厂商预计值", "vendor's expectation") }
    var computeNote: String {
        localized("注：各指标单位不同，分别列示、不作加总或比较；阿里巴巴张北与乌兰察布算力为两地合计；“超”表示下限。",
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
        localized("注：“超”表示下限；国家电网“提升11.38%”、深圳燃气准确率 +2.5%、召回率 +4.5% 均按来源原文，未说明为相对值或百分点；微博 69 万为生成文案数。仅列成效与使用量；门店数、开源模型数、合作伙伴数等业务规模见厂商章节。",
             "Note: a \"+\" suffix marks a lower bound; State Grid's \"improvement of 11.38%\" and Shenzhen Gas's accuracy +2.5% and recall +4.5% are as worded in the source, which does not say whether they are relative or percentage points; Weibo's 690,000 are pieces of marketing copy generated. Results and usage only; footprint figures (stores, open models, partners) are in the vendors chapter.")
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
    var basisHeader: String { localized("依据", "Basis in the report") }
    func casesBasis(_ names: [String]) -> String { localized("案例：", "Cases: ") + names.joined(separator: localized("、", ", ")) }
    var applicationsNote: String {
        localized("注：应用功能及其所处阶段据弗若斯特沙利文、头豹研究院《2023年AI大模型应用研究报告》正文整理，文字为 marketcast 研究的概括；案例数字为报告所载，百丽的门店数为业务规模而非模型成效。深圳燃气为燃气企业，单列为能源-燃气。",
             "Note: the functions and their stage follow the text of Frost & Sullivan China and LeadLeo's 2023 AI large-model application report, summarised in marketcast research's words; case figures are as the report gives them, and Belle's store count is the business's scale, not a result of the model. Shenzhen Gas, a gas utility, has its own row (energy – gas).")
    }
    /// A row whose function the dataset leaves empty.
    var applicationNotAvailable: String { localized("（出处未列明）", "(not stated in the source)") }

    // Exhibit 12.
    var findingsTitle: String { localized("关键发现", "Key findings") }
    var findingHeader: String { localized("发现", "Finding") }
    var seePage: String { localized("见页", "See page") }
    /// `cagr` is a growth phrase ("15.2%", "至多 15.2%"); `startIsBound` adds why it is a limit.
    func findingMarketSize(title: String, year: Int, amount: String, interval: String, fromYear: Int, toYear: Int, cagr: String,
                           startIsBound: Bool = false, model: String, declaredBase: Bool = false) -> String {
        let why = startIsBound ? localized("（自 \(fromYear) 年下限起算）", " (from the \(fromYear) lower bound)") : ""
        // A declared base case is no model: the sentence says what the base is.
        let modelWord = declaredBase ? localized("基准情景为", "base case: ") : localized("模型为", "model: ")
        // Years in a sentence carry no "E": the sentence says they are forecast.
        return localized("\(title)预计 \(year) 年达到 \(amount)（\(interval)），\(fromYear)–\(toYear) 年复合增长率\(cagr.first?.isASCII == true ? " " : "")\(cagr)\(why)，\(modelWord)\(model)。",
             // "a 10.0% CAGR over …" for a rate, "a CAGR over … of at most 15.2%" for a limit.
             cagr.first?.isLetter == true
                ? "\(title) is forecast to reach \(amount) in \(year) (\(interval)), a CAGR over \(fromYear)–\(toYear) of \(cagr)\(why); \(modelWord)\(model)."
                : "\(title) is forecast to reach \(amount) in \(year) (\(interval)), a \(cagr) CAGR over \(fromYear)–\(toYear)\(why); \(modelWord)\(model).")
    }
    /// "95% 区间 7,140–20,320": a forecast's interval as key findings quote it.
    func intervalQuote(level: Double, lower: String, upper: String) -> String {
        let percent = NumberFormat.percent(level, decimals: 0)
        return localized("\(percent) 区间 \(lower)–\(upper)", "\(percent) interval \(lower)–\(upper)")
    }
    /// `cagr` is a growth phrase ("111.2%", "至少 12.0%"); `exact` when it is the rate itself.
    func findingActualCAGR(title: String, fromYear: Int, toYear: Int, cagr: String, last: String, exact: Bool = true) -> String {
        localized("\(title) \(fromYear)–\(toYear) 年实际复合增长率\(exact ? "为 " : "")\(cagr)，\(toYear) 年为\(last.first?.isASCII == true ? " " : "")\(last)。",
             exact ? "\(title) grew at a \(cagr) CAGR over \(fromYear)–\(toYear) (actuals), reaching \(last) in \(toYear)."
                   : "\(title) grew at a CAGR of \(cagr) over \(fromYear)–\(toYear) (actuals), reaching \(last) in \(toYear).")
    }
    func findingVisitsPeak(months: [String], value: String, last: String, lastValue: String, missing: [String]) -> String {
        let gap = missing.isEmpty ? "" : localized("（\(missing.joined(separator: "、")) 无数据）", " (\(missing.joined(separator: ", ")): no data)")
        return localized("ChatGPT 月访问量在 \(months.joined(separator: "、")) 达到峰值 \(value)，\(last) 为 \(lastValue)\(gap)。",
                    "ChatGPT's monthly visits peaked at \(value) in \(months.joined(separator: " and ")); \(last): \(lastValue)\(gap).")
    }
    /// An end without an interval (the publishers' consensus, which is no fit) is quoted with its label only.
    func findingScenarioRange(title: String, year: Int, low: String, lowAmount: String, lowInterval: String?,
                              high: String, highAmount: String, highInterval: String?) -> String {
        func zh(_ label: String, _ interval: String?) -> String { label + (interval.map { "；\($0)" } ?? "") }
        func en(_ label: String, _ interval: String?) -> String { label.lowercased() + (interval.map { "; \($0)" } ?? "") }
        return localized("\(title) \(year) 年的情景区间为 \(lowAmount)（\(zh(low, lowInterval))）至 \(highAmount)（\(zh(high, highInterval))）。",
                         "Across scenarios, \(title) in \(year) ranges from \(lowAmount) (\(en(low, lowInterval))) to \(highAmount) (\(en(high, highInterval))).")
    }
    /// How a base case declared as a blend is named where a model would be.
    func blendedBase(_ blend: BaseBlend) -> String {
        let ratio = ScenarioAssumptionWords.ratio(blend)
        return localized("统计趋势与出版方共识按 \(ratio) 加权（marketcast 分析师的判断）",
                         "the statistical trend weighted \(ratio) with the publishers' consensus (marketcast's judgement)")
    }
    func findingBacktest(title: String, model: String, fitYears: ClosedRange<Int>, testYears: ClosedRange<Int>,
                         error: String) -> String {
        let tested = testYears.count == 1 ? "\(testYears.lowerBound)" : "\(testYears.lowerBound)–\(testYears.upperBound)"
        return localized("回测：\(title)以 \(fitYears.lowerBound)–\(fitYears.upperBound) 年实际值拟合\(model)，对 \(tested) 年公布值的平均误差为 \(error)。",
                         "Backtest: \(title) fitted with the \(model) to \(fitYears.lowerBound)–\(fitYears.upperBound) missed the published \(tested) by \(error) on average.")
    }
    func findingPenetration(top: String, topScore: String, bottom: String, bottomScore: String) -> String {
        localized("按 marketcast 研究对弗若斯特沙利文 / 头豹研究院 2023 年报告“推进程度”文字的评分（非出版方数据），大模型推进程度最高的行业为\(top)（指数 \(topScore)），最低为\(bottom)（\(bottomScore)）。",
                  "On marketcast research's scoring of the adoption text in Frost & Sullivan / LeadLeo's 2023 report (not a publisher's figure), \(top) is furthest along in adopting large models (index \(topScore)); \(bottom) is last (\(bottomScore)).")
    }
    func findingRoomToGrow(industry: String, points: String) -> String {
        localized("按 marketcast 的估计（非出版方数据），提升空间最大的行业为\(industry)：潜在渗透率高出当前 \(points) 个百分点。",
                  "On marketcast's estimates (not a publisher's figures), \(industry) has the most room to grow: its potential penetration is \(points) points above today's.")
    }
    func findingReleases(count: Int, first: String, last: String) -> String {
        localized("2023 年报告列出 \(count) 个中国大模型发布，集中于\(first)至\(last)。",
             "The report lists \(count) Chinese large-model releases in 2023, between \(first) and \(last).")
    }

    /// What a configured table holds, for the sources page; nil for a table not named here.
    func dataLabel(table: String) -> String? {
        let labels: [String: (String, String)] = [
            "chatgpt-visits": ("ChatGPT 月访问量", "ChatGPT monthly visits"),
            "chatgpt-milestones": ("ChatGPT 里程碑", "ChatGPT milestones"),
            "model-releases": ("2023 年中国大模型发布", "Chinese large-model releases in 2023"),
            "ai-stages": ("人工智能发展阶段", "Stages of AI development"),
            "ai-milestones": ("人工智能发展里程碑", "AI milestones"),
            "vendor-models": ("厂商与模型", "Vendors and models"),
            "vendor-benchmarks": ("评测得分", "Benchmark scores"),
            "compute": ("算力与训练规模", "Compute and training scale"),
            "case-results": ("应用案例成效", "Results of deployments"),
            "industry-applications": ("各行业应用功能", "Application functions by industry"),
            "published-forecasts": ("已发布预测", "Published forecasts"),
            "penetration": ("推进程度评分", "Adoption-progress scores"),
        ]
        return labels[table].map { localized($0.0, $0.1) }
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
    var averageMissHeader: String { localized("平均误差", "Average miss") }
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
        if case .failed = skip.cause { return localized("拟合未得出结果", "the fit did not succeed") }
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
        localized("注：误差 =（预测 − 公布值）/ 公布值，正值表示预测偏高；平均误差为各检验年误差（不计正负）的平均；模型与情景均按原设定，未针对结果调整。",
                  "Note: error = (forecast − published) / published; positive means the forecast was too high; the average miss averages the size of the errors over the held-out years; models and scenarios are tried as written, never tuned to the answer.")
    }
    func methodologyNote(level: Double) -> String {
        let percent = NumberFormat.percent(level, decimals: 0)
        return localized("注：E 年数值为模型的外推，区间为\(percent)预测区间：组合预测与各年度方法的区间来自其在 M1 与 M3 预测竞赛年度序列上的滚动回测误差（每次只用截至某年的数据预测其后各年，逐年推移；按序列年均变动缩放；正值序列的下限按相对误差计，因此不会低于零），增长曲线的区间来自拟合本身（delta 方法：由参数的不确定性推算路径的不确定性）；出版方的预测仅作对照，不参与拟合；仅实际值参与拟合。RSS 为残差平方和；AICc、BIC 为信息准则，越小越好，仅在同一序列的模型之间比较；实际值少于参数个数加 2 时 AICc 无定义。参数由情景设定或位于其约束边界时没有标准误。",
                    "Note: E values extrapolate the model; intervals are \(percent) prediction intervals: for the combination and the yearly methods from their rolling-origin backtest errors on the yearly series of the M1 and M3 forecasting competitions (each time forecasting the years after a cut-off from the data up to it, the cut-off moving a year at a time; scaled by the series' mean yearly change; a positive series' lower end from relative errors, so it never reaches zero), for growth curves from the fit itself (delta method: the parameters' uncertainty carried through to the path); publishers' own forecasts are shown for comparison only and never fitted; only actuals are fitted. RSS is the residual sum of squares; AICc and BIC are information criteria, lower is better, comparable only between models of the same series; AICc is undefined with fewer actuals than parameters plus two. A parameter set by the scenario or sitting on its bound has no standard error.")
    }
}

/// The methodology in plain words (issue 19, finding 6): what each method does and where
/// its interval comes from, for a reader without statistics; the technical terms are in
/// the technical appendix, explained there.
extension Strings {
    var technicalAppendixTitle: String {
        localized("附录：模型参数与拟合统计（技术说明）", "Appendix: model parameters and fit statistics (technical)")
    }
    var plainMethodHeader: String { localized("方法", "Method") }
    var plainIntervalHeader: String { localized("区间从何而来", "Where the interval comes from") }

    /// What the method does, in a sentence, with the years it learns from.
    /// `isConsensus`: the path is the publishers' consensus (ScenarioPath.Origin), no fit.
    func plainMethod(_ forecast: SeriesForecast, isConsensus: Bool = false) -> String {
        if let blend = forecast.blend {
            let ratio = ScenarioAssumptionWords.ratio(blend)
            return localized("统计趋势与出版方共识按 \(ratio) 加权（marketcast 分析师的判断；两者各见下行）",
                             "The statistical trend weighted \(ratio) with the publishers' consensus (marketcast's judgement; each in a row below)")
        }
        if isConsensus {
            return localized("出版方公布的预测连成的路径，不是拟合", "A path drawn from the publishers' published forecasts, not a fit")
        }
        let name = sentenceCase(modelName(of: forecast))
        let years = (forecast.fitYears ?? forecast.fit?.fitYears).map {
            localized("以 \($0.lowerBound)–\($0.upperBound) 年实际值为据", "learning from the \($0.lowerBound)–\($0.upperBound) actuals")
        }
        let what: String?
        switch forecast.model {
        case _ where forecast.combination.count == 2:
            what = localized("按增量外推的路径较平、按增速外推的路径较陡，取平均居于两者之间",
                             "the flatter yearly-change path and the steeper growth-rate path, averaged")
        case _ where forecast.combination.count > 2:
            what = localized("最陡或最平的一条路径都不能单独左右结果",
                             "neither the steepest nor the flattest path decides alone")
        case .curve(.exponential): what = localized("市场每年按同一增速增长，增速由数据估计", "the market grows at one rate every year, estimated from the data")
        case .curve(.linear): what = localized("市场每年增加同一数额", "the market adds the same amount every year")
        case .curve(.logistic): what = localized("增长先快后慢，逐步接近市场上限", "an S-curve: growth is fast at first, then slows as the market nears its ceiling")
        case .curve(.gompertz): what = localized("增长先快后慢，比 Logistic 曲线更早放缓", "an S-curve that slows earlier than the logistic")
        default: what = nil
        }
        return ([name] + [what, years].compactMap { $0 }).joined(separator: localized("；", "; "))
    }

    /// Where the interval comes from and why it is as wide as it is.
    func plainInterval(_ forecast: SeriesForecast, isConsensus: Bool = false) -> String {
        let percent = NumberFormat.percent(forecast.level, decimals: 0)
        if forecast.blend != nil {
            return localized("统计趋势的\(percent)区间，按同一比例移至基准水平（出版方共识本身没有区间）。",
                             "The statistical trend's \(percent) interval, scaled to the base level (the consensus itself has none).")
        }
        if isConsensus {
            return localized("无：出版方未给出区间。", "None: the publishers give no interval.")
        }
        if forecast.intervalMethod != nil {
            return localized("同一方法在大量公开的年度历史序列（M1 与 M3 预测竞赛数据）上预测 1–6 年后的误差，按本序列每年的平均变动幅度换算（低于预测值的一侧按相对幅度换算，下限因此不会低于零）；\(percent)区间覆盖其中 \(percent) 的历史误差。",
                             "The same method's misses 1–6 years ahead on many public yearly series (the M1 and M3 forecasting competitions), scaled to this series' average yearly change (below the forecast in relative terms, so the lower end never reaches zero); the \(percent) interval covers \(percent) of them.")
        }
        guard let fit = forecast.fit else { return "–" }
        let observations = forecast.actuals.filter { fit.fitYears.contains($0.year) }.count
        let few = fit.degreesOfFreedom <= 1
            ? localized("本序列仅 \(observations) 个实际值，不足以把曲线确定下来，区间因此很宽。",
                        " With only \(observations) actuals the curve is barely pinned down, so it is very wide.")
            : ""
        return localized("来自拟合本身的不确定性：实际值越少、离曲线越远，区间越宽。", "The fit's own uncertainty: fewer actuals, or actuals further from the curve, make it wider.") + few
    }

    func plainNoForecast(actuals: Int, parameters: Int) -> String {
        localized("不作预测：仅 \(actuals) 个实际值，而最简单的增长模型也需估计 \(parameters) 个参数，余下的数据不足以检验拟合。",
                  "No forecast: only \(actuals) actuals, while even the simplest growth model estimates \(parameters) parameters, leaving too little data to check the fit.")
    }

    /// `consensusInBase`: the base case weighs the publishers' consensus in, so they are more than a comparison.
    func plainMethodologyNote(consensusInBase: Bool) -> String {
        consensusInBase
            ? localized("注：E 年数值为模型的外推或出版方共识；只有实际值参与拟合，出版方的预测不参与拟合，只通过“出版方共识”按所示权重计入基准情景。回测（下页）只用较早年份拟合、预测较晚年份，再与公布值比较，检验方法在未见过的年份上的表现。模型公式、参数与拟合统计见附录（技术说明）。",
                        "Note: E values extrapolate the model or the publishers' consensus; only actuals are fitted, and publishers' forecasts enter the base case only as the publishers' consensus, at the weight shown. The backtest (next page) fits the earlier years only, forecasts the later ones and compares them with the published values, to see how a method does on years it has not seen. Formulas, parameters and fit statistics are in the technical appendix.")
            : plainMethodologyNote
    }
    var plainMethodologyNote: String {
        localized("注：E 年数值为模型的外推；只有实际值参与拟合，出版方的预测仅作对照。回测（下页）只用较早年份拟合、预测较晚年份，再与公布值比较，检验方法在未见过的年份上的表现。模型公式、参数与拟合统计见附录（技术说明）。",
                  "Note: E values extrapolate the model; only actuals are fitted, and publishers' forecasts are shown for comparison only. The backtest (next page) fits the earlier years only, forecasts the later ones and compares them with the published values, to see how a method does on years it has not seen. Formulas, parameters and fit statistics are in the technical appendix.")
    }
}
