import Foundation
import MarketData

/// `backtest: {series: china-ai-market-size, fit_through: 2022}` in report.yaml.
public struct BacktestSettings: Sendable {
    public var seriesID: String
    public var fitThrough: Int
    public var location: SourceLocation
}

/// `consensus: {series: china-ai-market-size, base_weight: 1}` in report.yaml: the
/// publishers' forecasts of the series (table `published-forecasts`) drawn as a scenario
/// beside the others, and, with a positive `base_weight`, weighted into the base case
/// against the base scenario's trend (weight 1). Forecasting/Scenarios/Consensus.swift.
public struct ConsensusSettings: Sendable {
    public var seriesID: String
    /// The consensus's weight in the base case against the trend's 1; 0: beside it only.
    public var baseWeight: Double
    public var location: SourceLocation
}

extension ReportConfig {
    static let backtestKeys = ["series", "fit_through"]
    static let consensusKeys = ["series", "base_weight"]

    /// Reads `scenarios:`, `base_scenario:` and `backtest:` once the series are known.
    mutating func loadScenarios(root: YAMLMapping, folder: String) throws {
        let ids = series.map(\.id)
        let paths = try root.strings("scenarios") ?? []
        var names: [String: String] = [:]
        for (index, relative) in paths.enumerated() {
            let path = URL(fileURLWithPath: relative, relativeTo: URL(fileURLWithPath: folder, isDirectory: true))
                .standardizedFileURL.path
            guard FileManager.default.fileExists(atPath: path) else {
                throw Diagnostic(listLocation(root, "scenarios", index), "scenario file `\(relative)` does not exist (looked at \(path))",
                                 hint: "paths are relative to the config file's folder; check the spelling")
            }
            // Errors show the path the way the analyst would type it from here.
            let displayName = Self.displayName(relative, configFile: root.file)
            let loaded = try ScenarioConfig.load(path: path, displayName: displayName, seriesIDs: ids, horizon: horizon)
            if let other = names[loaded.scenario.name] {
                throw Diagnostic(listLocation(root, "scenarios", index),
                                 "scenario name `\(loaded.scenario.name)` is used by both \(other) and \(relative)",
                                 hint: "give every scenario file its own `name`")
            }
            names[loaded.scenario.name] = relative
            scenarios.append(loaded)
        }
        let scenarioNames = scenarios.map(\.scenario.name)
        if let base = try root.string("base_scenario") {
            guard scenarioNames.contains(base) else {
                let guess = Suggestions.closest(to: base, among: scenarioNames)
                throw Diagnostic(root.location(of: "base_scenario"), "`base_scenario` names `\(base)`, which no scenario file defines",
                                 hint: (guess.map { "did you mean `\($0)`? " } ?? "") + "scenarios: \(scenarioNames.joined(separator: ", "))")
            }
            baseScenario = base
        } else if !scenarios.isEmpty {
            // `base` when there is one, else the first listed.
            baseScenario = scenarioNames.contains("base") ? "base" : scenarioNames.first
        }

        if let mapping = try root.submapping("backtest") {
            try mapping.rejectUnknownKeys(allowed: Self.backtestKeys, section: "`backtest`")
            let id = try Self.listedSeries(in: mapping, section: "backtest", ids: ids)
            guard let through = try mapping.int("fit_through") else {
                throw Diagnostic(mapping.location, "`backtest` has no `fit_through`",
                                 hint: "add `fit_through: 2022`, the last actual year the backtest fits may see")
            }
            guard (1900...2200).contains(through) else {
                throw Diagnostic(mapping.location(of: "fit_through"), "`fit_through` must be a year, found \(through)",
                                 hint: "write the last year the fits may see, e.g. 2022")
            }
            backtest = BacktestSettings(seriesID: id, fitThrough: through, location: mapping.location(of: "fit_through"))
        }

        if let mapping = try root.submapping("consensus") {
            try mapping.rejectUnknownKeys(allowed: Self.consensusKeys, section: "`consensus`")
            let id = try Self.listedSeries(in: mapping, section: "consensus", ids: ids)
            let weight = try mapping.double("base_weight") ?? 0
            guard weight >= 0, weight.isFinite else {
                throw Diagnostic(mapping.location(of: "base_weight"), "`base_weight` must be 0 or more, found \(weight)",
                                 hint: "1 weighs the consensus equally with the trend; 0 shows it beside the base case only")
            }
            if weight > 0, baseScenario == nil {
                throw Diagnostic(mapping.location(of: "base_weight"), "`base_weight` weighs the consensus into the base case, but no scenario is listed",
                                 hint: "list a base scenario under `scenarios:`, or set `base_weight: 0`")
            }
            consensus = ConsensusSettings(seriesID: id, baseWeight: weight, location: mapping.location)
        }
    }

    /// The location of the `index`-th element of a list value.
    private func listLocation(_ root: YAMLMapping, _ key: String, _ index: Int) -> SourceLocation {
        if case let .sequence(sequence)? = root.node(key), index < sequence.count {
            return sequence[index].location(in: root.file)
        }
        return root.location(of: key)
    }

    /// The `series` key of a `backtest` or `consensus` section, which must name a series
    /// report.yaml lists; the error suggests the closest and lists them all.
    static func listedSeries(in mapping: YAMLMapping, section: String, ids: [String]) throws -> String {
        let id = try mapping.requiredString("series", section: "`\(section)`")
        guard ids.contains(id) else {
            let guess = Suggestions.closest(to: id, among: ids)
            throw Diagnostic(mapping.location(of: "series"), "`\(section)` names series `\(id)`, which report.yaml does not list",
                             hint: (guess.map { "did you mean `\($0)`? " } ?? "") + "series: \(ids.joined(separator: ", "))")
        }
        return id
    }
}
