// How a forecast treats figures published only as bounds ("超过9000亿元": more than 9,000).
// A growth curve treats a bound as a censored observation (CensoredFit: a path on the
// permitted side costs nothing). The yearly methods and `auto` take the series as given,
// so for them the bound is the value; in either case it is not an exact figure, and two
// consequences are drawn from that:
// - fitted bounds are flagged: a warning names the years, and says which way the true
//   level may lie (a yearly path started from lower bounds is the least the data support);
// - a forecast year the inputs already bound (a row of the series for that year with a
//   `bound`, e.g. an estimate row "2026 more than 15,000") never gets a value or interval
//   on the wrong side of it: the value, the lower and the upper end are each raised to a
//   lower bound (lowered to an upper bound). An actual held out of the fit (a backtest's
//   later years) is not applied, so a backtest never sees the years it is scored on.
import MarketData

extension SeriesForecast {
    /// This forecast with the bounds of `series` applied as the file header describes.
    /// `fitThrough` is the last year the fit was allowed to see, when it was cut short.
    /// `censored`: the fit treated the bounds as censored observations (the growth curves).
    public func respectingBounds(of series: MarketSeries, fitThrough: Int? = nil, censored: Bool = false) -> SeriesForecast {
        var result = self
        let seen = series.observations.filter { observation in
            observation.status == .estimate || fitThrough.map { observation.year <= $0 } ?? true
        }
        for index in result.points.indices where result.points[index].isEstimate {
            let year = result.points[index].year
            guard let bounded = seen.first(where: { $0.year == year && $0.bound != nil }),
                  let bound = bounded.bound else { continue }
            result.points[index] = result.points[index].clamped(to: bound, at: bounded.value)
        }
        let fittedYears = fitYears ?? (actuals.first.map(\.year) ?? 0)...(actuals.last.map(\.year) ?? -1)
        let fittedBounds = series.actuals.filter { fittedYears.contains($0.year) && $0.bound != nil }
        for kind in ObservationBound.allCases {
            let years = fittedBounds.filter { $0.bound == kind }.map(\.year)
            guard !years.isEmpty else { continue }
            result.warnings.append(.publishedBounds(kind, years: years, censored: censored))
        }
        return result
    }
}

extension ForecastPoint {
    /// The point with its value and interval moved to the permitted side of `bound`.
    func clamped(to bound: ObservationBound, at figure: Double) -> ForecastPoint {
        var point = self
        switch bound {
        case .lower:
            point.value = max(value, figure)
            point.lower = lower.map { max($0, figure) }
            point.upper = upper.map { max($0, figure) }
        case .upper:
            point.value = min(value, figure)
            point.lower = lower.map { min($0, figure) }
            point.upper = upper.map { min($0, figure) }
        }
        return point
    }
}
