// A file written piece by piece (forecast's CSV as the series finish), through stdio's
// buffer; every failure — opening, a short write, the final flush — is an OutputError
// naming the path the user gave, not the temporary file behind it.
import Foundation
import Report

final class StreamedFile {
    private let handle: UnsafeMutablePointer<FILE>
    private let shownPath: String
    private var closed = false

    /// Opens `path` for writing; errors name `reportedAs`.
    init(path: String, reportedAs shownPath: String) throws {
        guard let handle = fopen(path, "wb") else {
            throw OutputError.cannotWrite(path: shownPath, cause: NSError(domain: NSPOSIXErrorDomain, code: Int(errno)))
        }
        self.handle = handle
        self.shownPath = shownPath
    }

    func write(_ bytes: Data) throws {
        let written = bytes.withUnsafeBytes { buffer in
            buffer.baseAddress.map { fwrite($0, 1, buffer.count, handle) } ?? 0
        }
        guard written == bytes.count else { throw failure() }
    }

    /// Flushes and closes, reporting a write that failed late (a full disk at the flush).
    func finish() throws {
        guard !closed else { return }
        closed = true
        let flushed = fflush(handle) == 0 && ferror(handle) == 0
        let closedCleanly = fclose(handle) == 0
        guard flushed && closedCleanly else { throw failure() }
    }

    /// Closes without reporting (after an error, or when `finish` already ran).
    func close() {
        guard !closed else { return }
        closed = true
        fclose(handle)
    }

    private func failure() -> OutputError {
        OutputError.cannotWrite(path: shownPath, cause: NSError(domain: NSPOSIXErrorDomain, code: Int(errno == 0 ? EIO : errno)))
    }
}
