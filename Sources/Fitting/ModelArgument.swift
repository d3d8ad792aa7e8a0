import Forecasting

/// What `fit --model` names is a ModelSpec: a model of the catalog, parsed by ModelSpec (the
/// one list of model names), or a formula. A bare word that names no model is refused with the list of
/// models (the command makes it a usage error, exit 64) rather than read as a formula with
/// one unknown parameter: `--model bogus` is a typo far more often than the constant model
/// `bogus`.
extension ModelSpec {
    /// Parses `fit --model`: a name of the catalog, or else a formula in the data's columns.
    public static func fitArgument(_ argument: String) throws -> ModelSpec {
        let trimmed = argument.trimmingCharacters(in: .whitespaces)
        if let spec = ModelSpec(name: trimmed) { return spec }
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
