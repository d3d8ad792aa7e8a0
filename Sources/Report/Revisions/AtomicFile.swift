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

    /// `produce` writes the content to the temporary path it is given. A path that is not a
    /// regular file — /dev/null, /dev/stdout, a named pipe — is written to directly: renaming
    /// onto it would replace the device with a file (and as root, succeed).
    public static func write(to path: String, produce: (String) throws -> Void) throws {
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) != S_IFREG {
            guard (status.st_mode & S_IFMT) != S_IFDIR else {
                throw OutputError.cannotWrite(path: path, cause: NSError(domain: NSPOSIXErrorDomain, code: Int(EISDIR)))
            }
            try produce(path)
            return
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreate(path: folder.path, cause: error)
        }
        // What a killed writer of this file left behind goes first.
        StagingRegistry.recover(in: folder, name: url.lastPathComponent)
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
        try StagingRegistry.checkInterrupted()
        StagingRegistry.register(temporary)
        defer { StagingRegistry.unregister(temporary) }
        do {
            try produce(temporary.path)
            try StagingRegistry.whilePublishing {
                try StagingRegistry.checkInterrupted()
                guard rename(temporary.path, path) == 0 else {
                    throw OutputError.cannotWrite(path: path, cause: NSError(domain: NSPOSIXErrorDomain, code: Int(errno)))
                }
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
    }

    /// Refuses an output path that is the input file itself (`forecast in.csv --out in.csv`,
    /// or another name for it through a link), before anything is read.
    public static func refuseOverwriting(input: String, with output: String) throws {
        var inputStatus = stat(), outputStatus = stat()
        let same = stat(input, &inputStatus) == 0 && stat(output, &outputStatus) == 0
            && inputStatus.st_dev == outputStatus.st_dev && inputStatus.st_ino == outputStatus.st_ino
        if same && (inputStatus.st_mode & S_IFMT) == S_IFREG { throw OutputError.overwritesInput(path: output) }
    }
}
