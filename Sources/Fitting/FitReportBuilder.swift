import Foundation
import Forecasting
import MarketData
import Numerics

/// Turns a checked request into a report: reads the data, fits the catalog model, the
/// `auto` selection or the formula, then adds forecasts and the bootstrap.
enum FitReportBuilder {
    static func build(_ request: FitRequest) throws -> FitReport {
        var benchmark: FitBenchmark?
        let data = try FitData(path: request.dataPath)
        let yColumn = try data.column(request.yColumn, option: "--y")
        let yValues = try data.numbers(inColumn: yColumn)
        let xName = try data.predictorName(option: request.xColumn)
        var options = GrowthFitOptions(logResponse: request.logResponse)
        if let weights = request.weightsColumn {
            options.weights = try data.numbers(named: weights, option: "--weights")
        }
        var report: FitReport
        switch request.model {
        case .bestCurve:
            report = try fitCatalog(nil, request, &benchmark, data: data, xName: xName, y: yValues, options: options)
        case .curve(let kind):
            report = try fitCatalog(kind, request, &benchmark, data: data, xName: xName, y: yValues, options: options)
        case .yearly(let model):
            // YearlyFitReport forecasts these: no curve, no parameters.
            throw FitError("--model \(model.name) is a yearly method, not a curve to fit")
        case .formula(let text):
            report = try fitFormula(text, request, &benchmark, data: data, xName: xName, y: yValues, options: options)
        }
        report.benchmark = benchmark
        report.warnings = data.notes + report.warnings
        report.yName = data.header[yColumn]
        try addForecasts(to: &report, request: request)
        return report
    }

    // MARK: Fitting

    /// A catalog model, or with `kind == nil` the `auto` selection over the catalog.
    private static func fitCatalog(_ kind: GrowthModelKind?, _ request: FitRequest, _ benchmark: inout FitBenchmark?, data: FitData, xName: String?,
                                   y: [Double], options: GrowthFitOptions) throws -> FitReport {
        guard let xName else {
            throw FitError("--model \(request.model.name) needs a time column: give --x COLUMN (\(data.file) has no column named year)")
        }
        let x = try data.numbers(named: xName, option: "--x")
        var options = options
        options.startHints = request.starts
        func report(_ fit: GrowthFit) -> FitReport {
            FitReport(label: fit.kind.rawValue, description: fit.description, curve: fit.curve, warnings: fit.warnings,
                      x: x, file: data.file, xName: xName, yName: request.yColumn, level: request.level)
        }
        if let kind {
            return report(try timed(request, &benchmark) { try GrowthCurves.fit(kind, x: x, y: y, options: options) })
        }
        guard request.starts.isEmpty else {
            throw FitError("--start does not apply to --model \(ModelSpec.bestCurveName) (each catalog model starts itself)")
        }
        let selection = try timed(request, &benchmark) {
            try ModelSelection.auto(x: x, y: y, options: SelectionOptions(fit: options))
        }
        var chosen = report(selection.chosen)
        chosen.selection = FitSelection(candidates: selection.candidates, reason: selection.reason)
        return chosen
    }

    /// A formula's variables are the CSV columns it names; every other identifier is a
    /// parameter with a start value from --start.
    private static func fitFormula(_ formula: String, _ request: FitRequest, _ benchmark: inout FitBenchmark?, data: FitData, xName: String?, y: [Double],
                                   options: GrowthFitOptions) throws -> FitReport {
        let probe = try Formula(formula, variables: data.header)
        try requireStarts(probe, request: request, data: data)
        var variables: [(name: String, values: [Double])] = []
        for index in probe.usedVariables {
            variables.append((data.header[index], try data.numbers(inColumn: index)))
        }
        if request.horizon != nil {
            guard let xName else {
                throw FitError("--horizon needs --x COLUMN, the column forecasts extend")
            }
            let names = variables.map(\.name)
            guard names.count == 1, names[0].lowercased() == xName.lowercased() else {
                throw FitError("--horizon needs a formula whose only variable is the --x column \(xName); this formula uses \(names.isEmpty ? "no column" : names.joined(separator: ", "))")
            }
        }
        let predictor = variables.first { $0.name.lowercased() == xName?.lowercased() } ?? variables.first
        let curve = try timed(request, &benchmark) {
            try FormulaModels.fit(formula, variables: variables, predictor: predictor?.name, y: y,
                                  start: request.starts, options: options)
        }
        let x: [Double]
        if let xName, let column = data.header.firstIndex(of: xName) {
            x = try data.numbers(inColumn: column)
        } else {
            x = predictor?.values ?? []
        }
        return FitReport(label: formula, description: formula, curve: curve,
                         warnings: curve.result.warnings.map(\.description), x: x, file: data.file, xName: xName ?? predictor?.name,
                         yName: request.yColumn, level: request.level)
    }

    /// A misspelt column name in a formula reads as a parameter without a start value;
    /// say which column it probably meant instead of only asking for a start value.
    private static func requireStarts(_ formula: Formula, request: FitRequest, data: FitData) throws {
        let missing = formula.parameterNames.filter { request.starts[$0] == nil }
        guard !missing.isEmpty else { return }
        let list = missing.map { "'\($0)'" }.joined(separator: ", ")
        let example = missing.map { "--start \($0)=VALUE" }.joined(separator: " ")
        var message = "parameter\(missing.count == 1 ? "" : "s") \(list) of the formula \(missing.count == 1 ? "has" : "have") no start value; give \(example) (identifiers that are not columns of \(data.file) are parameters)"
        let slips = missing.compactMap { name in
            Suggestions.closest(to: name, among: data.header).map { "if '\(name)' is a misspelt column, did you mean \"\($0)\"?" }
        }
        if !slips.isEmpty {
            message += "; " + slips.joined(separator: "; ")
        }
        throw NumericsError(.missingStart, message)
    }

    /// Runs the fit, and with --bench-repeat repeats it and keeps the median time in
    /// `benchmark` (the command prints it; the library writes to no stream).
    private static func timed<T>(_ request: FitRequest, _ benchmark: inout FitBenchmark?,
                                 _ body: () throws -> T) throws -> T {
        let result = try body()
        guard request.benchRepeat > 0 else { return result }
        var times: [Double] = []
        for _ in 0..<request.benchRepeat {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        benchmark = FitBenchmark(medianSeconds: times[times.count / 2], repeats: times.count)
        return result
    }

    // MARK: Forecasts

    private static func addForecasts(to report: inout FitReport, request: FitRequest) throws {
        let years = try forecastYears(after: report.x, through: request.horizon)
        let level = request.level
        report.forecast = years.map { year in
            let prediction = report.curve.predictionInterval(at: year, level: level)
            let confidence = report.curve.confidenceInterval(at: year, level: level)
            return FitForecastRow(x: year, value: report.curve.predict(year), lower: prediction.lower,
                                  upper: prediction.upper, confidenceLower: confidence.lower,
                                  confidenceUpper: confidence.upper)
        }
        guard request.bootstrapResamples > 0 else { return }
        let result = try Bootstrap.residual(report.curve, at: years,
                                            options: BootstrapOptions(resamples: request.bootstrapResamples,
                                                                      seed: request.seed, level: level))
        report.bootstrap = result
        for (i, band) in result.curve.enumerated() where i < report.forecast.count {
            report.forecast[i].bootstrapLower = band.lower
            report.forecast[i].bootstrapUpper = band.upper
        }
        report.warnings += result.warnings
    }

    /// Every whole step of 1 after the last data point up to the horizon (none without one).
    private static func forecastYears(after x: [Double], through horizon: Double?) throws -> [Double] {
        guard let horizon else { return [] }
        guard let last = x.max() else { throw FitError("no data to forecast from") }
        let text = FitNumberFormat.text
        guard horizon > last else {
            throw FitError("--horizon \(text(horizon)) is not after the last data point (\(text(last))); give a later year")
        }
        guard horizon - last <= 1000 else {
            throw FitError("--horizon \(text(horizon)) is more than 1000 years after the last data point (\(text(last)))")
        }
        // From 2^53 on, doubles are more than 1 apart: last + 1 == last, and the steps below
        // would never reach the horizon.
        guard abs(last) + (horizon - last) < 0x1p53 else {
            throw FitError("--horizon needs x values that can be stepped by 1, below 9,007,199,254,740,992 (2^53) in size; the last data point is \(text(last))")
        }
        var years: [Double] = []
        var year = last + 1
        while year <= horizon + 1e-9 {
            years.append(year)
            year += 1
        }
        return years
    }
}
