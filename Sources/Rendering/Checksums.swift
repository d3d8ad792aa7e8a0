/// The two checksums a PNG file needs: CRC-32 for each chunk and Adler-32 for the zlib stream.
enum Checksums {
    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// CRC-32 (ISO 3309, as PNG uses it) of `bytes`, continuing from `crc` (start with 0).
    static func crc32<C: Collection>(_ bytes: C, continuing crc: UInt32 = 0) -> UInt32 where C.Element == UInt8 {
        var c = ~crc
        crcTable.withUnsafeBufferPointer { table in
            for byte in bytes { c = table[Int((c ^ UInt32(byte)) & 0xFF)] ^ (c >> 8) }
        }
        return ~c
    }

    /// Adler-32 of `bytes` (RFC 1950).
    static func adler32(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        let modulus: UInt32 = 65521
        // 5552 is the largest run for which s2 cannot overflow 32 bits before the modulo.
        let maxRun = 5552
        var s1: UInt32 = 1, s2: UInt32 = 0
        var index = 0
        while index < bytes.count {
            let end = min(index + maxRun, bytes.count)
            while index < end {
                s1 &+= UInt32(bytes[index])
                s2 &+= s1
                index += 1
            }
            s1 %= modulus
            s2 %= modulus
        }
        return (s2 << 16) | s1
    }
}
