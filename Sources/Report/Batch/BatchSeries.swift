import Charts
import Forecasting
import Foundation
import MarketData
import Rendering

/// One series of a batch: load, fit, lay out with the report's market-size page, write its
/// chart files, and return the page for the combined PDF and the row for batch.csv. A
/// failure becomes a row with its error, never an exception, so the other series go on.
struct BatchSeries {
    let path: String
    let options: BatchOptions
    let strings: Strings

    var id: String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
    var fileName: String { URL(fileURLWithPath: path).lastPathComponent }

    func process(measurer: PangoTextMeasurer, renderer: SceneRenderer,
                 folder: StagedFolder) -> (row: BatchRow, page: OrderedPageWriter.Page?) {
        do {
            let series = try SeriesLoader.load(path: path, id: id)
            guard let lastActual = series.actuals.last else {
                throw ForecastError.noActuals(series: id, file: path)
            }
            let horizon = options.horizon ?? (lastActual.year + BatchOptions.defaultYearsAhead)
            guard horizon >= lastActual.year else {
                throw Diagnostic(file: path, line: lastActual.line,
                                 "the last actual year \(lastActual.year) lies after --horizon \(horizon)",
                                 hint: "give --horizon \(lastActual.year) or later, or leave it out to forecast five years ahead")
            }
            var forecast = try Forecaster.forecast(series, model: options.model, horizon: horizon, level: options.level)
            if let bounds = options.bounds {
                forecast = try bounds.hold(forecast, of: series, hint: "correct the value, or the --bounds given to batch")
            }
            let entry = ReportConfig.SeriesEntry(
                id: id, dataPath: path, title: series.definition.isEmpty ? id : series.definition,
                model: options.model, chart: .marketSize, chartID: id, location: SourceLocation(file: path))
            let page = MarketSizePage(entry: entry, series: series, forecast: forecast, strings: strings)
            let layout = page.chart.layout(theme: .standard, measurer: measurer)
            let scene = layout.scene
            for format in options.formats.chartImages {
                try renderer.write(scene, to: try folder.path("charts/\(id).\(format.rawValue)"), format: format,
                                   scale: options.pngScale)
            }
            try folder.write(page.csv(), to: "charts/\(id).csv")

            let end = forecast.points.last
            var row = BatchRow(series: id, file: fileName, model: forecast.model.description, unit: forecast.unit,
                               lastActualYear: lastActual.year, lastActual: lastActual.value,
                               horizonYear: end?.year, horizonValue: end?.value,
                               cagr: end.flatMap { forecast.cagr(from: lastActual.year, to: $0.year) },
                               warnings: series.warnings.map(\.message) + forecast.warnings.map(\.description), failure: nil)
            row.title = entry.title
            row.formula = forecast.modelDescription
            row.selectionReason = forecast.fit?.selectionReason
            row.vintage = series.vintage
            row.dataCutoff = series.dataCutoff
            return (row, OrderedPageWriter.Page(scene: scene, bookmark: page.title, native: layout.native))
        } catch {
            // Fitting errors do not know the file; every diagnostic of batch's report names it.
            let located = Diagnostic.of(error).map { diagnostic -> Diagnostic in
                guard diagnostic.location.file.isEmpty else { return diagnostic }
                var placed = diagnostic
                placed.location = SourceLocation(file: path)
                return placed
            }
            return (BatchRow(failed: id, file: fileName, failure: located), nil)
        }
    }
}
