// What a `model:` key or a `--model` option may name, parsed in one place: `auto` (the
// combination), a yearly method (drift, damped, theta, …), a growth curve of the catalog
// (logistic, gompertz, …), or `curves` (every curve ranked by AICc and a rolling-origin
// backtest, the best one kept). Every hint lists the same names, from here.
import Foundation
import MarketData
import Numerics

public enum ModelSpec: Sendable, Equatable {
    case yearly(YearlyModel)
    case curve(GrowthModelKind)
    /// The catalog's curves ranked, the best kept (ModelSelection).
    case bestCurve

    public static let auto = ModelSpec.yearly(.auto)
    public static let bestCurveName = "curves"

    /// Every name, in the order hints list them.
    public static var names: [String] {
        ["auto"] + YearlyMethod.allCases.map(\.rawValue) + GrowthModelKind.allCases.map(\.rawValue) + [bestCurveName]
    }

    public var name: String {
        switch self {
        case .yearly(let model): return model.name
        case .curve(let kind): return kind.rawValue
        case .bestCurve: return Self.bestCurveName
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
