import ArgumentParser
import Foundation
import Logging
import MarketData
import Report

/// How every command talks to the terminal: log lines on stderr, errors as
/// `file:line:column: error: …` plus a hint, and exit status 1 for bad input.
enum CommandLineOutput {
    static func logger(label: String, quiet: Bool) -> Logger {
        var logger = Logger(label: label) { _ in WarningLogHandler() }
        // Progress lines say what a run is doing; the log keeps to warnings and errors.
        logger.logLevel = quiet ? .error : .warning
        return logger
    }

    /// Runs `body`; an error it throws is printed once, readably, and becomes exit status 1.
    static func reportingErrors(_ body: () throws -> Void) throws {
        Interruption.install()
        do {
            try body()
        } catch let exit as ExitCode {
            if let signal = StagingRegistry.interruption { throw interrupted(signal) }
            throw exit
        } catch let stop as RunInterrupted {
            throw interrupted(stop.signal)
        } catch {
            print(error)
            throw ExitCode(1)
        }
        // A signal that came too late to stop the work: say so, and what is in place.
        if let signal = StagingRegistry.interruption { throw interrupted(signal) }
    }

    /// Prints what a stopped run left and gives the signal's exit status.
    private static func interrupted(_ signal: Int32) -> ExitCode {
        StagingRegistry.holdForExit()
        StandardStreams.err("\n" + Interruption.message(signal: signal, outcome: StagingRegistry.outcome))
        return ExitCode(Interruption.status(signal))
    }

    /// The one printer: any error as its diagnostics, compiler-style, on stderr.
    static func print(_ error: any Error) {
        print(Diagnostic.of(error))
    }

    /// Diagnostics (errors and warnings), one paragraph each, on stderr, in the order given.
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            StandardStreams.err("\(diagnostic)\n")
        }
    }

    /// A diagnostic the run logged as it went (see WarningLogHandler): one of no file is
    /// named by the program, as the log's progress lines are (`marketcast: warning: …`), so
    /// it reads as part of the log and not as the error that ended the command.
    static func printLogged(_ diagnostic: Diagnostic) {
        guard diagnostic.location.file.isEmpty else { return print([diagnostic]) }
        StandardStreams.err("marketcast: \(diagnostic)\n")
    }

    /// The command line's scale counts 1920×1080 as 1; the renderer counts pixels per point.
    static func pngScale(_ scale: Double) throws -> Double {
        guard scale.isFinite, scale >= 0.25, scale <= 4 else {
            throw ValidationError("--scale must lie between 0.25 and 4, not \(scale)")
        }
        return scale * 2
    }
}
