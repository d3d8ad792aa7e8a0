// Entry point for fitting the catalog: self-started, multi-start, with warnings when the
// data cannot pin a parameter down.
import Foundation
import Numerics

public enum GrowthCurves {
    /// Fits `kind` to (x, y). x is time (years); it need not be sorted or evenly spaced.
    public static func fit(_ kind: GrowthModelKind, x: [Double], y: [Double],
                           options: GrowthFitOptions = .init()) throws -> GrowthFit {
        guard x.count == y.count else {
            throw NumericsError(.invalidInput, "x has \(x.count) values but y has \(y.count)")
        }
        let p = kind.parameterNames.count - options.fixed.count
        guard x.count >= max(p, 1) else {
            throw NumericsError(.invalidInput,
                                "\(kind.rawValue) has \(kind.parameterNames.count) parameters but there are only \(x.count) data points; add data or choose a simpler model")
        }
        var options = options
        options.solver.maxEvaluations = min(options.solver.maxEvaluations, options.catalogEvaluationsPerStart)
        let origin = Self.origin(for: kind, x: x, options: options)
        let (lower, upper) = kind.defaultBounds
        let curve = try CurveFitter.fit(formulaText: kind.formula(origin: origin), variableNames: ["x"],
                                        columns: [x], y: y, parameterNames: kind.parameterNames,
                                        options: options, defaultLower: lower, defaultUpper: upper) {
            let finiteY = y.filter { $0.isFinite }
            var starts = StartValues.candidates(for: kind, x: x, y: finiteY.count == y.count ? y : finiteY, origin: origin)
            if !options.startHints.isEmpty {
                for name in options.startHints.keys where !kind.parameterNames.contains(name) {
                    throw NumericsError(.invalidInput,
                                        "start value given for '\(name)', which is not a parameter of \(kind.rawValue) (parameters: \(kind.parameterNames.joined(separator: ", ")))")
                }
                var hinted = starts.first ?? kind.parameterNames.map { _ in 1.0 }
                for (k, name) in kind.parameterNames.enumerated() { if let v = options.startHints[name] { hinted[k] = v } }
                starts.insert(hinted, at: 0)
            }
            guard !starts.isEmpty else {
                throw NumericsError(.invalidInput, "could not derive start values for \(kind.rawValue) from these data (are they increasing and positive?)")
            }
            return starts
        }
        let result = curve.result
        let issues = identifiabilityIssues(kind: kind, result: result, origin: origin, x: x, y: y)
        return GrowthFit(kind: kind, curve: curve, origin: origin, identifiability: issues,
                         warnings: result.warnings.map(\.description) + issues.map(\.description))
    }

    /// x₀ for the catalog formulas: the first observed x, or for Bass the launch year
    /// (given, or one period before the first observation).
    static func origin(for kind: GrowthModelKind, x: [Double], options: GrowthFitOptions) -> Double {
        let first = x.min() ?? 0
        if kind == .bass {
            if let launch = options.bassLaunch { return launch }
            let sorted = Array(Set(x)).sorted()
            let step = zip(sorted.dropFirst(), sorted).map { $0 - $1 }.min() ?? 1
            return first - step
        }
        return first
    }

    static func identifiabilityIssues(kind: GrowthModelKind, result: LeastSquaresResult, origin: Double,
                                      x: [Double], y: [Double]) -> [IdentifiabilityIssue] {
        var out: [IdentifiabilityIssue] = []
        func value(_ name: String) -> Double? {
            result.parameterNames.firstIndex(of: name).map { result.parameters[$0] }
        }
        let lastX = x.max() ?? 0
        let yMax = y.max() ?? 0
        if let ceilingName = kind.ceilingParameter, let ceiling = value(ceilingName) {
            var inflection: Double? = nil
            switch kind {
            case .logistic, .gompertz: inflection = value("t0")
            case .richards:
                if let t0 = value("t0"), let r = value("r"), let nu = value("nu"), r > 0 { inflection = t0 + log(nu) / r }
            case .bass:
                // Adoption peaks ln(q/p)/(p+q) years after launch (only when q > p).
                if let p = value("p"), let q = value("q"), p > 0, q > p { inflection = origin + log(q / p) / (p + q) }
            default: break
            }
            if let t = inflection, t.isFinite, t > lastX {
                out.append(.inflectionBeyondData(ceiling: ceilingName, value: ceiling, inflection: t, lastX: lastX))
            }
            if yMax > 0, ceiling > 1000 * yMax {
                out.append(.ceilingRunsOff(ceiling: ceilingName, value: ceiling, ratio: ceiling / yMax))
            } else if yMax > 0, ceiling > 10 * yMax {
                out.append(.ceilingIsAGuess(ceiling: ceilingName, value: ceiling, ratio: ceiling / yMax))
            }
        }
        for (k, name) in result.parameterNames.enumerated() {
            let v = result.parameters[k], se = result.standardErrors[k]
            let relative = abs(se / v)
            if se.isFinite, v != 0, relative > 0.5 {
                out.append(.poorlyDetermined(parameter: name, value: v, relativeError: relative))
            }
        }
        return out
    }
}
