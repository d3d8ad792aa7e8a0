import Foundation
import Forecasting
import Numerics

/// How the table writes numbers: six significant digits, no exponent for ordinary
/// magnitudes, whole numbers without a decimal point, "-" for undefined values.
enum FitNumberFormat {
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        if value == value.rounded(), abs(value) < 1e9 { return String(format: "%.0f", value) }
        return String(format: "%.6g", value)
    }
}

/// The report as a table a person reads: estimates with standard errors and t-based
/// intervals, the fit statistics, forecasts, the `auto` candidates and the warnings.
extension FitReport {
    func table() -> String {
        let text = FitNumberFormat.text
        var out = ""
        func line(_ s: String = "") { out += s + "\n" }
        let percent = text(level * 100) + "%"
        line("model        \(description)")
        let against = xName.map { " against \($0)" } ?? ""
        let logNote = curve.logResponse ? ", fitted to log(\(yName))" : ""
        line("data         \(file): \(yName)\(against), \(result.observationCount) points\(logNote)")
        line()
        out += Self.aligned(parameterRows(percent: percent))
        line()
        for (name, value) in statistics {
            line(name.padding(toLength: 25, withPad: " ", startingAt: 0) + value)
        }
        if let bootstrap {
            line("bootstrap".padding(toLength: 25, withPad: " ", startingAt: 0)
                 + "\(bootstrap.succeeded) of \(bootstrap.resamples) resamples, seed \(bootstrap.seed), percentile intervals")
        }
        if !forecast.isEmpty {
            line()
            let bootstrapNote = bootstrap == nil ? "" : "; bootstrap percentile interval of the curve"
            line("forecast (\(percent) prediction interval; confidence interval of the curve\(bootstrapNote))")
            out += Self.aligned(forecastRows)
        }
        if let selection {
            line()
            line("candidates (rolling-origin backtest: fit on the first k points, forecast the next)")
            out += Self.aligned(Self.candidateRows(selection.candidates), textColumns: [0, 5])
            line("chosen: \(label) — \(selection.reason)")
        }
        if !warnings.isEmpty {
            line()
            line("warnings")
            for warning in warnings { line("  - \(warning)") }
        }
        return out
    }

    private func parameterRows(percent: String) -> [[String]] {
        let text = FitNumberFormat.text
        var rows = [["parameter", "estimate", "std. error", "\(percent) CI lower", "\(percent) CI upper"]]
        if bootstrap != nil { rows[0] += ["bootstrap lower", "bootstrap upper"] }
        for (k, name) in result.parameterNames.enumerated() {
            let interval = parameterInterval(k)
            var row = [name, text(result.parameters[k]), text(result.standardErrors[k]),
                       text(interval.lower), text(interval.upper)]
            if let bootstrap {
                let band = k < bootstrap.parameters.count ? bootstrap.parameters[k] : (lower: .nan, upper: .nan)
                row += [text(band.lower), text(band.upper)]
            }
            rows.append(row)
        }
        return rows
    }

    private var statistics: [(String, String)] {
        let text = FitNumberFormat.text
        return [
            ("residual sum of squares", text(result.residualSumOfSquares)),
            ("residual std. deviation", text(residualStandardDeviation)),
            ("degrees of freedom", "\(result.degreesOfFreedom)"),
            ("AICc", text(curve.aicc)),
            ("BIC", text(curve.bic)),
            ("iterations", "\(result.iterations)"),
            ("converged", converged ? "yes (\(result.reason))" : "NO (\(failure ?? result.reason))"),
        ]
    }

    private var forecastRows: [[String]] {
        let text = FitNumberFormat.text
        var rows = [[xName ?? "x", "value", "lower", "upper", "curve lower", "curve upper"]]
        if bootstrap != nil { rows[0] += ["bootstrap lower", "bootstrap upper"] }
        for r in forecast {
            var row = [text(r.x), text(r.value), text(r.lower), text(r.upper), text(r.confidenceLower),
                       text(r.confidenceUpper)]
            if bootstrap != nil { row += [text(r.bootstrapLower ?? .nan), text(r.bootstrapUpper ?? .nan)] }
            rows.append(row)
        }
        return rows
    }

    private static func candidateRows(_ candidates: [ModelCandidate]) -> [[String]] {
        let text = FitNumberFormat.text
        var rows = [["model", "RSS", "AICc", "BIC", "backtest MAPE", "note"]]
        for m in candidates {
            let mape = m.backtestMAPE.isFinite ? String(format: "%.1f%%", m.backtestMAPE * 100) : "-"
            rows.append([m.kind.rawValue, text(m.residualSumOfSquares), text(m.aicc), text(m.bic), mape, m.note ?? ""])
        }
        return rows
    }

    /// Columns padded to their widest cell: text columns left-aligned, numbers right-aligned.
    static func aligned(_ rows: [[String]], textColumns: Set<Int> = [0]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { c, cell in
                textColumns.contains(c) ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[c] - cell.count) + cell
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }.joined()
    }
}
