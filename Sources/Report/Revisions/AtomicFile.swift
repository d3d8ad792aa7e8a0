import Foundation

/// Replaces a file in a finished folder all at once: the new content goes into a hidden
/// temporary file beside it, renamed over the old one only when complete (rename(2) is
/// atomic on one file system), so a reader or a crash never sees half a file.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        try write(to: path) { temporary in
            do {
                try data.write(to: URL(fileURLWithPath: temporary))
            } catch {
                throw OutputError.cannotWrite(path: path, cause: error)
            }
        }
    }

    /// `produce` writes the content to the temporary path it is given.
    public static func write(to path: String, produce: (String) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreate(path: folder.path, cause: error)
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())").path
        do {
            try produce(temporary)
            guard rename(temporary, path) == 0 else {
                throw OutputError.cannotWrite(path: path, cause: NSError(domain: NSPOSIXErrorDomain, code: Int(errno)))
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}
