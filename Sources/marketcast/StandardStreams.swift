import ArgumentParser
import Foundation

/// Every byte marketcast prints goes through here, so a failed write is noticed instead of
/// trapping. Foundation's `FileHandle.write(_: Data)` ends the process with SIGILL when the
/// write fails (a full disk under a redirect, `> /dev/full`, a closed pipe with SIGPIPE
/// ignored); `print` fails silently and the command would exit 0 with its output lost.
///
/// Both streams go through C's stdio (`print` and ArgumentParser's help and usage texts do
/// too), so the order of lines is kept, and a failure is read from the stream's error flag
/// at exit: `finish` turns it into exit status 74 (EX_IOERR, sysexits.h), with a message
/// on whichever stream still works.
enum StandardStreams {
    /// Writes `text` on standard output. After a failed write the rest is dropped: the
    /// output is already incomplete and the exit status will say so.
    static func out(_ text: String) {
        write(text, to: stdout)
    }

    /// Writes `bytes` (UTF-8 text) on standard output.
    static func out(_ bytes: Data) {
        guard ferror(stdout) == 0, !bytes.isEmpty else { return }
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            _ = fwrite(base, 1, buffer.count, stdout)
        }
    }

    /// Writes `text` on standard error, which stdio leaves unbuffered.
    static func err(_ text: String) {
        write(text, to: stderr)
    }

    private static func write(_ text: String, to stream: UnsafeMutablePointer<FILE>) {
        guard ferror(stream) == 0 else { return }
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            _ = fwrite(base, 1, bytes.count, stream)
        }
    }

    /// The exit status once both streams are flushed: `status` when every write went
    /// through, 74 when one failed (and the command had not already failed).
    static func finish(status: Int32) -> Int32 {
        let outputFailed = fflush(stdout) != 0 || ferror(stdout) != 0
        let errorFailed = fflush(stderr) != 0 || ferror(stderr) != 0
        guard outputFailed || errorFailed else { return status }
        if outputFailed && !errorFailed {
            err("marketcast: error: standard output could not be written (\(String(cString: strerror(errno))));"
                + " the output is incomplete\n  hint: check the disk the output is redirected to, or the program reading the pipe\n")
        }
        return status == 0 ? ioErrorStatus : status
    }

    /// EX_IOERR in sysexits.h: an error while doing I/O on some file.
    static let ioErrorStatus: Int32 = 74

    /// True once a write to standard output has failed: long writers (a forecast's CSV)
    /// stop producing what nobody can read.
    static var outputFailed: Bool { ferror(stdout) != 0 }
}

extension Marketcast {
    /// ArgumentParser's `main`, with every exit going through `StandardStreams.finish`:
    /// its own `exit(withError:)` would print and exit without looking at the streams.
    static func runCheckingStreams(_ arguments: [String]? = nil) -> Never {
        var status: Int32
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            status = 0
        } catch {
            let message = fullMessage(for: error)
            let code = exitCode(for: error)
            if !message.isEmpty {
                // Help and --version go to standard output, errors and usage to standard error.
                if code == .success { StandardStreams.out(message + "\n") } else { StandardStreams.err(message + "\n") }
            }
            status = code.rawValue
        }
        Foundation.exit(StandardStreams.finish(status: status))
    }
}
