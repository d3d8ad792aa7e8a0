// `marketcast fit`: fit one model (catalog name, `auto`, or a formula) to two columns of a
// CSV file and print the estimates, their uncertainty and optional forecasts — as a table
// for people or as one JSON object for scripts. Bad input (a formula with a syntax error,
// a missing column, a parameter without a start value, too few points), a singular
// Jacobian and a fit that does not converge all end with a message and exit status 1;
// with --json the object still says `converged: false` and why.
import ArgumentParser
import Foundation
import MarketData
import Numerics

struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a growth curve or a formula to a CSV column and report estimates, intervals and forecasts.",
        discussion: """
            --model takes a catalog name (\(GrowthModelKind.allCases.map(\.rawValue).joined(separator: ", "))), \
            `auto` (fit all, rank by AICc and a rolling-origin backtest), or a formula such as \
            "b1*(1-exp(-b2*x))": identifiers naming CSV columns are variables, every other identifier \
            is a parameter and needs --start NAME=VALUE.
            """)

    @Option(help: "The CSV file (header row, one observation per row).")
    var data: String

    @Option(help: "The response column.")
    var y: String

    @Option(help: "The time/predictor column (default: year, when the file has one).")
    var x: String?

    @Option(help: "A catalog model name, `auto`, or a formula.")
    var model: String

    @Option(help: ArgumentHelp("Start value of a parameter, NAME=VALUE (repeatable).", valueName: "NAME=VALUE"))
    var start: [String] = []

    @Flag(help: "Fit log(y) (multiplicative errors); needs positive values.")
    var log = false

    @Option(help: "Column of observation weights (e.g. 1/variance).")
    var weights: String?

    @Option(help: "Residual-bootstrap resamples (0 = none).")
    var bootstrap: Int = 0

    @Option(help: "Seed of the bootstrap's random numbers.")
    var seed: UInt64 = 1

    @Option(help: "Coverage of the confidence and prediction intervals.")
    var level: Double = 0.95

    @Option(help: "Forecast every year after the data up to this one.")
    var horizon: Double?

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    /// Benchmark aid (hidden): repeat the fit this many times and print the median time
    /// per fit on stderr. Never part of normal output.
    @Option(help: .hidden)
    var benchRepeat: Int = 0

    func run() throws {
        do {
            let report = try makeReport()
            if json {
                print(report.json().rendered())
            } else {
                print(report.table(), terminator: "")
            }
            if let failure = report.failure {
                FileHandle.standardError.write(Data("error: \(failure)\n".utf8))
                throw ExitCode(1)
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            let message = describe(error)
            if json {
                let object = JSONValue.object([
                    ("model", .string(model)),
                    ("converged", .bool(false)),
                    ("reason", .string(plainMessage(error))),
                    ("warnings", .array([])),
                ])
                print(object.rendered())
            }
            FileHandle.standardError.write(Data("\(message)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The message alone, for the JSON `reason`.
    private func plainMessage(_ error: Error) -> String {
        if let e = error as? NumericsError { return e.message }
        if let e = error as? ValidationError { return e.message }
        return "\(error)"
    }

    /// Errors as `file:line:column: error: …`: data errors carry their location already;
    /// formula errors point into the --model text.
    private func describe(_ error: Error) -> String {
        if let e = error as? NumericsError {
            if let column = e.column {
                let caret = String(repeating: " ", count: max(column - 1, 0)) + "^"
                return "--model:1:\(column): error: \(e.message)\n  \(model)\n  \(caret)"
            }
            return "error: \(e.message)"
        }
        if let e = error as? ValidationError { return "error: \(e.message)" }
        return "\(error)"
    }

    // MARK: Fitting

    private func makeReport() throws -> FitReport {
        guard level > 0, level < 1 else { throw ValidationError("--level must lie strictly between 0 and 1, not \(level)") }
        guard bootstrap >= 0 else { throw ValidationError("--bootstrap must be 0 or more, not \(bootstrap)") }
        let starts = try parseStarts()
        var table = try CSVTable.read(path: data)
        // Estimates are never mixed silently with actuals (DESIGN.md): rows whose status
        // column says `estimate` are left out of the fit, and the output says so.
        var notes: [String] = []
        if let status = table.optionalColumnIndex(named: "status") {
            let estimates = table.rows.filter { $0[status].text.trimmingCharacters(in: .whitespaces).lowercased() == "estimate" }
            if !estimates.isEmpty {
                table.rows.removeAll { $0[status].text.trimmingCharacters(in: .whitespaces).lowercased() == "estimate" }
                let lines = estimates.map { String($0.line) }.joined(separator: ", ")
                notes.append("left out \(estimates.count) row\(estimates.count == 1 ? "" : "s") marked estimate (line\(estimates.count == 1 ? "" : "s") \(lines)): the fit uses actuals only")
                guard !table.rows.isEmpty else {
                    throw ValidationError("\(data): every row is marked estimate; there are no actuals to fit")
                }
            }
        }
        let yColumn = try table.columnIndex(named: y)
        let yValues = try numbers(table, column: yColumn)
        let xName = try predictorName(table)
        var options = GrowthFitOptions(logResponse: log)
        if let weights {
            options.weights = try numbers(table, column: try table.columnIndex(named: weights))
        }
        let kind = GrowthModelKind(rawValue: model)
        var report: FitReport
        if model == "auto" || kind != nil {
            guard let xName else {
                throw ValidationError("--model \(model) needs a time column: give --x COLUMN (the file has no column named year)")
            }
            let xValues = try numbers(table, column: try table.columnIndex(named: xName))
            options.startHints = starts
            if let kind {
                let fit = try timed { try GrowthCurves.fit(kind, x: xValues, y: yValues, options: options) }
                report = FitReport(label: kind.rawValue, description: fit.description, curve: fit.curve,
                                   warnings: fit.warnings, x: xValues)
            } else {
                if !starts.isEmpty { throw ValidationError("--start does not apply to --model auto (each catalog model starts itself)") }
                let selection = try timed { try ModelSelection.auto(x: xValues, y: yValues, options: SelectionOptions(fit: options)) }
                report = FitReport(label: selection.chosen.kind.rawValue, description: selection.chosen.description,
                                   curve: selection.chosen.curve, warnings: selection.chosen.warnings, x: xValues)
                report.candidates = selection.candidates
                report.selectionReason = selection.reason
            }
        } else {
            // A formula: its variables are the CSV columns it names.
            let probe = try Formula(model, variables: table.header)
            var variables: [(name: String, values: [Double])] = []
            for index in probe.usedVariables {
                variables.append((table.header[index], try numbers(table, column: index)))
            }
            let xValues: [Double]?
            if let xName, let column = table.optionalColumnIndex(named: xName) {
                xValues = try numbers(table, column: column)
            } else {
                xValues = nil
            }
            if horizon != nil {
                guard let xName else { throw ValidationError("--horizon needs --x COLUMN, the column forecasts extend") }
                let names = variables.map(\.name)
                guard names.count == 1, names[0] == xName || names[0].lowercased() == xName.lowercased() else {
                    throw ValidationError("--horizon needs a formula whose only variable is the --x column \(xName); this formula uses \(names.isEmpty ? "no column" : names.joined(separator: ", "))")
                }
            }
            let predictor = variables.first { $0.name.lowercased() == xName?.lowercased() }?.name ?? variables.first?.name
            let curve = try timed {
                try FormulaModels.fit(model, variables: variables, predictor: predictor, y: yValues, start: starts, options: options)
            }
            report = FitReport(label: model, description: model, curve: curve, warnings: curve.result.warnings,
                               x: xValues ?? variables.first?.values ?? [])
        }
        report.file = data
        report.warnings = notes + report.warnings
        report.xName = xName
        report.yName = table.header[yColumn]
        report.level = level
        try addForecasts(to: &report)
        return report
    }

    /// Runs the fit, and with --bench-repeat repeats it and reports the median time.
    private func timed<T>(_ body: () throws -> T) throws -> T {
        let result = try body()
        guard benchRepeat > 0 else { return result }
        var times: [Double] = []
        for _ in 0..<benchRepeat {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        FileHandle.standardError.write(Data(String(format: "bench: median %.6f s per fit over %d repeats\n",
                                                   times[times.count / 2], times.count).utf8))
        return result
    }

    private func addForecasts(to report: inout FitReport) throws {
        var years: [Double] = []
        if let horizon {
            guard let last = report.x.max() else { throw ValidationError("no data to forecast from") }
            guard horizon > last else {
                throw ValidationError("--horizon \(format(horizon)) is not after the last data point (\(format(last))); give a later year")
            }
            guard horizon - last <= 1000 else {
                throw ValidationError("--horizon \(format(horizon)) is more than 1000 years after the last data point (\(format(last)))")
            }
            var year = last + 1
            while year <= horizon + 1e-9 {
                years.append(year)
                year += 1
            }
        }
        report.forecast = years.map { year in
            let pi = report.curve.predictionInterval(at: year, level: level)
            let ci = report.curve.confidenceInterval(at: year, level: level)
            return ForecastRow(x: year, value: report.curve.predict(year), lower: pi.lower, upper: pi.upper,
                               confidenceLower: ci.lower, confidenceUpper: ci.upper)
        }
        if bootstrap > 0 {
            let result = try Bootstrap.residual(report.curve, at: years,
                                                options: BootstrapOptions(resamples: bootstrap, seed: seed, level: level))
            report.bootstrap = result
            for (i, band) in result.curve.enumerated() {
                report.forecast[i].bootstrapLower = band.lower
                report.forecast[i].bootstrapUpper = band.upper
            }
            report.warnings += result.warnings
        }
    }

    private func parseStarts() throws -> [String: Double] {
        var starts: [String: Double] = [:]
        for item in start {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]), value.isFinite else {
                throw ValidationError("--start expects NAME=VALUE with a finite number, e.g. --start b1=500; got `\(item)`")
            }
            if starts[parts[0]] != nil { throw ValidationError("--start gives \(parts[0]) twice") }
            starts[parts[0]] = value
        }
        return starts
    }

    private func predictorName(_ table: CSVTable) throws -> String? {
        if let x {
            _ = try table.columnIndex(named: x)
            return x
        }
        return table.optionalColumnIndex(named: "year").map { table.header[$0] }
    }

    private func numbers(_ table: CSVTable, column: Int) throws -> [Double] {
        var problems = InputErrors()
        var values: [Double] = []
        for row in table.rows {
            if let v = try problems.collect({ try NumberParsing.double(row[column], column: table.header[column], file: table.file) }) {
                values.append(v)
            }
        }
        try problems.throwIfAny()
        return values
    }
}

// MARK: - What is printed

private struct ForecastRow {
    var x: Double
    var value: Double
    var lower: Double
    var upper: Double
    var confidenceLower: Double
    var confidenceUpper: Double
    var bootstrapLower: Double? = nil
    var bootstrapUpper: Double? = nil
}

private struct FitReport {
    var label: String
    var description: String
    var curve: CurveFit
    var warnings: [String]
    var x: [Double]
    var file = ""
    var xName: String? = nil
    var yName = ""
    var level = 0.95
    var forecast: [ForecastRow] = []
    var bootstrap: BootstrapResult? = nil
    var candidates: [ModelCandidate]? = nil
    var selectionReason: String? = nil

    init(label: String, description: String, curve: CurveFit, warnings: [String], x: [Double]) {
        self.label = label
        self.description = description
        self.curve = curve
        self.warnings = warnings
        self.x = x
    }

    var result: LeastSquaresResult { curve.result }

    /// Why the command must exit non-zero, if it must.
    var failure: String? {
        if !result.converged { return "the fit did not converge: \(result.reason)" }
        if result.rankDeficient {
            return "the Jacobian is singular at the solution (rank \(result.rank)): some parameters are not determined by the data; fix them or simplify the model"
        }
        return nil
    }

    var tQuantile: Double {
        StudentT.quantile(0.5 + level / 2, degreesOfFreedom: Double(result.degreesOfFreedom))
    }

    func parameterInterval(_ k: Int) -> (Double, Double) {
        let se = result.standardErrors[k], v = result.parameters[k]
        return (v - tQuantile * se, v + tQuantile * se)
    }

    var residualStandardDeviation: Double { result.residualVariance.squareRoot() }

    // MARK: Table

    func table() -> String {
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        let percent = format(level * 100) + "%"
        line("model        \(description)")
        line("data         \(file): \(yName)\(xName.map { " against \($0)" } ?? ""), \(result.observationCount) points\(curve.logResponse ? ", fitted to log(\(yName))" : "")")
        line()
        var rows = [["parameter", "estimate", "std. error", "\(percent) CI lower", "\(percent) CI upper"]]
        if let b = bootstrap { rows[0] += ["bootstrap lower", "bootstrap upper"]; _ = b }
        for (k, name) in result.parameterNames.enumerated() {
            let (lo, hi) = parameterInterval(k)
            var row = [name, format(result.parameters[k]), format(result.standardErrors[k]), format(lo), format(hi)]
            if let b = bootstrap { row += [format(b.parameters[k].lower), format(b.parameters[k].upper)] }
            rows.append(row)
        }
        out += aligned(rows)
        line()
        let stats: [(String, String)] = [
            ("residual sum of squares", format(result.residualSumOfSquares)),
            ("residual std. deviation", format(residualStandardDeviation)),
            ("degrees of freedom", "\(result.degreesOfFreedom)"),
            ("AICc", format(curve.aicc)),
            ("BIC", format(curve.bic)),
            ("iterations", "\(result.iterations)"),
            ("converged", result.converged ? "yes (\(result.reason))" : "NO (\(result.reason))"),
        ]
        for (name, value) in stats { line(name.padding(toLength: 25, withPad: " ", startingAt: 0) + value) }
        if let b = bootstrap {
            line("bootstrap".padding(toLength: 25, withPad: " ", startingAt: 0)
                 + "\(b.succeeded) of \(b.resamples) resamples, seed \(b.seed), percentile intervals")
        }
        if !forecast.isEmpty {
            line()
            line("forecast (\(percent) prediction interval; confidence interval of the curve\(bootstrap == nil ? "" : "; bootstrap percentile interval of the curve"))")
            var f = [[xName ?? "x", "value", "lower", "upper", "curve lower", "curve upper"]]
            if bootstrap != nil { f[0] += ["bootstrap lower", "bootstrap upper"] }
            for r in forecast {
                var row = [format(r.x), format(r.value), format(r.lower), format(r.upper), format(r.confidenceLower), format(r.confidenceUpper)]
                if bootstrap != nil { row += [format(r.bootstrapLower ?? .nan), format(r.bootstrapUpper ?? .nan)] }
                f.append(row)
            }
            out += aligned(f)
        }
        if let candidates {
            line()
            line("candidates (rolling-origin backtest: fit on the first k points, forecast the next)")
            var c = [["model", "RSS", "AICc", "BIC", "backtest MAPE", "note"]]
            for m in candidates {
                c.append([m.kind.rawValue, format(m.residualSumOfSquares), format(m.aicc), format(m.bic),
                          m.backtestMAPE.isNaN ? "-" : String(format: "%.1f%%", m.backtestMAPE * 100), m.note ?? ""])
            }
            out += aligned(c)
            if let selectionReason { line("chosen: \(label) — \(selectionReason)") }
        }
        if !warnings.isEmpty {
            line()
            line("warnings")
            for w in warnings { line("  - \(w)") }
        }
        return out
    }

    private func aligned(_ rows: [[String]]) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                c == 0 ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }.joined()
    }

    // MARK: JSON

    func json() -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("model", .string(label)),
            ("description", .string(description)),
            ("data", .object([("file", .string(file)), ("x", xName.map(JSONValue.string) ?? .null),
                              ("y", .string(yName)), ("points", .number(Double(result.observationCount)))])),
            ("logResponse", .bool(curve.logResponse)),
            ("level", .number(level)),
        ]
        fields.append(("parameters", .array(result.parameterNames.enumerated().map { k, name in
            let (lo, hi) = parameterInterval(k)
            var p: [(String, JSONValue)] = [("name", .string(name)), ("value", .number(result.parameters[k])),
                                            ("standardError", .number(result.standardErrors[k])),
                                            ("lower", .number(lo)), ("upper", .number(hi))]
            if let b = bootstrap {
                p += [("bootstrapLower", .number(b.parameters[k].lower)), ("bootstrapUpper", .number(b.parameters[k].upper))]
            }
            return .object(p)
        })))
        fields += [
            ("residualSumOfSquares", .number(result.residualSumOfSquares)),
            ("residualStandardDeviation", .number(residualStandardDeviation)),
            ("degreesOfFreedom", .number(Double(result.degreesOfFreedom))),
            ("aicc", .number(curve.aicc)),
            ("bic", .number(curve.bic)),
            ("converged", .bool(result.converged && !result.rankDeficient)),
            ("iterations", .number(Double(result.iterations))),
            ("reason", .string(failure ?? result.reason)),
            ("warnings", .array(warnings.map(JSONValue.string))),
        ]
        if !forecast.isEmpty {
            fields.append(("forecast", .array(forecast.map { r in
                var o: [(String, JSONValue)] = [("x", .number(r.x)), ("value", .number(r.value)),
                                                ("lower", .number(r.lower)), ("upper", .number(r.upper)),
                                                ("confidenceLower", .number(r.confidenceLower)),
                                                ("confidenceUpper", .number(r.confidenceUpper))]
                if let lo = r.bootstrapLower, let hi = r.bootstrapUpper {
                    o += [("bootstrapLower", .number(lo)), ("bootstrapUpper", .number(hi))]
                }
                return .object(o)
            })))
        }
        if let b = bootstrap {
            fields.append(("bootstrap", .object([("resamples", .number(Double(b.resamples))),
                                                 ("succeeded", .number(Double(b.succeeded))),
                                                 ("seed", .string(String(b.seed))),
                                                 ("method", .string("residual bootstrap, percentile intervals"))])))
        }
        if let candidates {
            fields.append(("candidates", .array(candidates.map { m in
                .object([("model", .string(m.kind.rawValue)),
                         ("residualSumOfSquares", .number(m.residualSumOfSquares)),
                         ("aicc", .number(m.aicc)), ("bic", .number(m.bic)),
                         ("backtestMAPE", .number(m.backtestMAPE)),
                         ("backtestForecasts", .number(Double(m.backtestForecasts))),
                         ("converged", .bool(m.fit?.converged ?? false)),
                         ("note", m.note.map(JSONValue.string) ?? .null)])
            })))
            fields.append(("selectionReason", .string(selectionReason ?? "")))
        }
        return .object(fields)
    }
}

/// Six significant digits, no exponent for ordinary magnitudes; "-" for undefined values.
private func format(_ v: Double) -> String {
    guard v.isFinite else { return "-" }
    if v == v.rounded(), abs(v) < 1e9 { return String(format: "%.0f", v) }
    return String(format: "%.6g", v)
}

/// A JSON value whose objects keep their field order, so output is byte-for-byte stable.
/// Non-finite numbers become null (JSON has no NaN).
enum JSONValue {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([(String, JSONValue)])

    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent), inner = String(repeating: "  ", count: indent + 1)
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let v):
            guard v.isFinite else { return "null" }
            if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
            return "\(v)"
        case .string(let s): return JSONValue.quote(s)
        case .array(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { inner + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n\(pad)]"
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            return "{\n" + fields.map { "\(inner)\(JSONValue.quote($0.0)): \($0.1.rendered(indent: indent + 1))" }
                .joined(separator: ",\n") + "\n\(pad)}"
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
