import Foundation
import MarketData

/// Everything a run would read, checked without fitting or rendering: report.yaml, every
/// file it names, and whatever each config section adds. Problems are collected, never
/// thrown one at a time, so `marketcast check` lists them all at once.
///
/// Config sections that read files or cross-reference other sections contribute an
/// `InputCheck` to `RunValidation.checks`; `marketcast check` and `marketcast run` both go
/// through it, so a config that passes check does not fail a run on its input.
public enum RunValidation {
    /// The checks after report.yaml itself, in the order their problems are listed.
    static let checks: [InputCheck] = [SeriesDataCheck(), ExhibitTableCheck(), ThemeCheck()]

    /// The outcome: every problem (errors and warnings) in file order, and what was read.
    public struct Report: Sendable {
        public var problems: [InputError]
        /// Every file read, config first.
        public var files: [String]

        public var errors: [InputError] { problems.filter { $0.severity == .error } }
        public var warnings: [InputError] { problems.filter { $0.severity == .warning } }
        public var isValid: Bool { errors.isEmpty }
    }

    /// Reads and checks the config at `configPath` and everything it names.
    public static func check(configPath: String) -> Report {
        var problems = InputErrors()
        var files = [configPath]
        guard let data = FileManager.default.contents(atPath: configPath) else {
            problems.append(InputError(SourceLocation(file: configPath), "cannot read the report config",
                                       hint: "check the path given to --config (default: report.yaml in the current folder)"))
            return Report(problems: problems.errors, files: files)
        }
        var config: ReportConfig?
        do {
            let text = try TextDecoding.decode(data, file: configPath).text
            let root = try YAMLMapping.document(file: configPath, text: text)
            let folder = URL(fileURLWithPath: configPath).deletingLastPathComponent().path
            config = try ReportConfig(root: root, folder: folder, problems: &problems)
        } catch {
            problems.append(contentsOf: InputErrors(flattening: error)
                ?? InputErrors([InputError(SourceLocation(file: configPath), "\(error)")]))
        }
        // Checks run on the entries that did parse, so one bad setting does not hide the
        // problems in every data file.
        if let config {
            for check in checks {
                files += check.check(config, into: &problems)
            }
            // Files read while loading the config's sections (scenarios, indicators) count too.
            for entry in RunInputs.inputFiles(of: config) where !files.contains(entry.path) {
                files.append(entry.path)
            }
        }
        return Report(problems: problems.sortedByLocation().errors, files: files)
    }

    /// The errors in the files a loaded config names, for `run` to refuse them all at once
    /// before fitting anything.
    static func fileProblems(of config: ReportConfig) -> InputErrors {
        var problems = InputErrors()
        for check in checks { _ = check.check(config, into: &problems) }
        return InputErrors(problems.sortedByLocation().errors.filter { $0.severity == .error })
    }
}

/// One part of a run's input, checked without fitting or rendering.
protocol InputCheck {
    /// Appends every problem found (errors and warnings) and returns the files it read.
    func check(_ config: ReportConfig, into problems: inout InputErrors) -> [String]
}

/// Every series' CSV loads as a market series, has actuals to fit, and ends by the horizon.
struct SeriesDataCheck: InputCheck {
    func check(_ config: ReportConfig, into problems: inout InputErrors) -> [String] {
        for entry in config.seriesWithReadableData {
            do {
                let series = try SeriesLoader.load(path: entry.dataPath, id: entry.id, allowGaps: entry.allowGaps)
                problems.append(contentsOf: InputErrors(series.warnings))
                if let last = series.actuals.last {
                    if last.year > config.horizon {
                        problems.append(InputError(entry.location,
                                                   "series `\(entry.id)` has actuals up to \(last.year), after the horizon \(config.horizon)",
                                                   hint: "set `horizon` to \(last.year) or later"))
                    }
                } else {
                    problems.append(InputError(SourceLocation(file: entry.dataPath),
                                               "series `\(entry.id)` has no rows with status `actual` to fit",
                                               hint: "mark published values as `actual`; estimates alone cannot be fitted"))
                }
            } catch {
                problems.append(contentsOf: InputErrors(flattening: error)
                    ?? InputErrors([InputError(SourceLocation(file: entry.dataPath), "cannot be read: \(error)")]))
            }
        }
        return config.seriesWithReadableData.map(\.dataPath)
    }
}

/// Every exhibit table the config names loads the way its exhibit reads it, and so do the
/// publisher forecasts of each series.
struct ExhibitTableCheck: InputCheck {
    func check(_ config: ReportConfig, into problems: inout InputErrors) -> [String] {
        _ = ExhibitTables.load(config, language: config.language, problems: &problems)
        var read = ReportConfig.tableNames.compactMap { config.tables[$0] }
        for entry in config.seriesWithReadableData {
            guard let path = entry.publisherForecastsPath else { continue }
            read.append(path)
            record(path, into: &problems) { _ = try PublisherForecast.load(path: path) }
        }
        return read
    }

    private func record(_ path: String, into problems: inout InputErrors, _ body: () throws -> Void) {
        do {
            try body()
        } catch {
            problems.append(contentsOf: InputErrors(flattening: error)
                ?? InputErrors([InputError(SourceLocation(file: path), "cannot be read: \(error)")]))
        }
    }
}

/// The theme file, when the config names one, reads into the house style; its warnings
/// (old key spellings) are listed with the errors.
struct ThemeCheck: InputCheck {
    func check(_ config: ReportConfig, into problems: inout InputErrors) -> [String] {
        guard let path = config.themePath else { return [] }
        let name = config.themeDisplayName ?? path
        do {
            problems.append(contentsOf: InputErrors(try ThemeFile.load(path: path, displayName: name).warnings))
        } catch {
            problems.append(contentsOf: InputErrors(flattening: error)
                ?? InputErrors([InputError(SourceLocation(file: name), "\(error)")]))
        }
        return [path]
    }
}
