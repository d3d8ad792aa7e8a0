// `marketcast fit`: fit one model (catalog name, `auto`, or a formula) to two columns of a
// CSV file and print the estimates, their uncertainty and optional forecasts — as a table
// for people or as one JSON object for scripts. Bad input (a formula with a syntax error,
// a missing column, a parameter without a start value, too few points), a singular
// Jacobian and a fit that does not converge all end with a message and exit status 1;
// with --json the object still says `converged: false` and why.
//
// The command is a parser and a printer: the fitting is the Fitting library's `Fit.run`
// (one call, tested in-process by FittingTests), which returns the table and the JSON.
import ArgumentParser
import Foundation
import Fitting
import Forecasting
import MarketData
import Numerics

struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a growth curve or a formula to a CSV column and report estimates, intervals and forecasts.",
        discussion: """
            --model takes `auto` or a yearly method (their forecast and interval), a growth curve \
            (\(GrowthModelKind.allCases.map(\.rawValue).joined(separator: ", "))), `curves` (fit every \
            curve, rank by AICc and a rolling-origin backtest), or a formula such as \
            "b1*(1-exp(-b2*x))": identifiers naming CSV columns are variables, every other identifier \
            is a parameter and needs --start NAME=VALUE.
            """)

    @Option(help: "The CSV file (header row, one observation per row).")
    var data: String

    @Option(help: "The response column.")
    var y: String

    @Option(help: "The time/predictor column (default: year, when the file has one).")
    var x: String?

    @Option(help: ArgumentHelp("auto, a yearly method, a growth curve, curves, or a formula.",
                               discussion: "Models: \(ModelSpec.names.joined(separator: ", "))."),
            transform: parseModel)
    var model: ModelSpec

    @Option(help: ArgumentHelp("Start value of a parameter, NAME=VALUE (repeatable).", valueName: "NAME=VALUE"))
    var start: [String] = []

    @Flag(help: "Fit log(y) (multiplicative errors); needs positive values.")
    var log = false

    @Option(help: "Column of observation weights (e.g. 1/variance).")
    var weights: String?

    @Option(help: "Residual-bootstrap resamples (0 = none).")
    var bootstrap: Int = 0

    @Option(help: "Seed of the bootstrap's random numbers.")
    var seed: UInt64 = 1

    @Option(help: "Coverage of the confidence and prediction intervals.")
    var level: Double = 0.95

    @Option(help: "Forecast every year after the data up to this one.")
    var horizon: Double?

    @Flag(help: "Print one JSON object instead of a table.")
    var json = false

    /// Benchmark aid (hidden): repeat the fit this many times and print the median time
    /// per fit on stderr. Never part of normal output.
    @Option(help: .hidden)
    var benchRepeat: Int = 0

    /// The options alone (no file read): a bad value is a usage error, exit 64.
    func validate() throws {
        _ = try request()
    }

    /// The one place the request is built from the options.
    private func request() throws -> FitRequest {
        do {
            return try FitRequest(dataPath: data, yColumn: y, xColumn: x, model: model, startArguments: start,
                                  logResponse: log, weightsColumn: weights, bootstrapResamples: bootstrap,
                                  seed: seed, level: level, horizon: horizon, benchRepeat: benchRepeat)
        } catch let error as FitError {
            throw ValidationError(error.message)
        }
    }

    /// `--model`'s text as Fitting reads it; a refusal is a usage error (exit 64).
    @Sendable private static func parseModel(_ text: String) throws -> ModelSpec {
        do {
            return try ModelSpec.fitArgument(text)
        } catch let error as FitError {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        do {
            let result = try Fit.run(try request())
            if let benchmark = result.benchmark {
                StandardStreams.err(String(format: "bench: median %.6f s per fit over %d repeats\n",
                                           benchmark.medianSeconds, benchmark.repeats))
            }
            if json {
                print(try result.json())
            } else {
                print(result.table, terminator: "")
            }
            if let failure = result.failure {
                CommandLineOutput.print([Diagnostic(file: "", failure)])
                throw ExitCode(1)
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            if json, let document = try? FitJSON.encode(FitFailureDocument(model: model.name, error: error)) {
                print(document)
            }
            CommandLineOutput.print(diagnostics(of: error))
            throw ExitCode(1)
        }
    }

    /// The error's diagnostics for the one printer: a formula error is located in the
    /// --model text (`--model:1:column`), printed with a caret under the column.
    private func diagnostics(of error: Error) -> [Diagnostic] {
        if let formulaError = error as? NumericsError, let column = formulaError.column {
            return [Diagnostic(SourceLocation(file: "--model", line: 1, column: column), formulaError.message,
                               excerpt: model.name)]
        }
        return Diagnostic.of(error)
    }
}
