import Forecasting
import Foundation
import MarketData

/// One input through the reading paths of `marketcast check` and `marketcast forecast`,
/// for the fuzzer (`make fuzz`) and the corpus of past crashes (a test): whatever the
/// bytes, the outcome must be a result or located errors, never a crash or a hang.
public enum InputProbe {
    /// How the bytes are read.
    public enum Kind: String, CaseIterable, Sendable {
        /// A year series as report.yaml's `series` name it (SeriesLoader).
        case seriesCSV
        /// A table as report.yaml's `tables` name it (TypedTable over CSVTable).
        case tableCSV
        /// A long file as `marketcast forecast` reads it, then forecast (small files only).
        case longCSV
        /// A report config (report.yaml).
        case reportConfig
        /// A theme file.
        case theme
        /// A scenario file.
        case scenario

        public static let csv: [Kind] = [.seriesCSV, .tableCSV, .longCSV]
        public static let yaml: [Kind] = [.reportConfig, .theme, .scenario]
    }

    public enum Outcome: Sendable {
        /// Read without an error (warnings may have been found).
        case accepted
        /// Refused with these errors.
        case refused([Diagnostic])
    }

    /// Files up to this many data rows are also forecast (the fits are the slow part, and
    /// what matters here is that reading never fails badly).
    static let forecastRowLimit = 120

    /// Reads `data` as `kind`, naming it `file` in errors.
    public static func run(_ data: Data, as kind: Kind, file: String) -> Outcome {
        do {
            switch kind {
            case .seriesCSV:
                _ = try SeriesLoader.load(data: data, file: file, allowGaps: data.count % 2 == 0)
            case .tableCSV:
                let table = try CSVTable.parse(data: data, file: file)
                var typed = try TypedTable(table: table, required: [])
                for row in typed.rows {
                    for column in table.header.prefix(8) {
                        _ = typed.text(row, column)
                        _ = typed.optionalNumber(row, column)
                        _ = typed.date(row, column, required: false)
                    }
                }
                try typed.finish()
            case .longCSV:
                let table = try LongSeriesTable(try CSVTable.parse(data: data, file: file),
                                                idColumn: "series", xColumn: "year", yColumn: "value")
                if table.series.reduce(0, { $0 + $1.years.count }) <= forecastRowLimit {
                    _ = ManySeriesForecast.run(table, options: ManySeriesOptions(model: .auto, horizon: .years(3)))
                }
                if let first = table.problems.first { throw first.errors }
            case .reportConfig:
                let text = try TextDecoding.decode(data, file: file).text
                let root = try YAMLMapping.document(file: file, text: text)
                var problems = InputErrors()
                _ = try ReportConfig(root: root, folder: "/nonexistent-marketcast-probe", problems: &problems)
                try problems.throwIfAny()
            case .theme:
                let text = try TextDecoding.decode(data, file: file).text
                _ = try ThemeFile.read(text, file: file)
            case .scenario:
                let text = try TextDecoding.decode(data, file: file).text
                let root = try YAMLMapping.document(file: file, text: text)
                _ = try ScenarioConfig(root: root, seriesIDs: ["a", "b", "china-ai-market-size"], horizon: 2030)
            }
            return .accepted
        } catch {
            return .refused(Diagnostic.of(error))
        }
    }
}
