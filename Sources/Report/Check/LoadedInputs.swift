import Charts
import Forecasting
import Foundation
import MarketData

/// What one pass over a run's inputs read and parsed: each file's bytes exactly as read
/// (the manifest's SHA-256 is taken from these), and the parsed values every later stage
/// takes instead of reading a file again. Filled by `RunValidation`; `check` and `run`
/// share it, so they see the same files the same way.
public struct LoadedInputs {
    /// Bytes by path, as read once.
    private(set) var bytes: [String: Data] = [:]
    /// Each series, by its id in report.yaml.
    var series: [String: MarketSeries] = [:]
    /// The exhibit tables, in the config's language; nil until read.
    var tables: ExhibitTables?
    /// Publisher forecasts, by series id, in the config's language.
    var publisherForecasts: [String: [PublisherForecast]] = [:]
    var theme: Theme?
    /// What reading the theme warned about (old key spellings), for the run's log.
    var themeWarnings: [Diagnostic] = []
    /// The industry indicators of `penetration:`, when configured.
    var indicators: IndustryIndicatorTable?
    /// The commentary files in the report's language, by path, scanned.
    var commentary: [String: CommentaryDocument] = [:]
    /// The previous edition's forecasts (`previous_edition:`).
    var previousEdition: RunForecasts?
    /// Every CSV parsed so far, by path: exhibits that list a table's sources read these.
    private(set) var csvTables: [String: CSVTable] = [:]

    /// Keeps bytes read elsewhere (the config, read before the checks) for the manifest, and
    /// the CSV parsed from them when there is one.
    mutating func record(_ path: String, _ data: Data, table: CSVTable? = nil) {
        bytes[path] = data
        if let table { csvTables[path] = table }
    }

    /// The file's bytes, read from disk the first time only.
    mutating func read(_ path: String) throws -> Data {
        if let data = bytes[path] { return data }
        try TextDecoding.refuseNonFiles(path: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic(SourceLocation(file: path), "cannot be read",
                             hint: "check that the file exists and is readable")
        }
        bytes[path] = data
        return data
    }

    /// The file parsed as CSV, from the bytes read once; problems as a list.
    mutating func csv(_ path: String) throws -> CSVTable {
        if let table = csvTables[path] { return table }
        let table: CSVTable
        do {
            if bytes[path] == nil { try CSVTable.checkBeforeReading(path: path) }
            table = try CSVTable.parse(data: try read(path), file: path)
        } catch {
            throw InputErrors(flattening: error) ?? error
        }
        csvTables[path] = table
        return table
    }

    /// Bytes of a file already read, for the manifest.
    func bytesRead(_ path: String) -> Data? { bytes[path] }
}
