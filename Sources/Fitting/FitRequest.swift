import Foundation
import Forecasting

/// What `marketcast fit` was asked to do, with every option checked before any file is
/// read, so a mistyped option fails at once and says which option is wrong. The command
/// builds it in one place (`FitCommand.request()`, for `validate()` and `run()`) and passes
/// it to `Fit.run`.
public struct FitRequest: Sendable {
    public var dataPath: String
    public var yColumn: String
    public var xColumn: String?
    /// A model of the catalog, or a formula.
    public var model: ModelSpec
    /// Start values of a formula's parameters (or hints for a catalog model's), by name.
    public var starts: [String: Double]
    public var logResponse: Bool
    public var weightsColumn: String?
    /// 0 means no bootstrap.
    public var bootstrapResamples: Int
    public var seed: UInt64
    public var level: Double
    public var horizon: Double?
    /// Benchmark aid: repeat the fit this many times and print the median time (0 = off).
    public var benchRepeat: Int

    public init(dataPath: String, yColumn: String, xColumn: String?, model: ModelSpec, startArguments: [String],
         logResponse: Bool, weightsColumn: String?, bootstrapResamples: Int, seed: UInt64, level: Double,
         horizon: Double?, benchRepeat: Int) throws {
        guard level > 0, level < 1 else {
            throw FitError("--level must lie strictly between 0 and 1 (e.g. 0.95), not \(level)")
        }
        guard bootstrapResamples >= 0 else {
            throw FitError("--bootstrap must be 0 or more, not \(bootstrapResamples)")
        }
        guard benchRepeat >= 0 else { throw FitError("--bench-repeat must be 0 or more, not \(benchRepeat)") }
        if let horizon, !horizon.isFinite {
            throw FitError("--horizon must be a year such as 2030, not \(horizon)")
        }
        self.dataPath = dataPath
        self.yColumn = yColumn
        self.xColumn = xColumn
        self.model = model
        self.starts = try Self.parseStarts(startArguments)
        self.logResponse = logResponse
        self.weightsColumn = weightsColumn
        self.bootstrapResamples = bootstrapResamples
        self.seed = seed
        self.level = level
        self.horizon = horizon
        self.benchRepeat = benchRepeat
    }

    /// `--start b1=500 --start b2=1e-4` → ["b1": 500, "b2": 0.0001].
    private static func parseStarts(_ arguments: [String]) throws -> [String: Double] {
        var starts: [String: Double] = [:]
        for item in arguments {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]), value.isFinite else {
                throw FitError("--start expects NAME=VALUE with a finite number, e.g. --start b1=500; got `\(item)`")
            }
            if starts[parts[0]] != nil { throw FitError("--start gives \(parts[0]) twice") }
            starts[parts[0]] = value
        }
        return starts
    }
}
