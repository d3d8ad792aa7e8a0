import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The two renames that publish a folder in one step. Linux's renameat2(2) can swap two
/// paths atomically (RENAME_EXCHANGE) and refuse to replace an existing one
/// (RENAME_NOREPLACE); glibc has had the call since 2.28 but Swift's Glibc module does not
/// import it (its declaration needs _GNU_SOURCE), so it is looked up once by name. Where it
/// is missing or the file system refuses the flags, callers fall back to a protocol that the
/// next run can finish (StagedFolder.commit).
enum AtomicRename {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// linux/fs.h: the values are part of the kernel's stable ABI.
    private static let noReplace: UInt32 = 1 << 0
    private static let exchange: UInt32 = 1 << 1

    private static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    enum Outcome: Equatable {
        case done
        /// The call or its flag is not supported here: use the fallback.
        case unsupported
        case failed(errno: Int32)
    }

    /// Swaps the two existing paths in one step: afterwards `a` holds what was at `b`.
    static func exchange(_ a: String, _ b: String) -> Outcome {
        call(a, b, flags: exchange)
    }

    /// Renames `from` to `to` only if nothing exists at `to`.
    static func moveWithoutReplacing(_ from: String, to: String) -> Outcome {
        call(from, to, flags: noReplace)
    }

    private static func call(_ from: String, _ to: String, flags: UInt32) -> Outcome {
        guard let renameat2 else { return .unsupported }
        let atCurrentDirectory: Int32 = -100  // AT_FDCWD
        if renameat2(atCurrentDirectory, from, atCurrentDirectory, to, flags) == 0 { return .done }
        let error = errno
        // ENOSYS: an old kernel; EINVAL: a file system without the flag (some network and FUSE ones).
        if error == ENOSYS || error == EINVAL { return .unsupported }
        return .failed(errno: error)
    }
}
