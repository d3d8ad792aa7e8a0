import Forecasting
import Foundation
import MarketData

/// The `penetration:` section of report.yaml: which indicator table to score, how to
/// weigh and normalise it, how hard to shake the weights, and how to turn scores into
/// adoption curves. Weight names are checked against the table's header here, so a typo
/// is reported at its line in report.yaml with the column it was probably meant to be.
public struct PenetrationConfig: Sendable {
    /// The data, already read (its header was needed to check the weights).
    public var dataPath: String
    /// The data file's bytes and its parsed table, read once when the config was read.
    var sourceBytes = Data()
    var sourceTable: CSVTable?
    /// Indicator names in report.yaml order, with their weights.
    public var indicators: [String]
    public var weights: [Double]
    /// The indicator whose score sizes the matrix bubbles (weight 0 if not weighted).
    public var bubbleSize: String
    public var settings: PenetrationSettings
    /// Probabilities at or above this are printed in the heatmap's cells.
    public var heatmapThreshold: Double
    public var location: SourceLocation

    static let keys = ["data", "weights", "normalisation", "sensitivity", "adoption", "bubble_size"]
    static let sensitivityKeys = ["draws", "concentration", "seed", "threshold", "score_step"]
    static let adoptionKeys = ["data_year", "horizon", "innovation", "imitation", "milestone"]
    /// Columns of the table that are not indicators.
    static let nonIndicatorColumns = IndustryIndicatorTable.requiredColumns + ["rubric", "source", "source_zh", "source_en", "note", "url"]

    init(mapping: YAMLMapping, folder: String) throws {
        let section = "`penetration`"
        try mapping.rejectUnknownKeys(allowed: Self.keys, section: section)
        location = mapping.location
        let data = try mapping.requiredString("data", section: section)
        dataPath = URL(fileURLWithPath: data, relativeTo: URL(fileURLWithPath: folder, isDirectory: true))
            .standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: dataPath) else {
            throw Diagnostic(mapping.location(of: "data"), "penetration data file `\(data)` does not exist (looked at \(dataPath))",
                             hint: "paths are relative to the config file's folder; check the spelling")
        }
        try CSVTable.checkBeforeReading(path: dataPath)
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: dataPath))
        } catch {
            throw Diagnostic(mapping.location(of: "data"), "penetration data file `\(data)` cannot be read",
                             hint: "check that the file is readable")
        }
        let table = try CSVTable.parse(data: bytes, file: dataPath)
        sourceBytes = bytes
        sourceTable = table
        let header = table.header
        let candidates = header.filter { !Self.nonIndicatorColumns.contains($0) }

        let normalisationText = try mapping.string("normalisation") ?? PenetrationNormalisation.minMax.rawValue
        guard let normalisation = PenetrationNormalisation(rawValue: normalisationText) else {
            let names = PenetrationNormalisation.allCases.map(\.rawValue)
            throw Diagnostic(mapping.location(of: "normalisation"), "unknown normalisation `\(normalisationText)`",
                             hint: Suggestions.hint(for: normalisationText, among: names, listIntro: "it must be one of"))
        }

        guard let weightMapping = try mapping.submapping("weights") else {
            throw Diagnostic(mapping.location, "\(section) has no `weights`",
                             hint: "list each indicator column with its weight, e.g. `digitalisation: 1`")
        }
        var problems = InputErrors()
        var names: [String] = []
        var values: [Double] = []
        for (name, keyLocation) in weightMapping.keys {
            if names.contains(name) {
                problems.append(Diagnostic(keyLocation, "`\(name)` has two weights",
                                           hint: "keep one line per indicator under `weights`"))
                continue
            }
            if !candidates.contains(name) {
                problems.append(Diagnostic(keyLocation, "`\(name)` is not an indicator column of \(data)",
                                           hint: Suggestions.hint(for: name, among: candidates, listIntro: "the indicator columns are")))
                continue
            }
            guard let weight = try problems.collect({ try weightMapping.double(name) }) ?? nil else { continue }
            if weight < 0 {
                problems.append(Diagnostic(weightMapping.location(of: name), "the weight of `\(name)` is negative (\(weight))",
                                           hint: "weights are ≥ 0; write 0 to leave an indicator out"))
            }
            names.append(name)
            values.append(weight)
        }
        try problems.throwIfAny()
        guard values.reduce(0, +) > 0 else {
            throw Diagnostic(weightMapping.location, "the weights add up to 0",
                             hint: "give at least one indicator a positive weight")
        }

        let size = try mapping.string("bubble_size") ?? "value_at_stake"
        guard candidates.contains(size) else {
            throw Diagnostic(mapping.location(of: "bubble_size"), "`\(size)` is not an indicator column of \(data)",
                             hint: Suggestions.hint(for: size, among: candidates, listIntro: "the indicator columns are"))
        }
        bubbleSize = size
        if !names.contains(size) { names.append(size); values.append(0) }
        indicators = names
        weights = values

        let sensitivity = try mapping.submapping("sensitivity")
        try sensitivity?.rejectUnknownKeys(allowed: Self.sensitivityKeys, section: "`sensitivity`")
        let draws = try sensitivity?.int("draws") ?? 2000
        guard (1...1_000_000).contains(draws) else {
            throw Diagnostic(sensitivity?.location(of: "draws") ?? mapping.location, "`draws` must lie between 1 and 1000000, found \(draws)",
                             hint: "2000 draws give rank probabilities to about ±1 percentage point")
        }
        let concentration = try sensitivity?.double("concentration") ?? 50
        guard concentration > 0 else {
            throw Diagnostic(sensitivity?.location(of: "concentration") ?? mapping.location,
                             "`concentration` must be positive, found \(concentration)",
                             hint: "larger values keep the drawn weights closer to yours; 50 moves each by roughly ±a third")
        }
        let seed = try sensitivity?.int("seed") ?? 2023
        guard seed >= 0 else {
            throw Diagnostic(sensitivity?.location(of: "seed") ?? mapping.location, "`seed` must be ≥ 0, found \(seed)",
                             hint: "any whole number ≥ 0; the same seed gives the same probabilities")
        }
        let threshold = try sensitivity?.double("threshold") ?? 0.05
        guard (0...1).contains(threshold) else {
            throw Diagnostic(sensitivity?.location(of: "threshold") ?? mapping.location,
                             "`threshold` must lie between 0 and 1, found \(threshold)",
                             hint: "the smallest probability printed in the heatmap, e.g. 0.05")
        }
        heatmapThreshold = threshold
        let scoreStep = try sensitivity?.double("score_step") ?? 0.3
        guard (0...1).contains(scoreStep) else {
            throw Diagnostic(sensitivity?.location(of: "score_step") ?? mapping.location,
                             "`score_step` must lie between 0 and 1, found \(scoreStep)",
                             hint: "the probability that a draw moves an indicator score one step up or down, e.g. 0.3; 0 shakes the weights only")
        }

        let adoption = try mapping.submapping("adoption")
        try adoption?.rejectUnknownKeys(allowed: Self.adoptionKeys, section: "`adoption`")
        let defaults = AdoptionSettings()
        let dataYear = try adoption?.int("data_year") ?? defaults.dataYear
        let horizon = try adoption?.int("horizon") ?? defaults.horizon
        guard (1900...2200).contains(dataYear) else {
            throw Diagnostic(adoption?.location(of: "data_year") ?? mapping.location,
                             "`data_year` must be a year between 1900 and 2200, found \(dataYear)",
                             hint: "the year the current penetration in the data describes, e.g. 2023")
        }
        guard horizon > dataYear, horizon - dataYear <= 50 else {
            throw Diagnostic(adoption?.location(of: "horizon") ?? mapping.location,
                             "`horizon` must lie 1 to 50 years after `data_year` (\(dataYear)), found \(horizon)",
                             hint: "the last year of the adoption curves, e.g. 2030")
        }
        let innovation = try Self.range("innovation", in: adoption, default: defaults.innovation, limit: 0.000001...1,
                                        meaning: "the innovation coefficient p at score 0 and at score 100")
        let imitation = try Self.range("imitation", in: adoption, default: defaults.imitation, limit: 0...2,
                                       meaning: "the imitation coefficient q at score 0 and at score 100")
        let milestone = try adoption?.double("milestone") ?? defaults.milestone
        guard milestone > 0, milestone < 100 else {
            throw Diagnostic(adoption?.location(of: "milestone") ?? mapping.location,
                             "`milestone` must lie between 0 and 100, found \(milestone)",
                             hint: "the penetration level in percent whose crossing year is reported, e.g. 50")
        }
        settings = PenetrationSettings(weights: values, normalisation: normalisation, draws: draws,
                                       concentration: concentration, seed: UInt64(seed), scoreStep: scoreStep,
                                       adoption: AdoptionSettings(dataYear: dataYear, horizon: horizon, innovation: innovation,
                                                                  imitation: imitation, milestone: milestone))
    }

    /// A `[low, high]` pair inside `limit` with low ≤ high.
    private static func range(_ key: String, in mapping: YAMLMapping?, default value: ClosedRange<Double>,
                              limit: ClosedRange<Double>, meaning: String) throws -> ClosedRange<Double> {
        guard let mapping, let texts = try mapping.strings(key) else { return value }
        let where_ = mapping.location(of: key)
        let hint = "write `\(key): [low, high]`: \(meaning), each within \(limit.lowerBound)–\(limit.upperBound)"
        guard texts.count == 2, let low = Double(texts[0]), let high = Double(texts[1]) else {
            throw Diagnostic(where_, "`\(key)` must be a pair of numbers", hint: hint)
        }
        guard limit.contains(low), limit.contains(high), low <= high else {
            throw Diagnostic(where_, "`\(key)` [\(texts[0]), \(texts[1])] is outside \(limit.lowerBound)–\(limit.upperBound) or not ascending",
                             hint: hint)
        }
        return low...high
    }

    /// Reads the table and computes the index, its sensitivity and the adoption paths.
    public func analyse() throws -> PenetrationAnalysis {
        PenetrationAnalysis(table: try IndustryIndicatorTable.load(path: dataPath, indicators: indicators),
                            settings: settings)
    }

    /// The indicator table from an already parsed CSV (a run reads each file once).
    func indicatorTable(_ csv: CSVTable) throws -> IndustryIndicatorTable {
        try IndustryIndicatorTable(table: csv, indicators: indicators)
    }
}
