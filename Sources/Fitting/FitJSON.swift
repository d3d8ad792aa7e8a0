import Foundation
import MarketData
import Numerics

/// `marketcast fit --json`: the report as one JSON object, written by Foundation's
/// JSONEncoder with sorted keys so the same fit always gives the same bytes.
///
/// JSON has no NaN or infinity. A number that the fit cannot give (a standard error when
/// the Jacobian is rank-deficient, AICc with too few points, a backtest error when no
/// backtest was possible) is written as null and its key is always there; sections that
/// were not asked for (`forecast`, `bootstrap`, `candidates`) and text that does not exist
/// (a candidate's `note`) are left out.
public enum FitJSON {
    public static func encode<Document: Encodable>(_ document: Document) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}

/// A number as JSON can hold it: finite values as numbers, NaN and ±∞ as null.
struct JSONNumber: Codable, Equatable {
    var value: Double

    init(_ value: Double) { self.value = value }

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
    }

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        value = container.decodeNil() ? .nan : try container.decode(Double.self)
    }
}

/// The object `fit --json` prints for a fit that ran (converged or not).
struct FitDocument: Codable, Equatable {
    struct Source: Codable, Equatable {
        var file: String
        /// The predictor column; absent when the formula names no column as its predictor.
        var x: String?
        var y: String
        var points: Int
    }

    struct Parameter: Codable, Equatable {
        var name: String
        var value: JSONNumber
        var standardError: JSONNumber
        /// The t-based confidence interval at `level`.
        var lower: JSONNumber
        var upper: JSONNumber
        /// The bootstrap's percentile interval, with --bootstrap.
        var bootstrapLower: JSONNumber?
        var bootstrapUpper: JSONNumber?
    }

    struct ForecastPoint: Codable, Equatable {
        var x: JSONNumber
        var value: JSONNumber
        /// The prediction interval of a new observation at `level`.
        var lower: JSONNumber
        var upper: JSONNumber
        /// The confidence interval of the curve itself.
        var confidenceLower: JSONNumber
        var confidenceUpper: JSONNumber
        var bootstrapLower: JSONNumber?
        var bootstrapUpper: JSONNumber?
    }

    struct BootstrapSummary: Codable, Equatable {
        var resamples: Int
        var succeeded: Int
        /// A string: a 64-bit seed does not survive readers that hold numbers as doubles.
        var seed: String
        var method: String
    }

    struct Candidate: Codable, Equatable {
        var model: String
        var residualSumOfSquares: JSONNumber
        var aicc: JSONNumber
        var bic: JSONNumber
        /// Mean absolute percentage error of the one-step-ahead backtest (0.05 = 5%).
        var backtestMAPE: JSONNumber
        var backtestForecasts: Int
        var converged: Bool
        var note: String?
    }

    var model: String
    var description: String
    var data: Source
    var logResponse: Bool
    var level: Double
    var parameters: [Parameter]
    var residualSumOfSquares: JSONNumber
    var residualStandardDeviation: JSONNumber
    var degreesOfFreedom: Int
    var aicc: JSONNumber
    var bic: JSONNumber
    var converged: Bool
    var iterations: Int
    /// Why the fit stopped (the convergence test met), or why it failed.
    var reason: String
    var warnings: [String]
    var forecast: [ForecastPoint]?
    var bootstrap: BootstrapSummary?
    var candidates: [Candidate]?
    var selectionReason: String?
}

extension FitDocument {
    init(_ report: FitReport) {
        let result = report.result
        let bootstrap = report.bootstrap
        model = report.label
        description = report.description
        data = Source(file: report.file, x: report.xName, y: report.yName, points: result.observationCount)
        logResponse = report.curve.logResponse
        level = report.level
        parameters = result.parameterNames.enumerated().map { k, name in
            let interval = report.parameterInterval(k)
            let band = bootstrap.flatMap { k < $0.parameters.count ? $0.parameters[k] : nil }
            return Parameter(name: name, value: JSONNumber(result.parameters[k]),
                             standardError: JSONNumber(result.standardErrors[k]),
                             lower: JSONNumber(interval.lower), upper: JSONNumber(interval.upper),
                             bootstrapLower: band.map { JSONNumber($0.lower) },
                             bootstrapUpper: band.map { JSONNumber($0.upper) })
        }
        residualSumOfSquares = JSONNumber(result.residualSumOfSquares)
        residualStandardDeviation = JSONNumber(report.residualStandardDeviation)
        degreesOfFreedom = result.degreesOfFreedom
        aicc = JSONNumber(report.curve.aicc)
        bic = JSONNumber(report.curve.bic)
        converged = report.converged
        iterations = result.iterations
        reason = report.failure ?? result.reason
        warnings = report.warnings
        if !report.forecast.isEmpty {
            forecast = report.forecast.map { row in
                ForecastPoint(x: JSONNumber(row.x), value: JSONNumber(row.value), lower: JSONNumber(row.lower),
                              upper: JSONNumber(row.upper), confidenceLower: JSONNumber(row.confidenceLower),
                              confidenceUpper: JSONNumber(row.confidenceUpper),
                              bootstrapLower: row.bootstrapLower.map(JSONNumber.init),
                              bootstrapUpper: row.bootstrapUpper.map(JSONNumber.init))
            }
        }
        if let bootstrap {
            self.bootstrap = BootstrapSummary(resamples: bootstrap.resamples, succeeded: bootstrap.succeeded,
                                              seed: String(bootstrap.seed),
                                              method: "residual bootstrap, percentile intervals")
        }
        if let selection = report.selection {
            candidates = selection.candidates.map { candidate in
                Candidate(model: candidate.kind.rawValue,
                          residualSumOfSquares: JSONNumber(candidate.residualSumOfSquares),
                          aicc: JSONNumber(candidate.aicc), bic: JSONNumber(candidate.bic),
                          backtestMAPE: JSONNumber(candidate.backtestMAPE),
                          backtestForecasts: candidate.backtestForecasts,
                          converged: candidate.fit?.converged ?? false, note: candidate.note)
            }
            selectionReason = selection.reason
        }
    }
}

/// The object `fit --json` prints when there is no fit to report: the input was refused
/// (a formula error, a missing column or file, too few points) or the solver gave up.
public struct FitFailureDocument: Codable, Equatable {
    var model: String
    var converged = false
    /// What is wrong, with the file, line and column when the problem is in the data.
    var reason: String
    /// How to fix it, when there is something useful to say.
    var hint: String?
    /// The 1-based column in the --model text, for a formula error.
    var column: Int?
    var warnings: [String] = []

    public init(model: String, error: Error) {
        self.model = model
        switch error {
        case let e as Diagnostic:
            reason = "\(e.location): \(e.message)"
            hint = e.hint
        case let e as InputErrors:
            reason = e.errors.map { "\($0.location): \($0.message)" }.joined(separator: "; ")
            hint = e.errors.compactMap(\.hint).first
        case let e as NumericsError:
            reason = e.message
            column = e.column
        case let e as FitError:
            reason = e.message
        default:
            reason = "\(error)"
        }
    }
}
