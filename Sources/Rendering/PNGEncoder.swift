import CCairo
import CZlibSystem

/// Encodes a Cairo image surface as a PNG with zlib: 8-bit RGB for opaque (RGB24)
/// surfaces, RGBA with straightened alpha for ARGB32. No time or text chunks, so the
/// bytes depend on the pixels (and the zlib build) alone.
///
/// Why not cairo_surface_write_to_png: it runs libpng with its defaults (all five row
/// filters tried per row, zlib level 6), which took ~60 ms of a 63 ms 1920×1080 chart
/// render. Why zlib rather than libpng directly: libpng reports errors by longjmp,
/// which cannot cross Swift frames safely, and at the same settings it was no faster
/// (see bench/render/png_encoders.c). Settings: see `compressionLevel` and `rowFilter`.
enum PNGEncoder {
    /// zlib's fastest level: charts are flat areas and anti-aliased edges, where level 1
    /// keeps most of level 6's ratio at a fraction of its time (bench/render/png_encoders.c).
    static let compressionLevel: Int32 = 1
    /// PNG filter type 0 (none) for every row: on rendered charts the Sub and Up filters
    /// made level-1 output larger and slower (bench/render/png_encoders.c).
    static let rowFilter: UInt8 = 0

    static func encode(_ surface: OpaquePointer, path: String) throws -> [UInt8] {
        cairo_surface_flush(surface)
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32,
              let data = cairo_image_surface_get_data(surface) else {
            throw RenderingError.cairoFailure(path: path, stage: "encoding the PNG", cause: "no RGB pixel data")
        }
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let hasAlpha = format == CAIRO_FORMAT_ARGB32

        let compressor = try RowCompressor(level: compressionLevel, path: path)
        var row = [UInt8](repeating: 0, count: 1 + width * (hasAlpha ? 4 : 3))
        for y in 0..<height {
            // Rows are converted and compressed one at a time: a batch rendering on every
            // core never holds a second full-size copy of each image.
            row.withUnsafeMutableBufferPointer { row in
                convertRow(UnsafeRawPointer(data + y * stride), width: width, hasAlpha: hasAlpha, into: row)
            }
            try compressor.add(row, finish: y == height - 1)
        }
        if height == 0 { try compressor.add([], finish: true) }

        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.append(contentsOf: bigEndian(UInt32(width)))
        header.append(contentsOf: bigEndian(UInt32(height)))
        // Bit depth 8, colour type 2 (RGB) or 6 (RGBA), deflate, adaptive filtering method 0, no interlace.
        header.append(contentsOf: [8, hasAlpha ? 6 : 2, 0, 0, 0])
        appendChunk("IHDR", header, to: &png)
        appendChunk("IDAT", compressor.output, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    /// One row in PNG byte order, preceded by its filter-type byte.
    private static func convertRow(_ source: UnsafeRawPointer, width: Int, hasAlpha: Bool,
                                   into out: UnsafeMutableBufferPointer<UInt8>) {
        out[0] = rowFilter
        var o = 1
        for x in 0..<width {
            // Cairo stores each pixel as a native-endian 32-bit 0xAARRGGBB word.
            let pixel = source.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self)
            var r = (pixel >> 16) & 0xFF, g = (pixel >> 8) & 0xFF, b = pixel & 0xFF
            if hasAlpha {
                let a = pixel >> 24
                if a != 0 && a != 255 {
                    // Cairo premultiplies; PNG wants straight alpha.
                    r = (r * 255 + a / 2) / a; g = (g * 255 + a / 2) / a; b = (b * 255 + a / 2) / a
                }
                out[o + 3] = UInt8(truncatingIfNeeded: a)
            }
            out[o] = UInt8(truncatingIfNeeded: r); out[o + 1] = UInt8(truncatingIfNeeded: g)
            out[o + 2] = UInt8(truncatingIfNeeded: b)
            o += hasAlpha ? 4 : 3
        }
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        png.append(contentsOf: bigEndian(UInt32(data.count)))
        png.append(contentsOf: typeBytes)
        png.append(contentsOf: data)
        // The chunk CRC covers the type and the data.
        var crc = typeBytes.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, UInt32($0.count)) }
        png.append(contentsOf: bigEndian(UInt32(truncatingIfNeeded: crc)))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}

/// A zlib deflate stream fed row by row, collecting the compressed bytes. A class with
/// the z_stream on the heap: zlib keeps a pointer back to the z_stream and refuses one
/// that moved, and Swift may move a struct's stored property at any call.
private final class RowCompressor {
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private(set) var output: [UInt8] = []
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private let path: String
    private var started = false

    init(level: Int32, path: String) throws {
        self.path = path
        stream.initialize(to: z_stream())
        let status = czlib_deflate_init(stream, level, Z_DEFAULT_STRATEGY)
        guard status == Z_OK else { throw Self.failure(path, status, "starting zlib") }
        started = true
    }

    deinit {
        if started { deflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `bytes`; `finish` ends the stream (zlib's Adler-32 trailer included).
    func add(_ bytes: [UInt8], finish: Bool) throws {
        try bytes.withUnsafeBufferPointer { input in
            // zlib's next_in is not const in its C prototype but is only read.
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
            stream.pointee.avail_in = UInt32(input.count)
            defer { stream.pointee.next_in = nil }
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { chunk in
                    stream.pointee.next_out = chunk.baseAddress
                    stream.pointee.avail_out = UInt32(chunk.count)
                    return deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
                }
                guard status == Z_OK || status == Z_STREAM_END else { throw Self.failure(path, status, "compressing") }
                output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.pointee.avail_out))])
                if status == Z_STREAM_END { return }
                // Without finishing, spare output room means zlib took all the input.
                if !finish && stream.pointee.avail_out > 0 { return }
            }
        }
    }

    private static func failure(_ path: String, _ status: Int32, _ stage: String) -> RenderingError {
        .cairoFailure(path: path, stage: "encoding the PNG (\(stage))", cause: "zlib status \(status)")
    }
}
