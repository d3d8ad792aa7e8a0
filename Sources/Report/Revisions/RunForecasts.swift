import Forecasting
import Foundation
import MarketData

/// A finished run's forecasts, read back from its folder: forecasts.csv when the run wrote
/// one, otherwise each chart's CSV (charts/<chartID>.csv), mapped back to series ids
/// through the manifest. Also the unit of each series, for the revision chart.
struct RunForecasts {
    var folder: String
    var manifest: RunManifest?
    var values: [ForecastValue]
    var units: [String: String]
    /// Which file the values came from, for messages.
    var source: String

    static func read(folder: String) throws -> RunForecasts {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw Diagnostic(SourceLocation(file: folder), "not a run folder",
                             hint: "give two folders written by `marketcast run`, e.g. output/2026Q3 output/2026Q4")
        }
        let manifest = FileManager.default.fileExists(atPath: path(folder, RunManifest.fileName))
            ? try RunManifest.read(runFolder: folder) : nil
        let forecasts = path(folder, "forecasts.csv")
        if FileManager.default.fileExists(atPath: forecasts) {
            let (values, units) = try readTable(forecasts, seriesFromColumn: nil)
            return RunForecasts(folder: folder, manifest: manifest, values: values, units: units, source: forecasts)
        }
        // Without forecasts.csv: every chart's CSV that has year, value and status columns.
        let charts: [(series: String, file: String)]
        if let manifest {
            charts = manifest.config.series.map { ($0.id, path(folder, "charts/\($0.chartID).csv")) }
                .filter { FileManager.default.fileExists(atPath: $0.file) }
        } else {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path(folder, "charts"))) ?? [])
                .filter { $0.hasSuffix(".csv") }.sorted()
            charts = names.map { (String($0.dropLast(4)), path(folder, "charts/\($0)")) }
        }
        guard !charts.isEmpty else {
            throw Diagnostic(SourceLocation(file: folder), "the run folder has neither forecasts.csv nor chart CSVs",
                             hint: "give the folder of a finished `marketcast run`")
        }
        var values: [ForecastValue] = [], units: [String: String] = [:]
        var problems = InputErrors()
        for chart in charts {
            if let (chartValues, chartUnits) = try problems.collect({ try readTable(chart.file, seriesFromColumn: chart.series) }) {
                values += chartValues
                units.merge(chartUnits) { first, _ in first }
            }
        }
        try problems.throwIfAny()
        return RunForecasts(folder: folder, manifest: manifest, values: values, units: units,
                            source: path(folder, "charts/*.csv"))
    }

    /// Reads a table with year, value and status columns (and series, scenario, unit when
    /// present); `series` names the series when the table holds only one.
    private static func readTable(_ file: String, seriesFromColumn series: String?) throws -> ([ForecastValue], [String: String]) {
        let table = try CSVTable.read(path: file)
        var problems = InputErrors()
        let needed = (series == nil ? ["series"] : []) + ["year", "value", "status"]
        for name in needed where table.optionalColumnIndex(named: name) == nil {
            problems.append(Diagnostic(file: file, line: table.headerLine, "column \"\(name)\" is missing",
                                       hint: "compare runs written by `marketcast run`; this file was changed or comes from elsewhere"))
        }
        try problems.throwIfAny()
        let yearColumn = try table.columnIndex(named: "year")
        let valueColumn = try table.columnIndex(named: "value")
        let statusColumn = try table.columnIndex(named: "status")
        let seriesColumn = table.optionalColumnIndex(named: "series")
        let scenarioColumn = table.optionalColumnIndex(named: "scenario")
        let unitColumn = table.optionalColumnIndex(named: "unit")
        var values: [ForecastValue] = []
        var units: [String: String] = [:]
        for row in table.rows {
            let id = series ?? seriesColumn.map { row[$0].text } ?? ""
            let year = try problems.collect { try NumberParsing.integer(row[yearColumn], column: "year", file: file) }
            let value = try problems.collect { try NumberParsing.double(row[valueColumn], column: "value", file: file) }
            if let year, let value {
                values.append(ForecastValue(series: id, scenario: scenarioColumn.map { row[$0].text } ?? "",
                                            year: year, value: value, isEstimate: row[statusColumn].text == "estimate"))
            }
            if let unitColumn, units[id] == nil, !row[unitColumn].text.isEmpty { units[id] = row[unitColumn].text }
        }
        try problems.throwIfAny()
        return (values, units)
    }

    private static func path(_ folder: String, _ relative: String) -> String {
        URL(fileURLWithPath: folder).appendingPathComponent(relative).path
    }
}
