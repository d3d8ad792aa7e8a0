import ArgumentParser
import Forecasting

/// `--model NAME` of `batch` and `forecast`: parsed once into a ModelSpec (the one list of
/// model names), so a misspelt name is a usage error (exit 64) with a did-you-mean and the
/// list, and the command passes the parsed model on, never the text.
enum ModelArgument {
    @Sendable static func parse(_ argument: String) throws -> ModelSpec {
        if let spec = ModelSpec(name: argument) { return spec }
        let (message, hint) = ModelSpec.unknownNameMessage(argument.trimmingCharacters(in: .whitespaces))
        throw ValidationError("--model: \(message); \(hint)")
    }
}
