// `--model auto`: fit every catalog model the data can support, rank them by AICc (BIC
// beside it) and by a rolling-origin backtest, choose one and say why in words.
//
// The rule: among converged fits, take those within `aiccTolerance` (2) of the lowest
// AICc — differences smaller than that are not evidence (Burnham & Anderson). Among those,
// prefer models whose parameters the data pin down (no rank deficiency, no unidentified
// ceiling), then the lowest backtest MAPE, then the lowest AICc.
import Foundation
import Numerics

public struct SelectionOptions: Sendable {
    public var fit: GrowthFitOptions
    public var models: [GrowthModelKind]
    public var aiccTolerance: Double

    public init(fit: GrowthFitOptions = .init(), models: [GrowthModelKind] = GrowthModelKind.allCases,
                aiccTolerance: Double = 2) {
        self.fit = fit
        self.models = models
        self.aiccTolerance = aiccTolerance
    }
}

public struct ModelCandidate: Sendable {
    public let kind: GrowthModelKind
    /// nil when the model was not fitted (too few points) or its fit failed; see `note`.
    public let fit: GrowthFit?
    public var aicc: Double { fit?.aicc ?? .nan }
    public var bic: Double { fit?.bic ?? .nan }
    public var residualSumOfSquares: Double { fit?.residualSumOfSquares ?? .nan }
    /// Mean absolute percentage error of one-step-ahead forecasts (fraction, 0.05 = 5%);
    /// NaN when no backtest was possible.
    public let backtestMAPE: Double
    /// How many one-step-ahead forecasts the MAPE averages.
    public let backtestForecasts: Int
    /// Why the model was skipped or what limited it.
    public let note: String?
}

public struct AutoSelection: Sendable {
    public let chosen: GrowthFit
    /// Every catalog model considered, in catalog order.
    public let candidates: [ModelCandidate]
    public let reason: String
}

public enum ModelSelection {
    public static func auto(x: [Double], y: [Double], options: SelectionOptions = .init()) throws -> AutoSelection {
        guard x.count == y.count else {
            throw NumericsError(.invalidInput, "x has \(x.count) values but y has \(y.count)")
        }
        // The weights are reordered with the data below: a count that differs would index
        // past them (GrowthCurves.fit says the same for one model).
        if let w = options.fit.weights, w.count != x.count {
            throw NumericsError(.invalidInput, "\(w.count) weights for \(x.count) data points")
        }
        let n = x.count
        let order = x.indices.sorted { x[$0] < x[$1] }
        let xs = order.map { x[$0] }, ys = order.map { y[$0] }
        let weights = options.fit.weights.map { w in order.map { w[$0] } }

        func freeCount(_ kind: GrowthModelKind) -> Int {
            kind.parameterNames.filter { options.fit.fixed[$0] == nil }.count
        }
        let supported = options.models.filter { n > freeCount($0) + 1 }
        // Backtest origins common to all models that can be ranked by AICc (n ≥ p + 3), so
        // their MAPEs are comparable; each training window leaves at least one dof.
        let rankable = supported.filter { n >= freeCount($0) + 3 }
        let firstOrigin = ((rankable.isEmpty ? supported : rankable).map { freeCount($0) + 1 }.max() ?? n)
        var candidates: [ModelCandidate] = []
        for kind in options.models {
            let p = freeCount(kind)
            guard n > p + 1 else {
                candidates.append(ModelCandidate(kind: kind, fit: nil, backtestMAPE: .nan, backtestForecasts: 0,
                                                 note: "not fitted: \(p) parameters need more than \(p + 1) points, there are \(n)"))
                continue
            }
            let fitOptions = restrict(options.fit, to: kind, weights: weights)
            do {
                let fit = try GrowthCurves.fit(kind, x: xs, y: ys, options: fitOptions)
                let (mape, count, failures) = backtest(kind, x: xs, y: ys, options: fitOptions,
                                                       firstOrigin: max(firstOrigin, p + 1))
                var notes: [String] = []
                if !fit.converged { notes.append("did not converge") }
                if failures > 0 { notes.append("\(failures) backtest refits failed") }
                candidates.append(ModelCandidate(kind: kind, fit: fit, backtestMAPE: mape, backtestForecasts: count,
                                                 note: notes.isEmpty ? nil : notes.joined(separator: "; ")))
            } catch {
                candidates.append(ModelCandidate(kind: kind, fit: nil, backtestMAPE: .nan, backtestForecasts: 0,
                                                 note: "fit failed: \(error)"))
            }
        }
        // AICc needs n > k + 1; with fewer points BIC ranks instead (and the reason says so).
        let converged = candidates.filter { $0.fit?.converged ?? false }
        let useAICc = converged.contains { $0.aicc.isFinite }
        let score: (ModelCandidate) -> Double = { useAICc ? $0.aicc : $0.bic }
        let usable = converged.filter { score($0).isFinite }
        guard let bestScore = usable.map(score).min() else {
            let why = candidates.map { "\($0.kind.rawValue): \($0.note ?? "no information criterion (too few points for this model)")" }.joined(separator: "; ")
            throw NumericsError(.invalidInput, "no catalog model could be fitted and ranked: \(why)")
        }
        let close = usable.filter { score($0) - bestScore <= options.aiccTolerance }
        let determined = close.filter { !isUnderdetermined($0.fit!) }
        let pool = determined.isEmpty ? close : determined
        let chosen = pool.min { a, b in
            let ma = a.backtestMAPE.isNaN ? .infinity : a.backtestMAPE
            let mb = b.backtestMAPE.isNaN ? .infinity : b.backtestMAPE
            return ma != mb ? ma < mb : score(a) < score(b)
        }!
        let reason = explain(chosen: chosen, usable: usable, close: close, pool: pool, best: bestScore,
                             tolerance: options.aiccTolerance, criterion: useAICc ? "AICc" : "BIC", score: score)
        return AutoSelection(chosen: chosen.fit!, candidates: candidates, reason: reason)
    }

    /// Keeps only the fixed values and bounds that name this model's parameters.
    static func restrict(_ options: GrowthFitOptions, to kind: GrowthModelKind, weights: [Double]?) -> GrowthFitOptions {
        var o = options
        let names = Set(kind.parameterNames)
        o.fixed = options.fixed.filter { names.contains($0.key) }
        o.lowerBounds = options.lowerBounds.filter { names.contains($0.key) }
        o.upperBounds = options.upperBounds.filter { names.contains($0.key) }
        o.weights = weights
        return o
    }

    static func isUnderdetermined(_ fit: GrowthFit) -> Bool {
        fit.curve.result.rankDeficient || fit.identifiability.contains { $0.leavesModelUndetermined }
    }

    /// Rolling origin: fit on the first k points, forecast point k+1, for k = firstOrigin…n−1.
    static func backtest(_ kind: GrowthModelKind, x: [Double], y: [Double], options: GrowthFitOptions,
                         firstOrigin: Int) -> (mape: Double, forecasts: Int, failures: Int) {
        var errors: [Double] = []
        var failures = 0
        let n = x.count
        guard firstOrigin < n else { return (.nan, 0, 0) }
        for window in RollingOrigin.windows(count: n, origins: firstOrigin...(n - 1), maximumHorizon: 1) {
            let k = window.origin
            var o = options
            o.weights = options.weights.map { Array($0.prefix(k)) }
            guard let fit = try? GrowthCurves.fit(kind, x: Array(x.prefix(k)), y: Array(y.prefix(k)), options: o),
                  fit.converged else { failures += 1; continue }
            let forecast = fit.predict(x[k])
            guard y[k] != 0, forecast.isFinite else { failures += 1; continue }
            errors.append(abs((forecast - y[k]) / y[k]))
        }
        guard !errors.isEmpty else { return (.nan, 0, failures) }
        return (errors.reduce(0, +) / Double(errors.count), errors.count, failures)
    }

    static func explain(chosen: ModelCandidate, usable: [ModelCandidate], close: [ModelCandidate],
                        pool: [ModelCandidate], best: Double, tolerance: Double, criterion: String,
                        score: (ModelCandidate) -> Double) -> String {
        func pct(_ v: Double) -> String { v.isNaN ? "n/a" : String(format: "%.1f%%", v * 100) }
        func num(_ v: Double) -> String { String(format: "%.1f", v) }
        let name = chosen.kind.rawValue
        var parts: [String] = []
        if close.count == 1 {
            let others = usable.filter { $0.kind != chosen.kind }.sorted { score($0) < score($1) }
            if let next = others.first {
                parts.append("\(name) has the lowest \(criterion) (\(num(score(chosen)))), \(num(score(next) - score(chosen))) below the next model, \(next.kind.rawValue)")
            } else {
                parts.append("\(name) is the only model that could be fitted and ranked (\(criterion) \(num(score(chosen))))")
            }
        } else {
            let names = close.sorted { score($0) < score($1) }.map(\.kind.rawValue).joined(separator: ", ")
            parts.append("\(names) are within \(num(tolerance)) \(criterion) units of the best (\(num(best))), too close to separate")
            let dropped = close.filter { c in !pool.contains { $0.kind == c.kind } }
            if !dropped.isEmpty {
                parts.append("\(dropped.map(\.kind.rawValue).joined(separator: ", ")) left aside because the data do not pin down their parameters")
            }
            if chosen.backtestMAPE.isFinite {
                parts.append("\(name) forecasts best one step ahead in the rolling-origin backtest (MAPE \(pct(chosen.backtestMAPE)) over \(chosen.backtestForecasts) forecast\(chosen.backtestForecasts == 1 ? "" : "s"))")
            } else {
                parts.append("no backtest was possible, so the lowest \(criterion) decides: \(name)")
            }
        }
        if close.count == 1, chosen.backtestMAPE.isFinite {
            parts.append("backtest MAPE \(pct(chosen.backtestMAPE)) over \(chosen.backtestForecasts) one-step forecast\(chosen.backtestForecasts == 1 ? "" : "s")")
        }
        if criterion == "BIC" {
            parts.append("too few points for AICc, so BIC ranked the models")
        }
        if isUnderdetermined(chosen.fit!) {
            parts.append("caution: its parameters are not all pinned down by the data (see warnings)")
        }
        return parts.joined(separator: "; ")
    }
}
