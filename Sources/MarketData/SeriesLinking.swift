// Linking a revised series to its older vintage, the statistical offices' way: when a
// publisher revises a series (a new definition, new data), the older vintage's levels are
// not comparable with the new ones, but its year-on-year growth is the best evidence of how
// the market moved before the new series starts. So the older growth carries the series
// back from the newest vintage's first level:
//     linked(y) = linked(y + 1) × old(y) / old(y + 1),   linked(first) = new(first).
// Levels of two vintages are never spliced: every linked value is the new level scaled by
// the old growth. A linked year inherits the first year's bound (a lower bound scaled by a
// positive ratio is a lower bound), keeps the older row's source and says it is linked.
import Foundation

extension MarketSeries {
    /// This series carried back before its first actual year by the growth of `older`
    /// (its actual years that end at or after this series' first one).
    public func linkedByGrowth(with older: MarketSeries) throws -> MarketSeries {
        guard let first = actuals.first else { return self }
        guard older.unit == unit else {
            throw Diagnostic(SourceLocation(file: older.file), "the older vintage is in \(older.unit), the series `\(id)` in \(unit)",
                             hint: "link two vintages of one series in one unit")
        }
        let old = Dictionary(older.actuals.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
        guard old[first.year] != nil, old[first.year - 1] != nil else {
            throw Diagnostic(SourceLocation(file: older.file),
                             "the older vintage has no growth into \(first.year), the first year of `\(id)` (it needs \(first.year - 1) and \(first.year))",
                             hint: "link a vintage that overlaps the newest one's first year, or drop `link:`")
        }
        var linked: [Observation] = []
        var next = first.value, year = first.year - 1
        while let earlier = old[year], let later = old[year + 1], earlier.value > 0, later.value > 0 {
            next *= earlier.value / later.value
            var observation = Observation(year: year, value: next, unit: unit, status: .actual, source: earlier.source,
                                          note: "linked: \(older.file) growth \(year)→\(year + 1) carried back from \(first.year)",
                                          definition: first.definition, line: earlier.line)
            observation.localizedSources = earlier.localizedSources
            observation.bound = first.bound
            observation.published = earlier.published
            observation.linkedFrom = older.file
            linked.insert(observation, at: 0)
            year -= 1
        }
        var result = self
        result.observations = linked + observations
        return result
    }

    /// The years carried back by an older vintage's growth.
    public var linkedYears: [Int] { observations.filter(\.isLinked).map(\.year) }
}
