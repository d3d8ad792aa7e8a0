import Charts
import Foundation
import MarketData
import Yams

/// A theme file (YAML) read into `Theme`: every field it leaves out keeps the house
/// default, and a misspelt key or bad value is an error naming the file and the key path.
public enum ThemeFile {
    public static func load(path: String) throws -> Theme {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError(SourceLocation(file: path), "cannot read the theme file",
                             hint: "check the `theme:` path in the report config")
        }
        let text = try TextDecoding.decode(data, file: path).text
        do {
            // An empty file, or one with only comments, is the standard theme.
            if try Yams.compose(yaml: text) == nil { return .standard }
            return try YAMLDecoder().decode(Theme.self, from: text)
        } catch let error as DecodingError {
            throw InputError(SourceLocation(file: path), describe(error),
                             hint: "see themes/house.yaml for every key and its default")
        } catch let error as YamlError {
            throw InputError.yamlSyntax(file: path, error: error)
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case let .dataCorrupted(context):
            return (context.codingPath.isEmpty ? "" : "at `\(path(context.codingPath))`: ") + context.debugDescription
        case let .typeMismatch(type, context):
            return "at `\(path(context.codingPath))`: expected \(type == Double.self ? "a number" : "\(type)")"
        case let .valueNotFound(_, context):
            return "at `\(path(context.codingPath))`: " + context.debugDescription
        case let .keyNotFound(key, context):
            return "at `\(path(context.codingPath))`: `\(key.stringValue)` is missing"
        @unknown default:
            return "\(error)"
        }
    }
}
