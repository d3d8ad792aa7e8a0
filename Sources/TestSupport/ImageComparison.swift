// TestSupport owns what the test targets share and no product ships: the golden-image
// comparison (one harness, one tolerance, a diff image on failure) and the fake text
// measurer that lets layouts be asserted as exact numbers without fonts. Map of the
// targets: docs/architecture.md.
import CCairo
import Foundation
import Rendering

/// Compares two PNGs pixel by pixel, for golden-image tests that must tolerate tiny
/// anti-aliasing differences between FreeType/Cairo builds but catch layout changes.
public enum ImageComparison {
    /// `maxDelta`: the largest difference of any channel (0…255) at any pixel.
    /// `fractionDiffering`: the share of pixels where some channel differs by more than
    /// `perChannelTolerance`. Images of different sizes are an error, not a difference.
    public static func compare(pngAt path: String, withPNGAt otherPath: String,
                               perChannelTolerance: Int = 0) throws -> (maxDelta: Int, fractionDiffering: Double) {
        let first = try loadPNG(path)
        defer { cairo_surface_destroy(first) }
        let second = try loadPNG(otherPath)
        defer { cairo_surface_destroy(second) }
        let width = Int(cairo_image_surface_get_width(first)), height = Int(cairo_image_surface_get_height(first))
        let otherWidth = Int(cairo_image_surface_get_width(second))
        let otherHeight = Int(cairo_image_surface_get_height(second))
        guard width == otherWidth, height == otherHeight else {
            throw RenderingError.invalidArgument(
                path: otherPath, reason: "is \(otherWidth)×\(otherHeight) px but \(path) is \(width)×\(height) px")
        }
        guard width > 0, height > 0 else { return (0, 0) }
        let firstOpaque = cairo_image_surface_get_format(first) == CAIRO_FORMAT_RGB24
        let secondOpaque = cairo_image_surface_get_format(second) == CAIRO_FORMAT_RGB24
        guard let firstData = cairo_image_surface_get_data(first),
              let secondData = cairo_image_surface_get_data(second) else {
            throw RenderingError.cannotRead(path: path, cause: "no pixel data")
        }
        let firstStride = Int(cairo_image_surface_get_stride(first))
        let secondStride = Int(cairo_image_surface_get_stride(second))
        var maxDelta = 0
        var differing = 0
        for y in 0..<height {
            let rowA = firstData + y * firstStride, rowB = secondData + y * secondStride
            for x in 0..<width {
                // Both formats keep 32 bits per pixel; RGB24's unused alpha byte reads as opaque.
                let a = rowA.advanced(by: 4 * x).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
                let b = rowB.advanced(by: 4 * x).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
                let pa = firstOpaque ? (a | 0xFF00_0000) : a
                let pb = secondOpaque ? (b | 0xFF00_0000) : b
                if pa == pb { continue }
                var pixelDelta = 0
                for shift in stride(from: 0, to: 32, by: 8) {
                    let ca = Int((pa >> UInt32(shift)) & 0xFF), cb = Int((pb >> UInt32(shift)) & 0xFF)
                    pixelDelta = max(pixelDelta, abs(ca - cb))
                }
                maxDelta = max(maxDelta, pixelDelta)
                if pixelDelta > perChannelTolerance { differing += 1 }
            }
        }
        return (maxDelta, Double(differing) / Double(width * height))
    }

    /// Writes a picture of where two same-size PNGs differ: the first image faded to grey,
    /// pixels that differ by more than `perChannelTolerance` in red.
    public static func writeDifference(pngAt path: String, withPNGAt otherPath: String, to output: String,
                                       perChannelTolerance: Int) throws {
        let first = try loadPNG(path)
        defer { cairo_surface_destroy(first) }
        let second = try loadPNG(otherPath)
        defer { cairo_surface_destroy(second) }
        let width = cairo_image_surface_get_width(first), height = cairo_image_surface_get_height(first)
        guard width == cairo_image_surface_get_width(second), height == cairo_image_surface_get_height(second),
              let a = cairo_image_surface_get_data(first), let b = cairo_image_surface_get_data(second),
              let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height) else { return }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        guard let out = cairo_image_surface_get_data(surface) else { return }
        let strideA = Int(cairo_image_surface_get_stride(first)), strideB = Int(cairo_image_surface_get_stride(second))
        let strideOut = Int(cairo_image_surface_get_stride(surface))
        for y in 0..<Int(height) {
            for x in 0..<Int(width) {
                let pa = (a + y * strideA).advanced(by: 4 * x).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
                let pb = (b + y * strideB).advanced(by: 4 * x).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee }
                var delta = 0
                for shift in stride(from: 0, to: 24, by: 8) {
                    delta = max(delta, abs(Int((pa >> UInt32(shift)) & 0xFF) - Int((pb >> UInt32(shift)) & 0xFF)))
                }
                let grey = UInt32(200 + (Int((pa >> 8) & 0xFF) * 55) / 255)
                let pixel: UInt32 = delta > perChannelTolerance ? 0x00FF_0000 : (grey << 16 | grey << 8 | grey)
                (out + y * strideOut).advanced(by: 4 * x).withMemoryRebound(to: UInt32.self, capacity: 1) { $0.pointee = pixel }
            }
        }
        cairo_surface_mark_dirty(surface)
        cairo_surface_write_to_png(surface, output)
    }

    private static func loadPNG(_ path: String) throws -> OpaquePointer {
        guard let surface = cairo_image_surface_create_from_png(path) else {
            throw RenderingError.cannotRead(path: path, cause: "Cairo returned no surface")
        }
        let status = cairo_surface_status(surface)
        if status != CAIRO_STATUS_SUCCESS {
            cairo_surface_destroy(surface)
            throw RenderingError.cannotRead(path: path, cause: String(cString: cairo_status_to_string(status)))
        }
        let format = cairo_image_surface_get_format(surface)
        // PNG loading yields ARGB32 or RGB24 for colour images, A8/A1 never for our files.
        guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24 else {
            cairo_surface_destroy(surface)
            throw RenderingError.cannotRead(path: path, cause: "unsupported pixel format \(format.rawValue)")
        }
        return surface
    }
}
