import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif

/// Which encoding a file turned out to be in; reported so `check` can mention it.
public enum DetectedEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    /// GB18030, the superset of GBK that Excel writes for "CSV" on Chinese Windows.
    case gb18030 = "GB18030/GBK"
}

/// Text read from an analyst's file: decoded, with every line end turned into "\n" (so the
/// CSV reader and line counts never see "\r"), and without a byte order mark.
public struct DecodedText: Sendable, Equatable {
    public var text: String
    public var encoding: DetectedEncoding
}

/// Bytes to text, as analysts' files really come: UTF-8 with or without BOM, CRLF from
/// Windows, lone CR from old Mac Excel, GBK from Excel on Chinese Windows, UTF-16 with a BOM
/// from "Unicode text" exports. What cannot be decoded safely is refused with where and how to
/// re-save it, never guessed at silently.
public enum TextDecoding {
    static let resaveHint = "re-save the file as UTF-8: in Excel, 另存为 (Save As) → \"CSV UTF-8 (逗号分隔)\"; in an editor, choose encoding UTF-8"

    /// Decodes without copying the bytes first: the text is the only other copy of a file
    /// in memory, and it is made once (twice only for CR line ends, GBK and UTF-16).
    public static func decode(_ data: Data, file: String) throws -> DecodedText {
        let decoded = try data.withUnsafeBytes { raw in
            try decodeBytes(raw.bindMemory(to: UInt8.self), file: file)
        }
        let text = normalizeLineEnds(decoded.text)
        if text.unicodeScalars.allSatisfy({ isBlank($0) }) {
            throw Diagnostic(file: file, "the file is empty",
                             hint: "put a header row (for example year,value,unit,status,source) and one row per value in it")
        }
        // In UTF-8 a zero byte is the NUL character and nothing else.
        if let offset = text.utf8.firstIndex(of: 0) {
            let (line, column) = lineAndColumn(in: text, upTo: offset)
            throw Diagnostic(file: file, line: line, column: column,
                             "the file contains a NUL character, so it is not a text (CSV) file",
                             hint: "export the data as CSV UTF-8 from the program that made it")
        }
        return DecodedText(text: text, encoding: decoded.encoding)
    }

    /// Reads and decodes a file; a file that cannot be read is an input error too.
    public static func read(path: String) throws -> DecodedText {
        try refuseNonFiles(path: path)
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            if exists && isDirectory.boolValue {
                throw Diagnostic(file: path, "this is a folder, not a file", hint: "give the path of a .csv file")
            }
            throw Diagnostic(file: path, exists ? "the file cannot be read" : "the file does not exist",
                             hint: exists ? "check the file's permissions" : "check the path; relative paths are taken from the config file's folder")
        }
        return try decode(data, file: path)
    }

    /// Refuses a named pipe, a device or a socket before anything opens it: opening a pipe
    /// blocks until some other program writes to it, and reading one would otherwise be
    /// reported as a permissions problem. A missing path passes (the reader says so).
    public static func refuseNonFiles(path: String) throws {
        var status = stat()
        if stat(path, &status) == 0 {
            switch status.st_mode & S_IFMT {
            case S_IFREG, S_IFDIR: break
            case S_IFIFO:
                throw Diagnostic(file: path, "this is a named pipe (FIFO), not a file",
                                 hint: "save the data to a .csv file and give its path")
            default:
                throw Diagnostic(file: path, "this is a device or socket, not a file",
                                 hint: "save the data to a .csv file and give its path")
            }
        }
    }

    private static func decodeBytes(_ bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> DecodedText {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = UnsafeBufferPointer(rebasing: bytes[3...])
            guard let text = String(validating: body, as: UTF8.self) else {
                throw notUTF8Error(bytes, file: file, firstBadOffset: firstInvalidUTF8Offset(bytes) ?? 3)
            }
            return DecodedText(text: text, encoding: .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            let body = Data(bytes.dropFirst(2))
            guard body.count % 2 == 0,
                  let text = String(data: body, encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian) else {
                throw Diagnostic(file: file, "the file starts with a UTF-16 byte order mark but is not valid UTF-16",
                                 hint: resaveHint)
            }
            return DecodedText(text: text, encoding: littleEndian ? .utf16LittleEndian : .utf16BigEndian)
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw Diagnostic(file: file, "this is an Excel workbook (.xlsx) or another zip file, not a CSV file",
                             hint: "open it in Excel and use 另存为 (Save As) → \"CSV UTF-8 (逗号分隔)\"")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: text, encoding: .utf8)
        }
        if let text = decodeGB18030(Array(bytes)) {
            return DecodedText(text: text, encoding: .gb18030)
        }
        throw notUTF8Error(bytes, file: file, firstBadOffset: firstInvalidUTF8Offset(bytes) ?? 0)
    }

    /// GB18030 through CoreFoundation's converter. It rejects byte sequences that are not
    /// GB18030 (returns nil), so a Latin-1 or random binary file is refused rather than
    /// turned into wrong Chinese text in nearly all cases.
    private static func decodeGB18030(_ bytes: [UInt8]) -> String? {
        #if canImport(CoreFoundation)
        let cfEncoding = CFStringEncoding(CFStringEncodings.GB_18030_2000.rawValue)
        let encoding = String.Encoding(rawValue: CFStringConvertEncodingToNSStringEncoding(cfEncoding))
        return String(data: Data(bytes), encoding: encoding)
        #else
        return nil
        #endif
    }

    private static func notUTF8Error(_ bytes: UnsafeBufferPointer<UInt8>, file: String, firstBadOffset: Int) -> Diagnostic {
        // Position of the bad byte as an editor would show it: lines counted by "\n", the
        // column by the characters decoded before it on that line.
        let safeOffset = min(max(firstBadOffset, 0), bytes.count)
        var lineStart = 0
        var line = 1
        for index in 0..<safeOffset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let before = String(decoding: bytes[lineStart..<safeOffset], as: UTF8.self)
        let column = before.unicodeScalars.filter { $0 != "\u{FEFF}" && $0 != "\r" }.count + 1
        let byteText = safeOffset < bytes.count ? String(format: "0x%02X", bytes[safeOffset]) : "end of file"
        return Diagnostic(file: file, line: line, column: column,
                          "the file is not UTF-8 (byte \(byteText) cannot start or continue a UTF-8 character) and is not GBK/GB18030 either",
                          hint: resaveHint)
    }

    /// Offset of the first byte that breaks UTF-8 well-formedness, or nil if all is valid.
    static func firstInvalidUTF8Offset<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Int? {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    /// CRLF and lone CR become LF, everywhere (also inside quoted CSV fields, where a
    /// line break is a line break whatever the platform that wrote it).
    static func normalizeLineEnds(_ text: String) -> String {
        guard text.utf8.contains(0x0D) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == 0x0D {
                bytes.append(0x0A)
                previousWasCR = true
                continue
            }
            if byte == 0x0A && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\u{FEFF}"
    }

    static func lineAndColumn(in text: String, upTo target: String.UnicodeScalarView.Index) -> (Int, Int) {
        var line = 1, column = 1
        for index in text.unicodeScalars.indices {
            if index == target { break }
            if text.unicodeScalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
