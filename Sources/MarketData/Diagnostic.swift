/// One problem, every layer's: where it is (a file, and the line and column when known),
/// whether it stops the work, what is wrong and how to fix it. Printed in the compiler
/// style so that the first line can be clicked in an editor:
///
///     datasets/x.csv:4:7: error: value "12,3a" in column "value" is not a number
///       hint: write a plain decimal number such as 4305 or 4305.5
///
/// Errors of other kinds (a fit that failed, a folder that cannot be written) say what they
/// are as diagnostics too (`DiagnosticConvertible`), and the command line prints them all
/// with this one format.
public struct Diagnostic: Error, CustomStringConvertible, Sendable, Hashable {
    /// Errors stop a run; warnings are printed (and listed in batch.csv) but the input is used.
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var location: SourceLocation
    /// What is wrong, in one sentence without a trailing period.
    public var message: String
    /// How to fix it; nil only when there is nothing useful to add.
    public var hint: String?
    public var severity: Severity
    /// The line of text the location's column points into, when it is not a file an editor
    /// can open (fit's `--model` formula): printed under the message with a caret.
    public var excerpt: String?
    /// What in the file it concerns when no line does (`series S` of a long table, whose
    /// rows are spread through the file): printed after the location.
    public var subject: String?

    public init(_ location: SourceLocation, _ message: String, hint: String? = nil, severity: Severity = .error,
                excerpt: String? = nil, subject: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
        self.severity = severity
        self.excerpt = excerpt
        self.subject = subject
    }

    public init(file: String, line: Int? = nil, column: Int? = nil, _ message: String, hint: String? = nil,
                severity: Severity = .error) {
        self.init(SourceLocation(file: file, line: line, column: column), message, hint: hint, severity: severity)
    }

    public var description: String {
        // A diagnostic that concerns no file (a bad combination of settings) starts with
        // its severity, as a compiler's driver errors do.
        let place = [location.file.isEmpty ? nil : location.description, subject].compactMap { $0 }
        var text = (place + ["\(severity.rawValue): \(message)"]).joined(separator: ": ")
        if let excerpt, let column = location.column {
            text += "\n  \(excerpt)\n  " + String(repeating: " ", count: max(column - 1, 0)) + "^"
        }
        if let hint, !hint.isEmpty {
            text += "\n  hint: \(hint)"
        }
        return text
    }
}

/// An error that can say what is wrong as located diagnostics, so one printer renders
/// every layer's errors alike. Its `description` is the diagnostics, one per paragraph.
public protocol DiagnosticConvertible: Error, CustomStringConvertible {
    var diagnostics: [Diagnostic] { get }
}

extension DiagnosticConvertible {
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension Diagnostic {
    /// The diagnostics any error stands for: its own when it is `DiagnosticConvertible`
    /// (or a diagnostic or a list of them), otherwise one error diagnostic with its text.
    public static func of(_ error: any Error) -> [Diagnostic] {
        if let diagnostic = error as? Diagnostic { return [diagnostic] }
        if let list = error as? InputErrors { return list.errors }
        if let convertible = error as? any DiagnosticConvertible { return convertible.diagnostics }
        return [Diagnostic(SourceLocation(file: ""), "\(error)")]
    }
}

/// Every problem found in one pass, so that `marketcast check` can list them all at once
/// instead of making the analyst fix and rerun one error at a time.
public struct InputErrors: Error, CustomStringConvertible, Sendable, Hashable {
    public var errors: [Diagnostic]

    public init(_ errors: [Diagnostic] = []) {
        self.errors = errors
    }

    /// Flattens any error into a list: InputErrors stay as they are, a Diagnostic becomes a
    /// list of one, and anything else becomes nil (it is not a problem with the input).
    public init?(flattening error: any Error) {
        if let list = error as? InputErrors {
            self = list
        } else if let single = error as? Diagnostic {
            self.init([single])
        } else {
            return nil
        }
    }

    public var isEmpty: Bool { errors.isEmpty }
    public var count: Int { errors.count }

    public mutating func append(_ error: Diagnostic) {
        errors.append(error)
    }

    public mutating func append(contentsOf other: InputErrors) {
        errors.append(contentsOf: other.errors)
    }

    /// Runs `body` and records its input errors instead of propagating them; returns nil when
    /// it failed. Errors that are not about the input (bugs, I/O) still propagate.
    public mutating func collect<T>(_ body: () throws -> T) rethrows -> T? {
        do {
            return try body()
        } catch {
            guard let found = InputErrors(flattening: error) else { throw error }
            append(contentsOf: found)
            return nil
        }
    }

    /// The errors in file order: by file as first seen, then line, then column, and in the
    /// order found where those are equal (so a row's problems read left to right).
    public func sortedByLocation() -> InputErrors {
        var fileOrder: [String: Int] = [:]
        for error in errors where fileOrder[error.location.file] == nil {
            fileOrder[error.location.file] = fileOrder.count
        }
        let sorted = errors.enumerated().sorted { a, b in
            let keyA = (fileOrder[a.element.location.file] ?? 0, a.element.location.line ?? 0, a.element.location.column ?? 0, a.offset)
            let keyB = (fileOrder[b.element.location.file] ?? 0, b.element.location.line ?? 0, b.element.location.column ?? 0, b.offset)
            return keyA < keyB
        }
        return InputErrors(sorted.map(\.element))
    }

    /// Throws self when at least one error was recorded.
    public func throwIfAny() throws {
        if !errors.isEmpty { throw self }
    }

    /// One error per paragraph, in the order they were found (which follows the files'
    /// line order), so the output is the same on every run.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}

// The list is itself a diagnostic error, so every error type in the tool converts the same
// way (its own `description` prints the list as it always has).
extension InputErrors: DiagnosticConvertible {
    public var diagnostics: [Diagnostic] { errors }
}

