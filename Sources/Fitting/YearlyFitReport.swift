import Foundation
import Forecasting
import MarketData

/// `marketcast fit --model auto` (or a yearly method): no curve and no parameters, but the
/// forecast with its interval, every member of the combination with its forecasts and its
/// weight in the median, and how the interval was made — as a table or as one JSON object.
struct YearlyFitReport: Codable, Equatable {
    struct Source: Codable, Equatable {
        var file: String
        var x: String
        var y: String
        var points: Int
    }

    struct Member: Codable, Equatable {
        var method: String
        var description: String
        var forecast: [JSONNumber]
        /// Its weight in the combined value, year by year (a median of six weighs the two
        /// middle members ½ each).
        var weights: [Double]
    }

    struct Interval: Codable, Equatable {
        var method: String
        /// What the errors were measured on.
        var reference: String
        /// The series' mean absolute yearly change, the unit of the error quantiles; null
        /// for a series that never changes.
        var scale: JSONNumber
    }

    struct Point: Codable, Equatable {
        var x: Double
        var value: JSONNumber
        var lower: JSONNumber
        var upper: JSONNumber
    }

    /// `auto` or the method's name.
    var model: String
    /// What produced the values: `combination(drift,damped,…)` or the method.
    var label: String
    var description: String
    var data: Source
    var level: Double
    var aggregation: String
    var pool: [Member]
    var interval: Interval
    var forecast: [Point]
    var warnings: [String]
    /// Always true here: a yearly method either forecasts or fails with an error.
    var converged: Bool

    /// Years forecast when no --horizon is given, as `batch` does.
    static let defaultYearsAhead = 5

    static func build(_ request: FitRequest, model: YearlyModel) throws -> YearlyFitReport {
        let refused: [(Bool, String)] = [
            (!request.starts.isEmpty, "--start"), (request.logResponse, "--log"),
            (request.weightsColumn != nil, "--weights"), (request.bootstrapResamples > 0, "--bootstrap"),
        ]
        if let option = refused.first(where: { $0.0 })?.1 {
            throw FitError("\(option) does not apply to --model \(model.name): it applies to growth curves and formulas; the yearly methods have no parameters to start, weight or resample")
        }
        let data = try FitData(path: request.dataPath)
        let y = try data.numbers(inColumn: try data.column(request.yColumn, option: "--y"))
        guard let xName = try data.predictorName(option: request.xColumn) else {
            throw FitError("--model \(model.name) needs a year column: give --x COLUMN (\(data.file) has no column named year)")
        }
        let xValues = try data.numbers(named: xName, option: "--x")
        var years: [Int] = []
        for (i, value) in xValues.enumerated() {
            guard let year = Int(exactly: value), LongSeriesTable.yearRange.contains(year) else {
                throw FitError("--x column \(xName) of \(data.file) holds \(FitNumberFormat.text(value)) in data row \(i + 1); the yearly methods need whole years between \(LongSeriesTable.yearRange.lowerBound) and \(LongSeriesTable.yearRange.upperBound)")
            }
            years.append(year)
        }
        let order = years.indices.sorted { years[$0] < years[$1] }
        let sortedYears = order.map { years[$0] }, sortedValues = order.map { y[$0] }
        if let i = sortedYears.indices.dropFirst().first(where: { sortedYears[$0] == sortedYears[$0 - 1] }) {
            throw FitError("\(data.file) has year \(sortedYears[i]) twice in --x column \(xName); keep one row per year")
        }
        guard let last = sortedYears.last else { throw FitError("\(data.file) has no rows to forecast from") }
        let horizon: Int
        if let requested = request.horizon {
            guard requested > Double(last) else {
                throw FitError("--horizon \(FitNumberFormat.text(requested)) is not after the last year (\(last)); give a later year")
            }
            guard requested - Double(last) <= Double(ManySeriesOptions.maximumHorizon) else {
                throw FitError("--horizon \(FitNumberFormat.text(requested)) is more than \(ManySeriesOptions.maximumHorizon) years after the last year (\(last))")
            }
            horizon = Int((requested - Double(last)).rounded(.down))
        } else {
            horizon = defaultYearsAhead
        }
        let (values, filled) = try GapFilling.fill(years: sortedYears, values: sortedValues)
        let result = try YearlyForecaster.forecast(values, model: model, horizon: horizon, level: request.level)
        var warnings = data.notes
        if !filled.isEmpty {
            warnings.append("\(GapFilling.describe(filled)) missing and were filled by interpolation for the forecast")
        }
        warnings += result.warnings.map(\.description)
        let description = result.members.count == 1 ? result.members[0].summary
            : "median, year by year, of " + result.members.map(\.name).joined(separator: ", ")
        return YearlyFitReport(
            model: model.name, label: result.label, description: description,
            data: Source(file: data.file, x: xName, y: data.header[try data.column(request.yColumn, option: "--y")],
                         points: sortedValues.count),
            level: request.level, aggregation: result.members.count == 1 ? "single" : "median",
            pool: result.members.map {
                Member(method: $0.name, description: $0.summary,
                       forecast: $0.values.map(JSONNumber.init), weights: $0.weights)
            },
            interval: Interval(method: result.intervalMethod, reference: ReferenceCalibration.reference,
                               scale: JSONNumber(result.scale ?? .nan)),
            forecast: (0..<horizon).map { h in
                Point(x: Double(last + h + 1), value: JSONNumber(result.values[h]),
                      lower: JSONNumber(result.lower[h]), upper: JSONNumber(result.upper[h]))
            },
            warnings: warnings, converged: true)
    }

    func table() -> String {
        let text = FitNumberFormat.text
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        line("model        \(model): \(description)")
        line("data         \(data.file): \(data.y) against \(data.x), \(data.points) points")
        line("interval     \(interval.method)")
        line()
        let percent = text(level * 100) + "%"
        var header = [data.x, "value", "lower (\(percent))", "upper"]
        if pool.count > 1 { header += pool.map(\.method) }
        var rows = [header]
        for (h, point) in forecast.enumerated() {
            var row = [text(point.x), text(point.value.value), text(point.lower.value), text(point.upper.value)]
            if pool.count > 1 {
                // A member that carries weight in the median that year is marked with *.
                row += pool.map { text($0.forecast[h].value) + ($0.weights[h] > 0 ? "*" : "") }
            }
            rows.append(row)
        }
        out += FitReport.aligned(rows)
        if pool.count > 1 { line("* the members whose median gives the value that year") }
        if !warnings.isEmpty {
            line()
            for warning in warnings { line("warning: \(warning)") }
        }
        return out
    }
}
