import Crypto
import Foundation

/// The SHA-256 of an input file's bytes, for the manifest: two runs can then tell whether an
/// input changed without keeping a copy of it. The hash comes from swift-crypto rather
/// than code of our own; this is only its hex spelling.
public enum FileDigest {
    /// The digest as 64 lower-case hex digits.
    public static func sha256Hex(_ data: Data) -> String {
        let hexDigits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in SHA256.hash(data: data) {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
