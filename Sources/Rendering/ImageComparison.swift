import CCairo

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

    private static func loadPNG(_ path: String) throws -> OpaquePointer {
        guard let surface = cairo_image_surface_create_from_png(path) else {
            throw RenderingError.cannotRead(path: path, cause: "Cairo returned no surface")
        }
        let status = cairo_surface_status(surface)
        if status != CAIRO_STATUS_SUCCESS {
            cairo_surface_destroy(surface)
            throw RenderingError.cannotRead(path: path, cause: cairoStatusText(status))
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
