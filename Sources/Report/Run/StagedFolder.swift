import Foundation
import MarketData

/// A run's output folder that never exists half-written: everything goes into a hidden
/// sibling folder, which replaces the target only when the whole run has succeeded. A
/// failed or interrupted run leaves the previous output untouched.
public final class StagedFolder {
    public let target: URL
    public let staging: URL
    private var committed = false

    public init(target: URL) throws {
        self.target = target.standardizedFileURL
        let parent = self.target.deletingLastPathComponent()
        let name = self.target.lastPathComponent
        staging = parent.appendingPathComponent(".\(name).partial-\(getpid())")
        let files = FileManager.default
        do {
            try files.createDirectory(at: parent, withIntermediateDirectories: true)
            StagingRegistry.removeStale(in: parent, name: name)
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
    public func path(_ relative: String) throws -> String {
        let url = staging.appendingPathComponent(relative)
        let folder = url.deletingLastPathComponent()
        guard !StagingRegistry.isInterrupted else {
            throw OutputError.cannotCreate(path: folder.path, cause: CocoaError(.userCancelled))
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError.cannotCreate(path: folder.path, cause: error)
        }
        return url.path
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

    /// Moves the staged folder into place. An earlier run at the target is moved aside
    /// first and removed only after the new folder is in place, so at every instant the
    /// target holds either the old run or the new one.
    public func commit() throws {
        let files = FileManager.default
        let previous = staging.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).previous-\(getpid())")
        let hadPrevious = files.fileExists(atPath: target.path)
        do {
            if hadPrevious { try files.moveItem(at: target, to: previous) }
            do {
                try files.moveItem(at: staging, to: target)
            } catch {
                if hadPrevious { try? files.moveItem(at: previous, to: target) }
                throw error
            }
        } catch {
            throw OutputError.cannotWrite(path: target.path, cause: error)
        }
        committed = true
        if hadPrevious { try? files.removeItem(at: previous) }
    }
}

public enum OutputError: DiagnosticConvertible {
    case cannotCreate(path: String, cause: Error)
    case cannotWrite(path: String, cause: Error)

    public var diagnostics: [Diagnostic] {
        let hint = "choose another --out folder, or check its permissions and free space"
        switch self {
        case let .cannotCreate(path, cause):
            return [Diagnostic(file: path, "cannot create this folder (\(Self.reason(cause)))", hint: hint)]
        case let .cannotWrite(path, cause):
            return [Diagnostic(file: path, "cannot write here (\(Self.reason(cause)))", hint: hint)]
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
