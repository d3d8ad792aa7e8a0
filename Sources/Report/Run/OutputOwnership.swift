import Foundation
import MarketData

/// Which output folders marketcast may replace. A run publishes `<out>/<quarter>/` (a batch
/// `<out>/<folder name>/`) by replacing whatever is there, so before anything is read or
/// written it makes sure that this loses nothing the user made:
/// - a folder is replaced only if marketcast wrote it: its `manifest.json` names marketcast
///   as its tool (every run and batch writes one, last, before publishing), or it is empty;
///   anything else at the target is refused unless `--force` is given;
/// - the target may not hold an input (the config beside its datasets, say, with `--out`
///   pointing at their parent) nor lie inside an input folder; `--force` does not override
///   this, since the run would delete what it is reading.
/// Paths are compared after resolving symbolic links, `.` and `..`.
public enum OutputOwnership {
    /// Refuses a target that would lose the user's files; see the type's comment.
    public static func check(target: URL, inputs: [String], force: Bool) throws {
        let resolvedTarget = resolved(target.path)
        for input in inputs {
            let resolvedInput = resolved(input)
            if isSameOrInside(resolvedInput, resolvedTarget) {
                throw OutputError.holdsInput(target: target.path, input: input)
            }
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: resolvedInput, isDirectory: &isFolder), isFolder.boolValue,
               isSameOrInside(resolvedTarget, resolvedInput) {
                throw OutputError.insideInput(target: target.path, inputFolder: input)
            }
        }
        guard !force else { return }
        var status = stat()
        guard lstat(target.path, &status) == 0 else { return }  // nothing there yet
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            throw OutputError.notOurs(path: target.path, reason: "it is a file, not a folder marketcast wrote")
        }
        guard isMarketcastOutput(target) else {
            throw OutputError.notOurs(path: target.path,
                                      reason: "the folder was not written by marketcast (it has no marketcast manifest.json)")
        }
    }

    /// True for a folder a run or batch published (its manifest names marketcast) or an
    /// empty one. The manifest is read only when it is small, as every real one is.
    static func isMarketcastOutput(_ folder: URL) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? ["?"]
        if entries.isEmpty { return true }
        let manifest = folder.appendingPathComponent(RunManifest.fileName)
        var status = stat()
        guard lstat(manifest.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
              status.st_size < 16 << 20,
              let data = FileManager.default.contents(atPath: manifest.path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let tool = object["tool"] as? [String: Any] else { return false }
        return tool["name"] as? String == ToolVersion.name
    }

    /// `path` made absolute with every symbolic link, `.` and `..` resolved; the part that
    /// does not exist yet is appended to the real path of the part that does.
    static func resolved(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var existing = absolute
        var missing: [String] = []
        while existing != "/" {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                existing = String(cString: real)
                break
            }
            let url = URL(fileURLWithPath: existing)
            missing.insert(url.lastPathComponent, at: 0)
            existing = url.deletingLastPathComponent().path
        }
        return missing.reduce(existing) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
    }

    /// True when `path` is `folder` or lies somewhere below it.
    static func isSameOrInside(_ path: String, _ folder: String) -> Bool {
        path == folder || folder == "/" || path.hasPrefix(folder.hasSuffix("/") ? folder : folder + "/")
    }
}
