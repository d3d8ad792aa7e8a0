import Forecasting
import MarketData

/// What every chart of a series' values discloses about its figures, so the market-size and
/// the scenario page say it alike: a derived year is marked on its year label, bounds and
/// derived years are explained in the note, and the note ends with the data cut-off.
struct SeriesDisclosures {
    let series: MarketSeries
    let strings: Strings
    /// The edition's year (2026 for 2026Q4): an estimate of an earlier year is no forecast
    /// (the year has passed, unpublished), so it is labelled "2025（估）" / "2025 est.", not "2025E".
    var editionYear: Int? = nil

    /// True for an estimate of a year before the edition's.
    func isPastEstimate(_ point: ForecastPoint) -> Bool {
        point.isEstimate && editionYear.map { point.year < $0 } == true
    }

    /// The year label of a point, with the derived mark when the figure was not published
    /// directly (only actuals carry what the dataset says about them).
    func yearLabel(_ point: ForecastPoint) -> String {
        let observation = point.isEstimate ? nil : series.observation(forYear: point.year)
        if isPastEstimate(point) { return strings.pastEstimateLabel(point.year) }
        return strings.yearLabel(point.year, isEstimate: point.isEstimate)
            + (observation?.isPreliminary == true ? strings.preliminaryMark : "")
            + (observation?.isDerived == true ? strings.derivedMark : "")
    }

    /// "2025p" in a sentence or table cell: the year of an actual with its preliminary mark.
    func actualYear(_ year: Int) -> String {
        "\(year)" + (series.observation(forYear: year)?.isPreliminary == true ? strings.preliminaryMark : "")
    }

    /// True for an actual carried back by an older vintage's growth (`link: growth`).
    func isLinked(_ point: ForecastPoint) -> Bool {
        !point.isEstimate && series.observation(forYear: point.year)?.isLinked == true
    }

    /// The bound of an actual point's figure, nil for an exact figure or an estimate.
    func bound(_ point: ForecastPoint) -> ObservationBound? {
        point.isEstimate ? nil : series.observation(forYear: point.year)?.bound
    }

    /// Sentences for the note: the bounds shown, the derived years, then the cut-off;
    /// `shownEstimates` adds the note on estimates of years before the edition.
    func notes(shownActuals actuals: [ForecastPoint], shownEstimates: [ForecastPoint] = []) -> [String] {
        var parts: [String] = []
        let past = shownEstimates.filter(isPastEstimate).map(\.year)
        if !past.isEmpty, let editionYear { parts.append(strings.pastEstimateNote(past, editionYear: editionYear)) }
        let shown = actuals.compactMap { series.observation(forYear: $0.year) }
        for kind in ObservationBound.allCases {
            let years = shown.filter { $0.bound == kind }.map(\.year)
            if !years.isEmpty { parts.append(strings.boundNote(years, kind: kind)) }
        }
        for observation in shown {
            let others = series.otherSources.filter { $0.year == observation.year }
            if !others.isEmpty { parts.append(strings.severalSourcesNote(tightest: observation, others: others, unit: series.unit)) }
        }
        let linked = shown.filter(\.isLinked)
        if let first = linked.first, let last = linked.last,
           let anchor = series.observations.first(where: { !$0.isLinked && $0.status == .actual }) {
            parts.append(strings.linkedNote(from: first.year, to: last.year, anchor: anchor.year,
                                            sources: Array(Set(linked.map { $0.source(in: strings.language) })).sorted()))
        }
        let derived = shown.filter(\.isDerived).map(\.year)
        if !derived.isEmpty { parts.append(strings.derivedNote(derived)) }
        let preliminary = shown.filter(\.isPreliminary)
        if !preliminary.isEmpty { parts.append(strings.preliminaryNote(preliminary.map { ($0.year, $0.published) })) }
        for step in GrowthBreak.find(in: actuals) { parts.append(strings.growthBreakNote(step)) }
        if let cutoff = series.dataCutoff { parts.append(strings.dataCutoff(cutoff)) }
        return parts
    }
}

/// A visible break in a series: growth from one year to the next jumps (or drops) by more
/// than `threshold` (25 percentage points), e.g. +4% then +41%. The note names it, because a
/// reader sees it on the chart and a forecast leans on it.
struct GrowthBreak: Equatable {
    static let threshold = 0.25
    var year: Int
    var before: Double
    var after: Double

    /// Breaks between consecutive years with positive values; gaps and non-positive values
    /// start afresh.
    static func find(in points: [ForecastPoint]) -> [GrowthBreak] {
        var growth: [(year: Int, rate: Double)] = []
        for (previous, point) in zip(points, points.dropFirst())
        where point.year == previous.year + 1 && previous.value > 0 && point.value > 0 && !point.isEstimate {
            growth.append((point.year, point.value / previous.value - 1))
        }
        var found: [GrowthBreak] = []
        for (first, second) in zip(growth, growth.dropFirst())
        where second.year == first.year + 1 && abs(second.rate - first.rate) > threshold {
            found.append(GrowthBreak(year: second.year, before: first.rate, after: second.rate))
        }
        return found
    }
}
