import MarketData

/// One table an exhibit reads: its key under `tables:` in report.yaml and how its rows load
/// (in the report's language). Declared once in `ExhibitTable` below; an exhibit lists the
/// tables it reads in `Exhibit.tables`, and the config reader, `check`, the run and the
/// manifest all take their lists from `ExhibitTable.all`.
struct ExhibitTableSpec<Row> {
    let name: String
    /// The rows of the file's parsed CSV.
    let load: (_ table: CSVTable, _ language: DisplayLanguage?) throws -> [Row]

    var erased: AnyExhibitTableSpec {
        AnyExhibitTableSpec(name: name) { table, language in try load(table, language) }
    }
}

/// A table spec with its row type erased, for lists of tables of different kinds.
struct AnyExhibitTableSpec {
    let name: String
    let load: (_ table: CSVTable, _ language: DisplayLanguage?) throws -> Any
}

/// Every exhibit table, in the order the manifest lists them. A new table is one entry
/// here (with its loader in ExhibitData) and one mention in its exhibit's `tables`.
enum ExhibitTable {
    static let chatGPTVisits = ExhibitTableSpec(name: "chatgpt-visits") { try MonthlyVisit.load($0, language: $1) }
    static let chatGPTMilestones = ExhibitTableSpec(name: "chatgpt-milestones") {
        try DatedLabel.load($0, dateColumn: "date", language: $1)
    }
    static let modelReleases = ExhibitTableSpec(name: "model-releases") { try ModelRelease.load($0, language: $1) }
    static let aiStages = ExhibitTableSpec(name: "ai-stages") { try DevelopmentStage.load($0, language: $1) }
    static let aiMilestones = ExhibitTableSpec(name: "ai-milestones") {
        try DatedLabel.load($0, dateColumn: "year", language: $1)
    }
    static let vendorModels = ExhibitTableSpec(name: "vendor-models") { try VendorModel.load($0, language: $1) }
    static let vendorBenchmarks = ExhibitTableSpec(name: "vendor-benchmarks") {
        try BenchmarkScore.load($0, language: $1)
    }
    static let compute = ExhibitTableSpec(name: "compute") { try ComputeFigure.load($0, language: $1) }
    static let caseResults = ExhibitTableSpec(name: "case-results") { try CaseResult.load($0, language: $1) }
    static let industryApplications = ExhibitTableSpec(name: "industry-applications") {
        try IndustryApplication.load($0, language: $1)
    }
    static let publishedForecasts = ExhibitTableSpec(name: "published-forecasts") {
        try PublishedForecast.load($0, language: $1)
    }

    static let all: [AnyExhibitTableSpec] = [
        chatGPTVisits.erased, chatGPTMilestones.erased, modelReleases.erased, aiStages.erased, aiMilestones.erased,
        vendorModels.erased, vendorBenchmarks.erased, compute.erased, caseResults.erased, industryApplications.erased,
        publishedForecasts.erased,
    ]
}

/// Every exhibit table the config names, read once per run in the report's language.
/// Exhibits (and the key findings, which are rebuilt until their page numbers settle) read
/// the rows from here instead of the files; `check` reads the same way, so a table that
/// passes `check` is a table the run can draw. A table the config does not name is nil,
/// and its exhibit is left out.
struct ExhibitTables {
    private var rows: [String: Any] = [:]

    /// The rows of `table`; nil when the config does not name it (or it did not load).
    subscript<Row>(_ table: ExhibitTableSpec<Row>) -> [Row]? {
        rows[table.name] as? [Row]
    }

    /// Reads every named table through `csv` (the run's one read of each file), recording
    /// each one's problems in `problems`; a table with problems stays nil.
    static func load(_ config: ReportConfig, language: DisplayLanguage?, problems: inout InputErrors,
                     csv: (String) throws -> CSVTable) -> ExhibitTables {
        var tables = ExhibitTables()
        for table in ExhibitTable.all {
            guard let path = config.tables[table.name] else { continue }
            do {
                tables.rows[table.name] = try table.load(try csv(path), language)
            } catch {
                problems.append(contentsOf: InputErrors(flattening: error)
                    ?? InputErrors([Diagnostic(SourceLocation(file: path), "cannot be read: \(error)")]))
            }
        }
        return tables
    }
}
