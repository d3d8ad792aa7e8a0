import CCairo
#if canImport(Glibc)
import Glibc
#endif

/// Collects the bytes a Cairo surface streams out. Rendering always encodes to memory
/// first and writes the file in one go afterwards: the OS's exact reason for a failed
/// write (no such folder, permission denied, disk full) reaches the error message, a
/// failed render leaves no half-written file behind, and SVG ids can be normalised
/// before anything touches disk.
final class ByteSink {
    private(set) var bytes: [UInt8] = []

    /// A C callback for `cairo_*_create_for_stream`; the closure is an unretained `ByteSink`.
    static let cairoWriteFunction: cairo_write_func_t = { closure, data, length in
        guard let closure = closure else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        if length > 0, let data = data {
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        }
        return CAIRO_STATUS_SUCCESS
    }

    /// The pointer to hand Cairo as the stream's closure. The caller keeps `self` alive
    /// for as long as the surface exists.
    var cairoClosure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}

/// Writes `bytes` to `path`, replacing any existing file, reporting the OS's reason on failure.
func writeFile(_ bytes: [UInt8], to path: String) throws {
    guard let file = fopen(path, "wb") else {
        throw RenderingError.cannotWrite(path: path, cause: String(cString: strerror(errno)))
    }
    let written = bytes.withUnsafeBufferPointer { buffer -> Int in
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        return fwrite(base, 1, buffer.count, file)
    }
    // fwrite may buffer; a full disk often only shows at flush/close, so check both.
    let writeErrno = written == bytes.count ? 0 : errno
    let flushFailed = fflush(file) != 0
    let flushErrno = errno
    let closeFailed = fclose(file) != 0
    let closeErrno = errno
    let failure = writeErrno != 0 ? writeErrno : (flushFailed ? flushErrno : (closeFailed ? closeErrno : 0))
    if written != bytes.count || flushFailed || closeFailed {
        let cause = failure != 0 ? String(cString: strerror(failure)) : "short write"
        throw RenderingError.cannotWrite(path: path, cause: cause)
    }
}
