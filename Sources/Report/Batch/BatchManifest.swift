import Foundation
import Rendering

/// manifest.json for a batch folder, in the same form as a run's, so that two quarters of
/// a batch can be compared with `marketcast diff` like two report runs: every series CSV
/// with its SHA-256, the options, and the model each series was fitted with.
enum BatchManifest {
    static func make(files: [String], rows: [BatchRow], options: BatchOptions,
                     timings: [RunManifest.Phase]) throws -> RunManifest {
        let folder = URL(fileURLWithPath: options.inputFolder).standardizedFileURL.path
        // Every series file, failed ones too, except one that cannot be read at all (it is in
        // batch.csv with its error): the manifest must not stop the batch.
        let entries = zip(files, rows).filter { FileManager.default.isReadableFile(atPath: $0.0) }
            .map { file, row in RunInputs.Entry(role: .series(id: row.series), path: file) }
        let series = zip(files, rows).compactMap { file, row -> ResolvedConfig.Series? in
            guard row.failure == nil else { return nil }
            return ResolvedConfig.Series(id: row.series, data: RunInputs.relative(file, to: folder), title: row.title,
                                         model: options.model.name, chart: "market-size", chartID: row.series)
        }
        return RunManifest(
            tool: .init(name: ToolVersion.name, version: ToolVersion.current),
            inputs: try RunInputs.hashed(entries, relativeTo: folder),
            config: ResolvedConfig(quarter: nil, horizon: options.horizon, language: options.language.rawValue,
                                   level: options.level, document: nil, series: series,
                                   formats: options.formats, pngScale: options.pngScale),
            models: rows.filter { $0.failure == nil }.map {
                RunManifest.ChosenModel(series: $0.series, requested: options.model.name, chosen: $0.model,
                                        formula: $0.formula, selectionReason: $0.selectionReason)
            },
            timings: timings)
    }
}
