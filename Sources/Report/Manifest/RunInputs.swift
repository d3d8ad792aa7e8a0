import Foundation

/// The files a run reads, each with a role. Config sections that read a file (scenarios,
/// a theme, indicator tables) add it in `inputFiles(of:)` so it is hashed into the
/// manifest and compared by `marketcast diff`.
public enum RunInputs {
    public struct Entry: Sendable, Equatable {
        public var role: InputRole
        public var path: String
    }

    public static func inputFiles(of config: ReportConfig) -> [Entry] {
        var entries = [Entry(role: .config, path: config.file)]
        for series in config.series {
            entries.append(Entry(role: .series(id: series.id), path: series.dataPath))
            if let forecasts = series.publisherForecastsPath {
                entries.append(Entry(role: .publisherForecasts(series: series.id), path: forecasts))
            }
            if let link = series.link {
                entries.append(Entry(role: .linkedVintage(series: series.id), path: link.vintagePath))
            }
        }
        if let theme = config.themePath {
            entries.append(Entry(role: .theme, path: theme))
        }
        for name in ReportConfig.tableNames {
            if let path = config.tables[name] { entries.append(Entry(role: .table(name), path: path)) }
        }
        for scenario in config.scenarios {
            entries.append(Entry(role: .scenario(scenario.scenario.name), path: scenario.file))
        }
        if let penetration = config.penetration {
            entries.append(Entry(role: .penetration, path: penetration.dataPath))
        }
        for (index, commentary) in config.commentary.enumerated() {
            entries.append(Entry(role: .commentary(index: index), path: commentary.file(for: config.language)))
        }
        return entries
    }

    /// Each file's digest, in the order given, taken from the bytes the run parsed when
    /// `bytesRead` has them (files a config section reads itself are read here). A file that
    /// vanished since the config was read is an error, not an empty hash.
    public static func hashed(_ entries: [Entry], relativeTo folder: String,
                              bytesRead: (String) -> Data? = { _ in nil }) throws -> [RunManifest.InputFile] {
        try entries.map { entry in
            guard let data = bytesRead(entry.path) ?? FileManager.default.contents(atPath: entry.path) else {
                throw ManifestError.cannotHash(path: entry.path)
            }
            return RunManifest.InputFile(role: entry.role, path: relative(entry.path, to: folder),
                                         sha256: FileDigest.sha256Hex(data), bytes: data.count)
        }
    }

    /// `path` relative to `folder` when it lies inside it, so manifests of the same project
    /// checked out in two places agree; absolute otherwise.
    static func relative(_ path: String, to folder: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }
}
