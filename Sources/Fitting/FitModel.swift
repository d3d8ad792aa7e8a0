import Forecasting

/// What `fit --model` names: a model of the catalog, parsed by ModelSpec (the one list of
/// model names), or a formula. A bare word that names no model is refused with the list of
/// models (the command makes it a usage error, exit 64) rather than read as a formula with
/// one unknown parameter: `--model bogus` is a typo far more often than the constant model
/// `bogus`.
public enum FitModel: Sendable, Equatable {
    case named(ModelSpec)
    case formula(String)

    /// The text the fit reports and the JSON carry.
    public var text: String {
        switch self {
        case .named(let spec): return spec.name
        case .formula(let text): return text
        }
    }

    public static func parse(_ argument: String) throws -> FitModel {
        let trimmed = argument.trimmingCharacters(in: .whitespaces)
        if let spec = ModelSpec(name: trimmed) { return .named(spec) }
        guard !trimmed.isEmpty else {
            throw FitError("--model is empty; give a model name or a formula such as \"b1*(1-exp(-b2*x))\"")
        }
        let isBareWord = trimmed.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        guard !isBareWord else {
            let (message, hint) = ModelSpec.unknownNameMessage(trimmed)
            throw FitError("--model: \(message); \(hint); or give a formula such as \"b1*(1-exp(-b2*x))\"")
        }
        return .formula(argument)
    }
}
