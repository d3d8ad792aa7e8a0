import CCairo

/// Encodes a Cairo image surface as a PNG: 8-bit RGB for opaque (RGB24) surfaces, RGBA
/// with straightened alpha for ARGB32. Rows are unfiltered (filter type 0): with the
/// LZ77 in `Deflate` that compressed rendered charts better than the Up filter, and
/// costs nothing. No time or text chunks, so the bytes depend on the pixels alone.
enum PNGEncoder {
    static func encode(_ surface: OpaquePointer) -> [UInt8]? {
        cairo_surface_flush(surface)
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32,
              let data = cairo_image_surface_get_data(surface) else { return nil }
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let hasAlpha = format == CAIRO_FORMAT_ARGB32
        let channels = hasAlpha ? 4 : 3
        let rowBytes = 1 + width * channels
        var raw = [UInt8](repeating: 0, count: rowBytes * height)
        raw.withUnsafeMutableBufferPointer { raw in
            guard let out = raw.baseAddress else { return }
            for y in 0..<height {
                // Cairo stores each pixel as a native-endian 32-bit 0xAARRGGBB word.
                let row = UnsafeRawPointer(data + y * stride)
                var o = y * rowBytes + 1 // byte 0 of each row: filter type 0 (none)
                for x in 0..<width {
                    let pixel = row.loadUnaligned(fromByteOffset: 4 * x, as: UInt32.self)
                    var r = (pixel >> 16) & 0xFF, g = (pixel >> 8) & 0xFF, b = pixel & 0xFF
                    if hasAlpha {
                        let a = pixel >> 24
                        if a != 0 && a != 255 {
                            // Cairo premultiplies; PNG wants straight alpha.
                            r = (r * 255 + a / 2) / a; g = (g * 255 + a / 2) / a; b = (b * 255 + a / 2) / a
                        }
                        out[o + 3] = UInt8(a)
                    }
                    out[o] = UInt8(r); out[o + 1] = UInt8(g); out[o + 2] = UInt8(b)
                    o += channels
                }
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.append(contentsOf: bigEndian(UInt32(width)))
        header.append(contentsOf: bigEndian(UInt32(height)))
        // Bit depth 8, colour type 2 (RGB) or 6 (RGBA), deflate, adaptive filtering method 0, no interlace.
        header.append(contentsOf: [8, hasAlpha ? 6 : 2, 0, 0, 0])
        appendChunk("IHDR", header, to: &png)
        let compressed = raw.withUnsafeBufferPointer { Deflate.zlibCompress($0) }
        appendChunk("IDAT", compressed, to: &png)
        appendChunk("IEND", [], to: &png)
        return png
    }

    private static func appendChunk(_ type: String, _ data: [UInt8], to png: inout [UInt8]) {
        let typeBytes = Array(type.utf8)
        png.append(contentsOf: bigEndian(UInt32(data.count)))
        png.append(contentsOf: typeBytes)
        png.append(contentsOf: data)
        png.append(contentsOf: bigEndian(Checksums.crc32(data, continuing: Checksums.crc32(typeBytes))))
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}
