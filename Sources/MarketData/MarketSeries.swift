/// Whether a value was reported (actual) or is somebody's estimate or forecast. The two are
/// never mixed silently: charts draw them differently and fits use actuals only.
public enum ObservationStatus: String, Sendable, Hashable, CaseIterable {
    case actual
    case estimate
}

/// Which side of a published figure the true value lies on, when the publisher gave only a
/// bound ("超过9000亿元", "突破": more than; "不足", "低于": less than). Fits use the bound as the
/// value but never let a forecast interval contradict it (see ScenarioFitter), and charts
/// print it as a bound ("超过9,000" / ">9,000"), never as an exact figure.
public enum ObservationBound: String, Sendable, Hashable, CaseIterable {
    /// The true value is at least the figure.
    case lower
    /// The true value is at most the figure.
    case upper
}

/// One year's value of a market series, with the unit, status and source it was given with,
/// and the line it came from so any later complaint about it can point back at the file.
public struct Observation: Sendable, Hashable {
    public var year: Int
    public var value: Double
    public var unit: String
    public var status: ObservationStatus
    public var source: String
    public var note: String
    /// The definition the publisher used (e.g. "AI core industry"); empty when not given.
    public var definition: String
    /// 1-based line in the dataset file.
    public var line: Int
    /// Set when the figure is only a bound (column `bound`); nil for an exact figure.
    public var bound: ObservationBound?
    /// When the figure was published (column `published`, `YYYY-MM` or `YYYY-MM-DD`); empty
    /// when the dataset does not say. The latest of a series is its data cut-off.
    public var published: String = ""
    /// True for a figure stated before its year closed (`status` `preliminary` in the
    /// dataset, e.g. MIIT's 2025 figure stated in December on January–November data): an
    /// actual for fits and tables, but drawn and footnoted as preliminary on every page.
    public var isPreliminary: Bool = false
    /// Set for a year carried back by an older vintage's growth (`link: growth`): the file
    /// of that vintage. Such a year is no published figure: it is drawn and named apart.
    public var linkedFrom: String? = nil
    public var isLinked: Bool { linkedFrom != nil }
    /// True when the figure was computed from another year's figure and a stated growth rate
    /// (its note starts with "derived"), so a chart can mark it on the bar itself.
    public var isDerived: Bool { note.lowercased().hasPrefix("derived") }
    /// The source as the dataset words it for each language (`source_zh`, `source_en`),
    /// when it does; `source(in:)` falls back to `source`.
    public var localizedSources: [DisplayLanguage: String] = [:]

    public func source(in language: DisplayLanguage) -> String {
        localizedSources[language].flatMap { $0.isEmpty ? nil : $0 } ?? source
    }

    public init(year: Int, value: Double, unit: String, status: ObservationStatus, source: String,
                note: String = "", definition: String = "", line: Int) {
        self.year = year
        self.value = value
        self.unit = unit
        self.status = status
        self.source = source
        self.note = note
        self.definition = definition
        self.line = line
    }
}

/// A validated yearly market series: one unit, one definition, one observation per year, sorted
/// by year, every observation with a source.
public struct MarketSeries: Sendable, Hashable {
    public var id: String
    public var file: String
    public var unit: String
    /// The common definition of all rows, or empty when the file has none.
    public var definition: String
    /// Sorted by year, one per year.
    public var observations: [Observation]
    /// Rows of a year that several sources bound, other than the tightest (which is in
    /// `observations` and drives the fit): kept with their sources so a page shows the range.
    public var otherSources: [Observation] = []
    /// Things that did not stop loading but deserve a look (severity .warning), in line order.
    public var warnings: [Diagnostic]

    public init(id: String, file: String, unit: String, definition: String = "", observations: [Observation],
                warnings: [Diagnostic] = []) {
        self.id = id
        self.file = file
        self.unit = unit
        self.definition = definition
        self.observations = observations.sorted { $0.year < $1.year }
        self.warnings = warnings
    }

    public var actuals: [Observation] { observations.filter { $0.status == .actual } }
    public var estimates: [Observation] { observations.filter { $0.status == .estimate } }
    public var years: [Int] { observations.map(\.year) }

    /// Distinct sources in year order, for the source note under a chart.
    public var sources: [String] {
        var seen: [String] = []
        for observation in observations where !seen.contains(observation.source) {
            seen.append(observation.source)
        }
        return seen
    }

    /// Distinct sources in year order, as the dataset words them for `language`.
    public func sources(in language: DisplayLanguage) -> [String] {
        var seen: [String] = []
        for observation in observations where !seen.contains(observation.source(in: language)) {
            seen.append(observation.source(in: language))
        }
        return seen
    }

    /// The latest publication date any row names (ISO text sorts by date); nil when no row
    /// has one. Pages print it as their data cut-off.
    public var dataCutoff: String? {
        // A month-precision date covers the whole month, so it sorts after every day of it.
        observations.map(\.published).filter { !$0.isEmpty }
            .max { ($0.count == 7 ? $0 + "-99" : $0) < ($1.count == 7 ? $1 + "-99" : $1) }
    }

    /// The publications the figures come from (as English pages cite them) and the cut-off,
    /// e.g. "CAICT 2025-12; MIIT 2025-12 (published up to 2025-12-26)": what a reader needs
    /// to tell two vintages of one series apart.
    public var vintage: String {
        let cited = sources(in: .en).joined(separator: "; ")
        return dataCutoff.map { "\(cited) (published up to \($0))" } ?? cited
    }

    public func observation(forYear year: Int) -> Observation? {
        observations.first { $0.year == year }
    }
}
