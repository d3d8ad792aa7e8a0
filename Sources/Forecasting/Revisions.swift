/// How one run's forecasts differ from an earlier run's: for every series (and scenario)
/// and year in either run, the old value, the new value, the change and the change in
/// percent. Years present in one run only are listed with the other side empty, so a
/// lengthened horizon or a dropped year is visible rather than silently skipped.
public struct ForecastValue: Sendable, Equatable {
    public var series: String
    /// Empty for runs without scenarios.
    public var scenario: String
    public var year: Int
    public var value: Double
    public var isEstimate: Bool

    public init(series: String, scenario: String = "", year: Int, value: Double, isEstimate: Bool) {
        self.series = series; self.scenario = scenario; self.year = year; self.value = value
        self.isEstimate = isEstimate
    }
}

public struct Revision: Sendable, Equatable {
    public var series: String
    public var scenario: String
    public var year: Int
    public var old: ForecastValue?
    public var new: ForecastValue?

    /// new − old; nil when either side is missing.
    public var change: Double? {
        guard let old, let new else { return nil }
        return new.value - old.value
    }

    /// The change as a fraction of the old value; nil when either side is missing or the
    /// old value is zero (a percentage of nothing means nothing).
    public var relativeChange: Double? {
        guard let change, let old, old.value != 0 else { return nil }
        return change / abs(old.value)
    }
}

public enum Revisions {
    /// Revisions ordered by series and scenario as they first appear (new run first, then
    /// series only in the old run), then by year.
    public static func compare(old: [ForecastValue], new: [ForecastValue]) -> [Revision] {
        struct Key: Hashable { var series: String; var scenario: String }
        var order: [Key] = []
        var seen = Set<Key>()
        for value in new + old {
            let key = Key(series: value.series, scenario: value.scenario)
            if seen.insert(key).inserted { order.append(key) }
        }
        var revisions: [Revision] = []
        for key in order {
            let oldValues = old.filter { $0.series == key.series && $0.scenario == key.scenario }
            let newValues = new.filter { $0.series == key.series && $0.scenario == key.scenario }
            let years = Array(Set(oldValues.map(\.year) + newValues.map(\.year))).sorted()
            for year in years {
                revisions.append(Revision(series: key.series, scenario: key.scenario, year: year,
                                          old: oldValues.first { $0.year == year },
                                          new: newValues.first { $0.year == year }))
            }
        }
        return revisions
    }
}
