import Logging
import MarketData
@testable import Report
import XCTest

/// A run logs its warnings as the diagnostics they are: a log handler gets the value
/// itself, at the level of its severity, and never has to read a location out of text.
final class LoggedDiagnosticTests: XCTestCase {
    /// Keeps every event it is given.
    private final class Recorder: @unchecked Sendable {
        var events: [LogEvent] = []
    }

    private struct RecordingHandler: LogHandler {
        let recorder: Recorder
        var logLevel: Logger.Level = .trace
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) { recorder.events.append(event) }
    }

    private func logger(_ recorder: Recorder) -> Logger {
        Logger(label: "test") { _ in RecordingHandler(recorder: recorder) }
    }

    func testADiagnosticTravelsWholeAtItsSeveritysLevel() throws {
        let recorder = Recorder()
        let located = Diagnostic(file: "themes/house.yaml", line: 3, column: 1, "`fontSizes` is the old spelling",
                                 hint: "write `font_sizes`", severity: .warning)
        let failed = Diagnostic(file: "x.csv", "cannot be read")
        logger(recorder).log(located)
        logger(recorder).log(failed)
        XCTAssertEqual(recorder.events.map(\.level), [.warning, .error])
        XCTAssertEqual(recorder.events.map { $0.metadata?.diagnostic }, [located, failed])
        XCTAssertEqual(recorder.events.map { "\($0.message)" }, [located.message, failed.message])
    }

    func testAWarningOfNoFileIsADiagnosticWithoutALocation() throws {
        let recorder = Recorder()
        logger(recorder).warning(concerningNoFile: "chart 1: the legend overlaps the bars")
        let diagnostic = try XCTUnwrap(recorder.events.first?.metadata?.diagnostic)
        XCTAssertEqual(diagnostic.location.file, "")
        XCTAssertEqual(diagnostic.severity, .warning)
        XCTAssertEqual(diagnostic.message, "chart 1: the legend overlaps the bars")
    }

    func testPlainMetadataCarriesNoDiagnostic() {
        let metadata: Logger.Metadata = [Logger.diagnosticKey: "file.csv:1: warning: text"]
        XCTAssertNil(metadata.diagnostic, "a string that looks like a diagnostic is not read as one")
    }
}
