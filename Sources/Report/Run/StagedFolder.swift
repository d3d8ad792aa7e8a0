import Foundation
import MarketData

/// A run's output folder that never exists half-written: everything goes into a hidden
/// sibling folder, `.<name>.partial-<pid>`, which replaces the target only when the whole
/// run has succeeded. A failed or interrupted run leaves the previous output untouched.
///
/// Publishing is one step where the system offers it: renameat2's RENAME_EXCHANGE swaps the
/// new folder with the old, after which the old one is removed under the staging name (a
/// kill in between leaves a stale staging folder, which the next run removes). Elsewhere it
/// is two renames, old → `.<name>.previous-<pid>` then staged → target; a run killed between
/// them leaves no target, and the next run puts the previous folder back before it starts.
/// Which folders may be replaced at all is OutputOwnership's rule, checked on creation and
/// again just before publishing.
public final class StagedFolder {
    public let target: URL
    public let staging: URL
    private let force: Bool
    private var committed = false

    /// - Parameters:
    ///   - inputs: every file or folder the run reads; none may lie inside the target, and
    ///     the target may not lie inside an input folder.
    ///   - force: replace a target marketcast did not write (`--force`).
    public init(target: URL, inputs: [String] = [], force: Bool = false) throws {
        self.target = target.standardizedFileURL
        self.force = force
        let parent = self.target.deletingLastPathComponent()
        let name = self.target.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).partial-\(getpid())")
        try StagingRegistry.checkInterrupted()
        let files = FileManager.default
        do {
            try files.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreate(path: parent.path, cause: error)
        }
        StagingRegistry.recover(in: parent, name: name)
        try OutputOwnership.check(target: self.target, inputs: inputs, force: force)
        do {
            if files.fileExists(atPath: staging.path) { try files.removeItem(at: staging) }
            try files.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw OutputError.cannotCreate(path: parent.path, cause: error)
        }
        StagingRegistry.register(staging)
    }

    deinit {
        if !committed { try? FileManager.default.removeItem(at: staging) }
        StagingRegistry.unregister(staging)
    }

    /// The staged path for `relative` (e.g. "charts/market-size.png"), creating its folder.
    /// Folders are made one by one below the staging folder, never the staging folder
    /// itself: once an interruption has removed it, a late writer fails instead of
    /// recreating it.
    public func path(_ relative: String) throws -> String {
        try StagingRegistry.checkInterrupted()
        let components = relative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !components.isEmpty, !components.contains(".."), !components.contains(".") else {
            throw OutputError.cannotWrite(path: relative, cause: NSError(domain: NSPOSIXErrorDomain, code: Int(EINVAL)))
        }
        var folder = staging
        for component in components.dropLast() {
            folder.appendPathComponent(component)
            if mkdir(folder.path, 0o777) != 0, errno != EEXIST {
                throw OutputError.cannotCreate(path: folder.path, cause: NSError(domain: NSPOSIXErrorDomain, code: Int(errno)))
            }
        }
        return staging.appendingPathComponent(relative).path
    }

    /// Writes `data` at `relative` inside the staged folder.
    public func write(_ data: Data, to relative: String) throws {
        let path = try path(relative)
        do {
            try data.write(to: URL(fileURLWithPath: path))
        } catch {
            throw OutputError.cannotWrite(path: path, cause: error)
        }
    }

    public func write(_ text: String, to relative: String) throws {
        try write(Data(text.utf8), to: relative)
    }

    /// Moves the staged folder into place; see the type's comment. An interruption that
    /// arrived before this point aborts it (the previous output stays); one that arrives
    /// during it waits for it to finish.
    public func commit() throws {
        try StagingRegistry.whilePublishing {
            try StagingRegistry.checkInterrupted()
            // The target may have changed since the run began (another program, another run).
            try OutputOwnership.check(target: target, inputs: [], force: force)
            var status = stat()
            let targetExists = lstat(target.path, &status) == 0
            let outcome = targetExists ? AtomicRename.exchange(staging.path, target.path)
                                       : AtomicRename.moveWithoutReplacing(staging.path, to: target.path)
            switch outcome {
            case .done:
                committed = true
                StagingRegistry.published(target)
                // After an exchange the staging name holds the previous run.
                if targetExists { try? FileManager.default.removeItem(at: staging) }
            case .failed(let error):
                throw OutputError.cannotWrite(path: target.path, cause: NSError(domain: NSPOSIXErrorDomain, code: Int(error)))
            case .unsupported:
                try commitWithTwoRenames(targetExists: targetExists)
            }
        }
    }

    /// The fallback where the two folders cannot be swapped in one step.
    private func commitWithTwoRenames(targetExists: Bool) throws {
        let previous = staging.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).previous-\(getpid())")
        if targetExists, rename(target.path, previous.path) != 0 {
            throw OutputError.cannotWrite(path: target.path, cause: NSError(domain: NSPOSIXErrorDomain, code: Int(errno)))
        }
        guard rename(staging.path, target.path) == 0 else {
            let error = errno
            if targetExists { _ = rename(previous.path, target.path) }
            throw OutputError.cannotWrite(path: target.path, cause: NSError(domain: NSPOSIXErrorDomain, code: Int(error)))
        }
        committed = true
        StagingRegistry.published(target)
        if targetExists { try? FileManager.default.removeItem(at: previous) }
    }
}

public enum OutputError: DiagnosticConvertible {
    case cannotCreate(path: String, cause: Error)
    case cannotWrite(path: String, cause: Error)
    /// Something at the target that marketcast did not write.
    case notOurs(path: String, reason: String)
    /// The target would replace a folder that holds an input of the run.
    case holdsInput(target: String, input: String)
    /// The target lies inside a folder the run reads.
    case insideInput(target: String, inputFolder: String)
    /// `forecast --out` names the file it reads.
    case overwritesInput(path: String)

    public var diagnostics: [Diagnostic] {
        let hint = "choose another --out folder, or check its permissions and free space"
        switch self {
        case let .cannotCreate(path, cause):
            return [Diagnostic(file: path, "cannot create this folder (\(Self.reason(cause)))", hint: hint)]
        case let .cannotWrite(path, cause):
            return [Diagnostic(file: path, "cannot write here (\(Self.reason(cause)))", hint: hint)]
        case let .notOurs(path, reason):
            return [Diagnostic(file: path, "the output would replace this, and \(reason): nothing was written",
                               hint: "choose another --out folder, move this one away, or pass --force to replace it")]
        case let .holdsInput(target, input):
            return [Diagnostic(file: target, "the output would replace this folder, which holds the input \(input): nothing was written",
                               hint: "choose an --out folder outside the folders that hold the inputs")]
        case let .insideInput(target, inputFolder):
            return [Diagnostic(file: target, "the output would be written inside the input folder \(inputFolder): nothing was written",
                               hint: "choose an --out folder outside the input folder")]
        case let .overwritesInput(path):
            return [Diagnostic(file: path, "--out names the file being read: it would be overwritten",
                               hint: "write the forecasts to another file")]
        }
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let message = strerror(Int32(underlying.code)) {
            return String(cString: message)
        }
        if ns.domain == NSPOSIXErrorDomain, let message = strerror(Int32(ns.code)) {
            return String(cString: message)
        }
        return ns.localizedDescription
    }
}
