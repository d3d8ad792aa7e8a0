/// A small, fast zlib (RFC 1950/1951) compressor for rendered charts.
///
/// Why not let Cairo write the PNG: cairo_surface_write_to_png goes through libpng's
/// default settings (adaptive row filters, zlib level 6), which took ~60 ms for a
/// 1920×1080 chart, most of the time of a whole render. Charts are large flat areas
/// with some anti-aliased edges, so greedy LZ77 with a one-entry hash table and the
/// fixed Huffman codes compresses them well at a fraction of the cost. The output is
/// standard zlib that any PNG reader inflates.
enum Deflate {
    static let minimumMatch = 4
    static let maximumMatch = 258
    static let window = 32768
    private static let hashBits = 15

    /// `input` as a complete zlib stream (header, one fixed-Huffman block, Adler-32).
    static func zlibCompress(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var writer = BitWriter()
        writer.bytes.reserveCapacity(input.count / 8 + 64)
        // CMF 0x78: deflate, 32K window; FLG 0x01 makes CMF·256+FLG a multiple of 31, no dictionary.
        writer.bytes.append(0x78)
        writer.bytes.append(0x01)
        writer.write(bits: 1, count: 1) // BFINAL
        writer.write(bits: 1, count: 2) // BTYPE = 01, fixed Huffman codes
        compressBlock(input, into: &writer)
        writer.write(bits: FixedCodes.literal[256].code, count: FixedCodes.literal[256].length) // end of block
        writer.flushToByte()
        let adler = Checksums.adler32(input)
        writer.bytes.append(contentsOf: [UInt8(adler >> 24), UInt8((adler >> 16) & 0xFF),
                                         UInt8((adler >> 8) & 0xFF), UInt8(adler & 0xFF)])
        return writer.bytes
    }

    private static func compressBlock(_ input: UnsafeBufferPointer<UInt8>, into writer: inout BitWriter) {
        let count = input.count
        guard let base = input.baseAddress, count > 0 else { return }
        // Most recent position + 1 for each hash of four bytes (0 = none yet).
        var table = [Int32](repeating: 0, count: 1 << hashBits)
        let literalCodes = FixedCodes.literal
        table.withUnsafeMutableBufferPointer { table in
            literalCodes.withUnsafeBufferPointer { literals in
                var i = 0
                while i + minimumMatch <= count {
                    let quad = UnsafeRawPointer(base + i).loadUnaligned(as: UInt32.self)
                    let hash = Int((quad &* 2_654_435_761) >> UInt32(32 - hashBits))
                    let candidate = Int(table[hash]) - 1
                    table[hash] = Int32(truncatingIfNeeded: i + 1)
                    if candidate >= 0, i - candidate <= window,
                       UnsafeRawPointer(base + candidate).loadUnaligned(as: UInt32.self) == quad {
                        let length = matchLength(base, candidate, i, limit: min(maximumMatch, count - i))
                        writeMatch(length: length, distance: i - candidate, literals: literals, into: &writer)
                        i += length
                    } else {
                        let literal = literals[Int(base[i])]
                        writer.write(bits: literal.code, count: literal.length)
                        i += 1
                    }
                }
                while i < count {
                    let literal = literals[Int(base[i])]
                    writer.write(bits: literal.code, count: literal.length)
                    i += 1
                }
            }
        }
    }

    /// How many bytes at `earlier` and `current` agree (the first four are known to),
    /// compared eight at a time: flat chart areas are long maximal matches.
    @inline(__always)
    private static func matchLength(_ base: UnsafePointer<UInt8>, _ earlier: Int, _ current: Int, limit: Int) -> Int {
        var length = minimumMatch
        let raw = UnsafeRawPointer(base)
        while length + 8 <= limit {
            let a = raw.loadUnaligned(fromByteOffset: earlier + length, as: UInt64.self)
            let b = raw.loadUnaligned(fromByteOffset: current + length, as: UInt64.self)
            if a != b {
                // Little-endian loads: the lowest differing byte is the first mismatch.
                return length + (UInt64(littleEndian: a) ^ UInt64(littleEndian: b)).trailingZeroBitCount / 8
            }
            length += 8
        }
        while length < limit && base[earlier + length] == base[current + length] { length += 1 }
        return length
    }

    private static func writeMatch(length: Int, distance: Int, literals: UnsafeBufferPointer<FixedCodes.Code>,
                                   into writer: inout BitWriter) {
        let lengthCode = FixedCodes.lengths[length]
        let symbol = literals[lengthCode.symbol]
        writer.write(bits: symbol.code, count: symbol.length)
        if lengthCode.extraBits > 0 { writer.write(bits: UInt32(lengthCode.extraValue), count: lengthCode.extraBits) }
        // Distance codes: 1…4 map to 0…3; above, two codes per power of two.
        let zeroBased = distance - 1
        let code: Int, extraBits: Int, extraValue: Int
        if zeroBased < 4 {
            code = zeroBased; extraBits = 0; extraValue = 0
        } else {
            let log2 = Int.bitWidth - 1 - zeroBased.leadingZeroBitCount
            code = 2 * log2 + ((zeroBased >> (log2 - 1)) & 1)
            extraBits = log2 - 1
            extraValue = zeroBased & ((1 << extraBits) - 1)
        }
        writer.write(bits: FixedCodes.distance[code], count: 5)
        if extraBits > 0 { writer.write(bits: UInt32(extraValue), count: extraBits) }
    }
}

/// Writes bit fields least significant bit first, as deflate packs them.
struct BitWriter {
    var bytes: [UInt8] = []
    private var buffer: UInt64 = 0
    private var used = 0

    mutating func write(bits: UInt32, count: Int) {
        buffer |= UInt64(bits) << UInt64(used)
        used += count
        while used >= 8 {
            bytes.append(UInt8(truncatingIfNeeded: buffer))
            buffer >>= 8
            used -= 8
        }
    }

    mutating func flushToByte() {
        if used > 0 { bytes.append(UInt8(truncatingIfNeeded: buffer)) }
        buffer = 0
        used = 0
    }
}

/// The fixed Huffman codes of RFC 1951 §3.2.6, bit-reversed so `BitWriter` can emit
/// them LSB first.
enum FixedCodes {
    struct Code { let code: UInt32; let length: Int }
    struct LengthCode { let symbol: Int; let extraBits: Int; let extraValue: Int }

    static let literal: [Code] = (0..<288).map { symbol -> Code in
        switch symbol {
        case 0...143: return Code(code: reversed(UInt32(0x30 + symbol), 8), length: 8)
        case 144...255: return Code(code: reversed(UInt32(0x190 + symbol - 144), 9), length: 9)
        case 256...279: return Code(code: reversed(UInt32(symbol - 256), 7), length: 7)
        default: return Code(code: reversed(UInt32(0xC0 + symbol - 280), 8), length: 8)
        }
    }

    static let distance: [UInt32] = (0..<30).map { reversed(UInt32($0), 5) }

    /// Indexed by match length 0…258 (entries below 3 unused).
    static let lengths: [LengthCode] = {
        let bases = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59,
                     67, 83, 99, 115, 131, 163, 195, 227, 258]
        let extra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
        var table = [LengthCode](repeating: LengthCode(symbol: 0, extraBits: 0, extraValue: 0), count: 259)
        for length in 3...258 {
            // The last code whose base does not exceed the length (258 has its own code).
            let index = length == 258 ? 28 : (bases.lastIndex { $0 <= length && $0 != 258 } ?? 0)
            table[length] = LengthCode(symbol: 257 + index, extraBits: extra[index], extraValue: length - bases[index])
        }
        return table
    }()

    private static func reversed(_ value: UInt32, _ bits: Int) -> UInt32 {
        var result: UInt32 = 0
        for k in 0..<bits where value & (1 << UInt32(k)) != 0 { result |= 1 << UInt32(bits - 1 - k) }
        return result
    }
}
