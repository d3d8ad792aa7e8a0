// What a `model:` key or a `--model` option may name, parsed in one place: `auto` (the
// combination), a yearly method (drift, damped, theta, …), a growth curve of the catalog
// (logistic, gompertz, …), `curves` (every curve ranked by AICc and a rolling-origin
// backtest, the best one kept), or an analyst's formula (`fit --model`, a scenario's
// `model:` with its `start:`). Every hint lists the same names, from here.
import Foundation
import MarketData
import Numerics

public enum ModelSpec: Sendable, Hashable, CustomStringConvertible {
    case yearly(YearlyModel)
    case curve(GrowthModelKind)
    /// The catalog's curves ranked, the best kept (ModelSelection).
    case bestCurve
    /// An analyst's formula (`b1*(1-exp(-b2*x))` for `fit`, in `year` in a scenario); its
    /// start values travel beside it, where they were given.
    case formula(String)

    public static let auto = ModelSpec.yearly(.auto)
    public static let bestCurveName = "curves"

    /// Every name, in the order hints list them.
    public static var names: [String] {
        ["auto"] + YearlyMethod.allCases.map(\.rawValue) + GrowthModelKind.allCases.map(\.rawValue) + [bestCurveName]
    }

    /// The name, as a message or a manifest prints it.
    public var description: String { name }

    public var name: String {
        switch self {
        case .yearly(let model): return model.name
        case .curve(let kind): return kind.rawValue
        case .bestCurve: return Self.bestCurveName
        case .formula(let text): return text
        }
    }

    /// Parses a name in any case; nil when it names nothing (see `unknownNameMessage`).
    public init?(name: String) {
        let text = name.trimmingCharacters(in: .whitespaces).lowercased()
        if let model = YearlyModel(name: text) { self = .yearly(model); return }
        if let kind = GrowthModelKind(rawValue: text) { self = .curve(kind); return }
        if text == Self.bestCurveName { self = .bestCurve; return }
        return nil
    }

    /// `auto` or the yearly method it names; nil for a curve or `curves`.
    public var yearlyModel: YearlyModel? {
        if case .yearly(let model) = self { return model }
        return nil
    }

    /// What a scenario may assume beyond a window and shocks: each needs a curve with
    /// parameters to hold it.
    public enum CurveAssumption: String, Sendable, CaseIterable {
        case ceiling
        case anchors
        case parameters
    }

    /// Why this model cannot hold `assumption` (message and hint), nil when it can. The one
    /// rule the scenario reader (at the key's line) and ScenarioFitter (for assumptions built
    /// in code) both apply: a yearly method has no parameters, so it holds no ceiling, anchor
    /// or parameter limit; a curve without a saturation parameter holds no ceiling. `auto`
    /// and `curves` hold them all (they fit the curves that can).
    public func refusal(of assumption: CurveAssumption) -> (message: String, hint: String)? {
        switch self {
        case .yearly(.method(let method)):
            let curves = GrowthModelKind.allCases.map(\.rawValue).joined(separator: ", ")
            return ("the yearly method \(method.rawValue) cannot take `\(assumption.rawValue)`",
                    "only growth curves (\(curves)) or auto hold ceilings, anchors and parameter limits; choose one, or drop `\(assumption.rawValue)`")
        case .curve(let kind) where assumption == .ceiling && kind.ceilingParameter == nil:
            return ("the \(kind.rawValue) model has no ceiling",
                    "choose \(Self.ceilingModelNames.joined(separator: ", ")) or auto, or drop `ceiling`")
        case .formula where assumption == .ceiling:
            return ("a formula has no designated ceiling",
                    "fix the formula's ceiling parameter under `parameters`, e.g. `K: {fixed: 20000}`")
        case .yearly(.auto), .curve, .bestCurve, .formula:
            return nil
        }
    }

    /// The curves that have a ceiling parameter, for hints about `ceiling`.
    public static var ceilingModelNames: [String] {
        GrowthModelKind.allCases.filter { $0.ceilingParameter != nil }.map(\.rawValue)
    }

    /// "unknown model `x`; did you mean `y`? known models: …" for a name that parses to nothing.
    public static func unknownNameMessage(_ name: String) -> (message: String, hint: String) {
        let guess = Suggestions.closest(to: name, among: names).map { "did you mean `\($0)`? " } ?? ""
        return ("unknown model `\(name)`", "\(guess)known models: \(names.joined(separator: ", "))")
    }
}
