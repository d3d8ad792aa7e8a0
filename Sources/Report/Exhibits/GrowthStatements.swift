import Forecasting
import MarketData

// How a page states a growth rate between published figures (Forecasting/CAGR.swift,
// `BoundedGrowth`, holds the rule): a rate between two exact figures is printed as the rate;
// from a lower-bounded start it is "at most", to a lower-bounded end "at least"; between two
// lower bounds nothing certain follows, so no rate is printed. And a rate never joins two
// vintages of a series (figures a publisher revised in between): the actual span a page
// quotes lies inside one vintage.

/// The years a series' actual growth may be quoted over, and its vintages.
struct SeriesVintages {
    /// One publication round: the actual years whose figures were published in one month.
    struct Vintage: Equatable {
        /// `YYYY-MM`, or empty when the dataset gives no `published` date.
        var month: String
        var years: [Int]
    }

    /// Consecutive runs (in year order) of actuals published in the same month.
    let vintages: [Vintage]

    init(series: MarketSeries, actualYears: [Int]) {
        var runs: [Vintage] = []
        for year in actualYears.sorted() {
            let month = String((series.observation(forYear: year)?.published ?? "").prefix(7))
            if let last = runs.last, last.month == month { runs[runs.count - 1].years.append(year) }
            else { runs.append(Vintage(month: month, years: [year])) }
        }
        vintages = runs
    }

    /// True when the actuals come from more than one publication round.
    var isSpliced: Bool { vintages.count > 1 }

    /// The span an actual growth rate may be quoted over: the latest vintage with at least
    /// two years, first to last year; nil when none has two.
    var quotableSpan: (from: Int, to: Int)? {
        guard let run = vintages.last(where: { $0.years.count >= 2 }),
              let first = run.years.first, let last = run.years.last else { return nil }
        return (first, last)
    }
}

extension Strings {
    /// "15.2%", "至少 15.2%" / "at least 15.2%", "至多 15.2%" / "at most 15.2%"; nil when
    /// nothing certain follows.
    func growthPhrase(_ growth: BoundedGrowth) -> String? {
        switch growth {
        case .exact(let rate): return NumberFormat.percent(rate)
        case .atLeast(let rate): return localized("至少 ", "at least ") + NumberFormat.percent(rate)
        case .atMost(let rate): return localized("至多 ", "at most ") + NumberFormat.percent(rate)
        case let .range(low, high): return "\(NumberFormat.percent(low))–\(NumberFormat.percent(high))"
        case .undetermined: return nil
        }
    }

    /// The pill on a CAGR arrow: "CAGR 15.2%", "CAGR ≥15.2%", "CAGR ≤15.2%"; nil draws no arrow.
    func cagrLabel(_ growth: BoundedGrowth) -> String? {
        switch growth {
        case .exact(let rate): return cagrLabel(rate)
        case .atLeast(let rate), .atMost(let rate): return cagrPrefix(growth).map { $0 + NumberFormat.percent(rate) }
        case let .range(low, high): return "CAGR \(NumberFormat.percent(low))–\(NumberFormat.percent(high))"
        case .undetermined: return nil
        }
    }

    /// The words before a quoted rate on its pill ("CAGR ", "CAGR ≥", "CAGR ≤"), for a growth
    /// that quotes one rate; the pill is these and `NumberFormat.percent` of the rate.
    func cagrPrefix(_ growth: BoundedGrowth) -> String? {
        switch growth {
        case .exact: return "CAGR "
        case .atLeast: return "CAGR ≥"
        case .atMost: return "CAGR ≤"
        case .range, .undetermined: return nil
        }
    }

    /// The chart note's sentence for "≤" / "≥" pills.
    func boundedGrowthNote(hasAtMost: Bool, hasAtLeast: Bool) -> String? {
        switch (hasAtMost, hasAtLeast) {
        case (false, false): return nil
        case (true, false):
            return localized("“CAGR ≤”：起点为出版方所述下限，实际起点更高，故增速至多为所示值。",
                             "“CAGR ≤”: the start is a published lower bound; the true start is higher, so growth is at most the rate shown.")
        case (false, true):
            return localized("“CAGR ≥”：终点为出版方所述下限，实际终点更高，故增速至少为所示值。",
                             "“CAGR ≥”: the end is a published lower bound; the true end is higher, so growth is at least the rate shown.")
        case (true, true):
            return localized("“CAGR ≤”“CAGR ≥”：起点或终点为出版方所述下限，增速至多或至少为所示值。",
                             "“CAGR ≤” and “≥”: a start or end that is a published lower bound makes the rate an upper or a lower limit.")
        }
    }

    /// The chart note when the actual years are all lower bounds: why no arrow spans them.
    var noGrowthBetweenBounds: String {
        localized("实际期首尾两年均为出版方所述下限，两个下限之间的增速无法确定，故图中不标实际期复合增长率。",
                  "The first and last actual years are both published lower bounds; no growth rate between two bounds is certain, so none is drawn over the actual years.")
    }

    /// Why a chart of lower bounds shows no actual CAGR, and what a finding says instead.
    func boundsOnlyGrowth(title: String, fromYear: Int, toYear: Int, first: String, last: String) -> String {
        localized("\(title) \(fromYear)–\(toYear) 年的公布值均为下限：\(fromYear) 年\(first)，\(toYear) 年\(last)。实际值都可能更高，两个下限之间的增速无法确定，本报告不计其复合增长率。",
                  "\(title): every figure for \(fromYear)–\(toYear) is a published lower bound: \(fromYear) \(first), \(toYear) \(last). Each true value may be higher, so no growth rate between them is certain and none is quoted.")
    }

    /// The note of a chart whose actuals come from more than one publication round.
    func vintageNote(_ vintages: [SeriesVintages.Vintage]) -> String? {
        guard vintages.count > 1 else { return nil }
        let parts = vintages.map { run -> String in
            let years = run.years.map(String.init).joined(separator: localized("、", ", "))
            let month = run.month.isEmpty ? localized("未注明日期的", "an undated") : run.month
            return localized("\(years) 年来自 \(month) 发布版", "\(years) from the \(month) publication")
        }
        return localized("数据版本：" + parts.joined(separator: "，")
                            + "；各版出版方可能修订过前值，不同版本的数值不直接相连，增长率只在同一版本内计算。",
                         "Vintages: " + parts.joined(separator: "; ")
                            + "; the publisher may have revised earlier figures between them, so levels of different vintages are not joined and growth is computed within one vintage only.")
    }
}
