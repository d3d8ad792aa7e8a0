import MarketData

/// Every exhibit table the config names, read once per run in the report's language.
/// Exhibits (and the key findings, which are rebuilt until their page numbers settle) read
/// the rows from here instead of the files; `check` reads the same way, so a table that
/// passes `check` is a table the run can draw. A table the config does not name is nil,
/// and its exhibit is left out.
struct ExhibitTables {
    var chatGPTVisits: [MonthlyVisit]?
    var chatGPTMilestones: [DatedLabel] = []
    var modelReleases: [ModelRelease]?
    var aiStages: [DevelopmentStage]?
    var aiMilestones: [DatedLabel] = []
    var vendorModels: [VendorModel]?
    var vendorBenchmarks: [BenchmarkScore]?
    var compute: [ComputeFigure]?
    var caseResults: [CaseResult]?
    var industryApplications: [IndustryApplication]?

    /// Reads every named table, recording each one's problems in `problems`; a table with
    /// problems stays nil.
    static func load(_ config: ReportConfig, language: DisplayLanguage?, problems: inout InputErrors) -> ExhibitTables {
        func read<Row>(_ name: String, _ load: (String) throws -> [Row]) -> [Row]? {
            guard let path = config.tables[name] else { return nil }
            do {
                return try load(path)
            } catch {
                problems.append(contentsOf: InputErrors(flattening: error)
                    ?? InputErrors([InputError(SourceLocation(file: path), "cannot be read: \(error)")]))
                return nil
            }
        }
        var tables = ExhibitTables()
        tables.chatGPTVisits = read("chatgpt-visits") { try MonthlyVisit.load(path: $0, language: language) }
        tables.chatGPTMilestones = read("chatgpt-milestones") {
            try DatedLabel.load(path: $0, dateColumn: "date", language: language)
        } ?? []
        tables.modelReleases = read("model-releases") { try ModelRelease.load(path: $0, language: language) }
        tables.aiStages = read("ai-stages") { try DevelopmentStage.load(path: $0, language: language) }
        tables.aiMilestones = read("ai-milestones") {
            try DatedLabel.load(path: $0, dateColumn: "year", language: language)
        } ?? []
        tables.vendorModels = read("vendor-models") { try VendorModel.load(path: $0, language: language) }
        tables.vendorBenchmarks = read("vendor-benchmarks") { try BenchmarkScore.load(path: $0, language: language) }
        tables.compute = read("compute") { try ComputeFigure.load(path: $0, language: language) }
        tables.caseResults = read("case-results") { try CaseResult.load(path: $0, language: language) }
        tables.industryApplications = read("industry-applications") {
            try IndustryApplication.load(path: $0, language: language)
        }
        return tables
    }

    /// The tables, or every problem found in them at once.
    static func load(_ config: ReportConfig, language: DisplayLanguage) throws -> ExhibitTables {
        var problems = InputErrors()
        let tables = load(config, language: language, problems: &problems)
        try problems.sortedByLocation().throwIfAny()
        return tables
    }
}
