import Forecasting
import Foundation
import MarketData

/// Everything a run would read, checked without rendering (and without fitting, except the
/// scenario paths PathBoundCheck holds to the published bounds): report.yaml, every
/// file it names, and whatever each config section adds. Problems are collected, never
/// thrown one at a time, so `marketcast check` lists them all at once.
///
/// Config sections that read files or cross-reference other sections contribute an
/// `InputCheck` to `RunValidation.checks`; `marketcast check` and `marketcast run` both go
/// through `validate`, so a config that passes check does not fail a run on its input, and
/// the run builds from the values the checks parsed (`LoadedInputs`): every input file is
/// read once.
public enum RunValidation {
    /// The checks after report.yaml itself, in the order their problems are listed. Later
    /// checks read what earlier ones loaded (scenarios and the backtest need the series).
    static let checks: [InputCheck] = [SeriesDataCheck(), ScenarioCheck(), PathBoundCheck(), BacktestCheck(), ExhibitTableCheck(), ConsensusCheck(),
                                       PenetrationCheck(), ThemeCheck(), CommentaryCheck(), PreviousEditionCheck()]

    /// The outcome: every problem (errors and warnings) in file order, and what was read.
    public struct Report {
        public var problems: [Diagnostic]
        /// Every file read, config first.
        public var files: [String]
        /// What the checks read and parsed, for a run to build from.
        public var inputs = LoadedInputs()
        /// The config, when it parsed without errors.
        public var config: ReportConfig?

        public var errors: [Diagnostic] { problems.filter { $0.severity == .error } }
        public var warnings: [Diagnostic] { problems.filter { $0.severity == .warning } }
        public var isValid: Bool { errors.isEmpty }
    }

    /// Reads and checks the config at `configPath` and everything it names; `language`
    /// overrides the config's (as `run --lang` does) before anything is read in it.
    public static func check(configPath: String, language: DisplayLanguage? = nil) -> Report {
        var problems = InputErrors()
        var files = [configPath]
        do {
            try InputLimits.checkFileSize(path: configPath, file: configPath, limit: InputLimits.yamlFileBytes,
                                          what: "a report config")
        } catch {
            problems.append(contentsOf: InputErrors(flattening: error) ?? InputErrors())
            return Report(problems: problems.errors, files: files)
        }
        guard let data = FileManager.default.contents(atPath: configPath) else {
            problems.append(Diagnostic(SourceLocation(file: configPath), "cannot read the report config",
                                       hint: "check the path given to --config (default: report.yaml in the current folder)"))
            return Report(problems: problems.errors, files: files)
        }
        var config: ReportConfig?
        do {
            let text = try TextDecoding.decode(data, file: configPath).text
            let root = try YAMLMapping.document(file: configPath, text: text)
            let folder = URL(fileURLWithPath: configPath).deletingLastPathComponent().path
            config = try ReportConfig(root: root, folder: folder, problems: &problems)
            if let language { config?.language = language }
        } catch {
            problems.append(contentsOf: InputErrors(flattening: error)
                ?? InputErrors([Diagnostic(SourceLocation(file: configPath), "\(error)")]))
        }
        // Checks run on the entries that did parse, so one bad setting does not hide the
        // problems in every data file.
        var inputs = LoadedInputs()
        if let config {
            let (found, read, loaded) = validate(config)
            problems.append(contentsOf: found)
            files += read
            inputs = loaded
            inputs.record(configPath, data)
        }
        let sorted = problems.sortedByLocation().errors
        let valid = !sorted.contains { $0.severity == .error }
        return Report(problems: sorted, files: files, inputs: inputs, config: valid ? config : nil)
    }

    /// Every check on a loaded config: the problems (errors and warnings), the files read
    /// (config first, then in check order), and what was parsed.
    static func validate(_ config: ReportConfig) -> (problems: InputErrors, files: [String], inputs: LoadedInputs) {
        var problems = InputErrors()
        var inputs = LoadedInputs()
        var files: [String] = []
        for check in checks {
            for file in check.check(config, inputs: &inputs, into: &problems) where !files.contains(file) {
                files.append(file)
            }
        }
        // Files read while loading the config's sections (scenarios, indicators) count too.
        for entry in RunInputs.inputFiles(of: config) where entry.path != config.file && !files.contains(entry.path) {
            files.append(entry.path)
        }
        return (problems.sortedByLocation(), files, inputs)
    }

    /// What a run builds from, or every error in its inputs at once, before any fitting.
    static func validated(_ config: ReportConfig) throws -> LoadedInputs {
        let (problems, _, inputs) = validate(config)
        try InputErrors(problems.errors.filter { $0.severity == .error }).throwIfAny()
        return inputs
    }
}

/// One part of a run's input, checked without fitting or rendering.
protocol InputCheck {
    /// Appends every problem found (errors and warnings), keeps what it parsed in
    /// `inputs`, and returns the files it read.
    func check(_ config: ReportConfig, inputs: inout LoadedInputs, into problems: inout InputErrors) -> [String]
}

/// Runs `body`, recording an input error it throws (anything else as an error about `file`).
private func recording(_ file: String, into problems: inout InputErrors, _ body: () throws -> Void) {
    do {
        try body()
    } catch {
        problems.append(contentsOf: InputErrors(flattening: error)
            ?? InputErrors([Diagnostic(SourceLocation(file: file), "cannot be read: \(error)")]))
    }
}

/// Every series' CSV loads as a market series, has actuals to fit, and ends by the horizon.
struct SeriesDataCheck: InputCheck {
    func check(_ config: ReportConfig, inputs: inout LoadedInputs, into problems: inout InputErrors) -> [String] {
        for entry in config.seriesWithReadableData {
            do {
                var series = try SeriesLoader.load(data: try inputs.read(entry.dataPath), file: entry.dataPath,
                                                   id: entry.id, allowGaps: entry.allowGaps)
                if let link = entry.link {
                    // The older vintage may have gaps and years the newest has; only its growth is used.
                    let older = try SeriesLoader.load(data: try inputs.read(link.vintagePath), file: link.vintagePath,
                                                      id: entry.id, allowGaps: true)
                    series = try series.linkedByGrowth(with: older)
                }
                inputs.series[entry.id] = series
                problems.append(contentsOf: InputErrors(series.warnings))
                if let outside = entry.bounds?.firstActualOutside(series, hint: NaturalBounds.reportConfigHint) {
                    problems.append(outside)
                }
                if let last = series.actuals.last {
                    if last.year > config.horizon {
                        problems.append(Diagnostic(entry.location,
                                                   "series `\(entry.id)` has actuals up to \(last.year), after the horizon \(config.horizon)",
                                                   hint: "set `horizon` to \(last.year) or later"))
                    }
                } else {
                    problems.append(Diagnostic(SourceLocation(file: entry.dataPath),
                                               "series `\(entry.id)` has no rows with status `actual` to fit",
                                               hint: "mark published values as `actual`; estimates alone cannot be fitted"))
                }
            } catch {
                problems.append(contentsOf: InputErrors(flattening: error)
                    ?? InputErrors([Diagnostic(SourceLocation(file: entry.dataPath), "cannot be read: \(error)")]))
            }
        }
        return config.seriesWithReadableData.flatMap { [$0.dataPath] + ($0.link.map { [$0.vintagePath] } ?? []) }
    }
}

/// Every scenario holds for the series it names: anchors after the data, shocks inside
/// it, `fit_years` no more than the actuals, a ceiling above the last actual. And a series
/// has one model: where the base scenario covers a series, its chart shows the base
/// scenario's path, so report.yaml's `model:` must name the same model.
struct ScenarioCheck: InputCheck {
    func check(_ config: ReportConfig, inputs: inout LoadedInputs, into problems: inout InputErrors) -> [String] {
        // The scenario files were read and parsed with the config; their bytes are kept.
        for file in config.scenarios { inputs.record(file.file, file.sourceBytes) }
        for entry in config.series {
            if let series = inputs.series[entry.id] {
                for file in config.scenarios {
                    recording(file.file, into: &problems) { try file.validate(against: series) }
                }
            }
            guard let base = config.scenarios.first(where: { $0.scenario.name == config.baseScenario }),
                  let assumptions = base.scenario.assumptions(for: entry.id) else { continue }
            guard assumptions.model != .catalog(entry.model) else { continue }
            let baseModel = assumptions.model.spec.name
            problems.append(Diagnostic(entry.location,
                                       "series `\(entry.id)` names model `\(entry.model.name)`, but the base scenario `\(base.scenario.name)` (\(base.file)) forecasts it with `\(baseModel)`, and its chart shows the base scenario",
                                       hint: "name the same model in both places (the base scenario decides what the chart shows)"))
        }
        return config.scenarios.map(\.file)
    }
}

/// `backtest.fit_through` leaves actuals to fit and later actuals to compare with.
struct BacktestCheck: InputCheck {
    func check(_ config: ReportConfig, inputs: inout LoadedInputs, into problems: inout InputErrors) -> [String] {
        guard let settings = config.backtest, let series = inputs.series[settings.seriesID] else { return [] }
        let lastActual = series.actuals.last?.year ?? settings.fitThrough
        if settings.fitThrough >= lastActual {
            problems.append(Diagnostic(settings.location, "`fit_through` \(settings.fitThrough) leaves no later actual of `\(settings.seriesID)` to compare with (last actual \(lastActual))",
                                       hint: "choose a year before \(lastActual)"))
        } else if let firstActual = series.actuals.first?.year, settings.fitThrough <= firstActual {
            problems.append(Diagnostic(settings.location, "`fit_through` \(settings.fitThrough) leaves too few actuals of `\(settings.seriesID)` to fit",
                                       hint: "choose a later year"))
        }
        return []
    }
}

/// Every exhibit table the config names loads the way its exhibit reads it, and so do the
/// publisher forecasts of each series.
struct ExhibitTableCheck: InputCheck {
    func check(_ config: ReportConfig, inputs: inout LoadedInputs, into problems: inout InputErrors) -> [String] {
        let tables = ExhibitTables.load(config, language: config.language, problems: &problems) { try inputs.csv($0) }
        inputs.tables = tables
        var read = ReportConfig.tableNames.compactMap { config.tables[$0] }
        for entry in config.seriesWithReadableData {
            guard let path = entry.publisherForecastsPath else { continue }
            read.append(path)
            recording(path, into: &problems) {
                inputs.publisherForecasts[entry.id] = try PublisherForecast.load(try inputs.csv(path), language: config.language)
            }
        }
        return read
    }
}

/// The industry indicators of `penetration:` parse into the table the index is computed from.
struct PenetrationCheck: InputCheck {
    func check(_ config: ReportConfig, inputs: inout LoadedInputs, into problems: inout InputErrors) -> [String] {
        guard let penetration = config.penetration else { return [] }
        recording(penetration.dataPath, into: &problems) {
            // Parsed once already, when the config read its header.
            inputs.record(penetration.dataPath, penetration.sourceBytes, table: penetration.sourceTable)
            let table = try penetration.sourceTable ?? inputs.csv(penetration.dataPath)
            inputs.indicators = try penetration.indicatorTable(table)
        }
        return [penetration.dataPath]
    }
}

/// The theme file, when the config names one, reads into the house style; its warnings
/// (old key spellings) are listed with the errors.
struct ThemeCheck: InputCheck {
    func check(_ config: ReportConfig, inputs: inout LoadedInputs, into problems: inout InputErrors) -> [String] {
        guard let path = config.themePath else { inputs.theme = .standard; return [] }
        let name = config.themeDisplayName ?? path
        do {
            let file = try ThemeFile.load(path: path, displayName: name)
            inputs.record(path, file.sourceBytes)
            inputs.theme = file.theme
            inputs.themeWarnings = file.warnings
            problems.append(contentsOf: InputErrors(file.warnings))
        } catch {
            problems.append(contentsOf: InputErrors(flattening: error)
                ?? InputErrors([Diagnostic(SourceLocation(file: name), "\(error)")]))
        }
        return [path]
    }
}

/// `consensus:` has what its path is built from: the published-forecasts table, and at
/// least one published growth rate of the series (a level alone says nothing of the years
/// after it). Scenario names `trend` and `consensus` are the run's own paths.
struct ConsensusCheck: InputCheck {
    static func missingRates(_ id: String) -> String {
        "`consensus` needs published growth rates of `\(id)`, and the table `published-forecasts` has none that name it"
    }
    static let missingRatesHint = "add a row with `series`, `from_year`, `year` and `cagr_percent` to the published-forecasts table (and list the table under `tables:`), or drop `consensus:`"

    func check(_ config: ReportConfig, inputs: inout LoadedInputs, into problems: inout InputErrors) -> [String] {
        guard let settings = config.consensus else { return [] }
        for file in config.scenarios where [ConsensusWords.consensusName, ConsensusWords.trendName].contains(file.scenario.name) {
            problems.append(Diagnostic(settings.location, "scenario `\(file.scenario.name)` (\(file.file)) has the name of a path `consensus:` adds",
                                       hint: "rename the scenario (`name:` in its file)"))
        }
        guard let series = inputs.series[settings.seriesID], let tables = inputs.tables else { return [] }
        if ScenarioRun.consensus(for: series, tables: tables) == nil {
            problems.append(Diagnostic(settings.location, Self.missingRates(settings.seriesID), hint: Self.missingRatesHint))
        }
        return []
    }
}
