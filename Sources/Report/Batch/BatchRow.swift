import MarketData

/// One line of batch.csv: the series, its model, where its actuals end and its forecast
/// lands, the CAGR between them, and its warnings or the error that stopped it.
struct BatchRow: Sendable {
    var series: String
    var file: String
    var model: String
    var unit: String
    var lastActualYear: Int?
    var lastActual: Double?
    var horizonYear: Int?
    var horizonValue: Double?
    var cagr: Double?
    var warnings: [String]
    /// What stopped the series, every diagnostic naming its file; nil when it was drawn.
    var failure: [Diagnostic]?
    /// For the manifest only (not in batch.csv): the page title, fitted curve and why `auto` chose it.
    var title = ""
    var formula = ""
    var selectionReason: String?
    /// For the deck's notes only: the series' publications and data cut-off, the latest
    /// publication date (ISO) and the interval's level.
    var vintage = ""
    var dataCutoff: String?

    init(series: String, file: String, model: String, unit: String, lastActualYear: Int?, lastActual: Double?,
         horizonYear: Int?, horizonValue: Double?, cagr: Double?, warnings: [String], failure: [Diagnostic]?) {
        self.series = series; self.file = file; self.model = model; self.unit = unit
        self.lastActualYear = lastActualYear; self.lastActual = lastActual; self.horizonYear = horizonYear
        self.horizonValue = horizonValue; self.cagr = cagr; self.warnings = warnings; self.failure = failure
    }

    init(failed series: String, file: String, failure: [Diagnostic]) {
        self.init(series: series, file: file, model: "", unit: "", lastActualYear: nil, lastActual: nil,
                  horizonYear: nil, horizonValue: nil, cagr: nil, warnings: [], failure: failure)
    }

    static let header = ["series", "file", "status", "model", "unit", "last_actual_year", "last_actual",
                         "horizon_year", "horizon_value", "cagr", "warnings", "error"]

    static func csv(_ rows: [BatchRow]) -> String {
        var lines = [CSVWriter.line(header)]
        for row in rows {
            lines.append(CSVWriter.line([
                row.series, row.file, row.failure == nil ? "ok" : "failed", row.model, row.unit,
                row.lastActualYear.map(String.init) ?? "", row.lastActual.map(CSVWriter.number) ?? "",
                row.horizonYear.map(String.init) ?? "", row.horizonValue.map(CSVWriter.number) ?? "",
                row.cagr.map(CSVWriter.number) ?? "",
                row.warnings.joined(separator: "; "),
                row.failure.map { $0.map(\.description).joined(separator: "\n") } ?? "",
            ]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
