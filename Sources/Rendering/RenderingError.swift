import CCairo
import MarketData

/// Why a render did not produce its file. Every case names the file concerned so a
/// batch run can tell the analyst which output failed and what to do about it.
public enum RenderingError: DiagnosticConvertible, Equatable {
    /// Cairo reported a failure while drawing or encoding (`cause` is Cairo's own text).
    case cairoFailure(path: String, stage: String, cause: String)
    /// The bytes were produced but the file could not be written (`cause` is the OS's reason).
    case cannotWrite(path: String, cause: String)
    /// A PNG could not be read back (golden-image comparison).
    case cannotRead(path: String, cause: String)
    /// A caller passed a value Rendering cannot honour (bad scale, bad date, finished writer…).
    case invalidArgument(path: String, reason: String)

    public var diagnostics: [Diagnostic] {
        switch self {
        case let .cairoFailure(path, stage, cause):
            return [Diagnostic(file: path, "rendering failed while \(stage): \(cause)",
                               hint: "rerun; if it fails again, report it with this message")]
        case let .cannotWrite(path, cause):
            return [Diagnostic(file: path, "cannot write the file: \(cause)",
                               hint: "check that the folder exists, is writable and the disk has space")]
        case let .cannotRead(path, cause):
            return [Diagnostic(file: path, "cannot read the image: \(cause)")]
        case let .invalidArgument(path, reason):
            return [Diagnostic(file: path, reason)]
        }
    }
}

/// Cairo's human-readable text for a status code.
func cairoStatusText(_ status: cairo_status_t) -> String {
    guard let text = cairo_status_to_string(status) else { return "cairo status \(status.rawValue)" }
    return String(cString: text)
}

/// Throws when `status` is not success, naming `path` and what Rendering was doing.
func checkCairo(_ status: cairo_status_t, path: String, stage: String) throws {
    if status != CAIRO_STATUS_SUCCESS {
        throw RenderingError.cairoFailure(path: path, stage: stage, cause: cairoStatusText(status))
    }
}
