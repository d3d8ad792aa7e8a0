import CCairo
import Charts

/// A file a scene is drawn into: PNG (raster), SVG or PDF (vector). The deck is not one:
/// it is written by Deck from the same scenes (see Report's `OutputFormat`, which lists both).
public enum ImageFormat: String, CaseIterable, Sendable {
    case png, svg, pdf
}

/// Writes one scene to one file. PDF and SVG are vector, 1 scene unit = 1 pt; PNG is
/// rasterised at `scale` pixels per point (2 turns a 960×540 pt scene into 1920×1080 px).
/// Output bytes depend only on the scene and the arguments: see `SVGIdentifiers` and
/// `PDFMetadata` for the two places where Cairo would otherwise vary them.
///
/// Batch rendering on every core: one SceneRenderer with its own PangoTextMeasurer per
/// thread (see PangoTextMeasurer). Each render has its own Cairo surface and context;
/// the one process-wide Cairo state that shows in output, the SVG surface counter, is
/// renumbered away by SVGIdentifiers, so bytes do not depend on what other threads do.
public struct SceneRenderer {
    public let measurer: PangoTextMeasurer
    /// Document information for single-chart PDFs (fixed dates: see `PDFMetadata`).
    public var pdfMetadata: PDFMetadata

    /// Uses `measurer` for text so that a chart laid out with the same measurer draws
    /// exactly as measured.
    public init(measurer: PangoTextMeasurer = PangoTextMeasurer(), pdfMetadata: PDFMetadata = PDFMetadata()) {
        self.measurer = measurer
        self.pdfMetadata = pdfMetadata
    }

    public func write(_ scene: Scene, to path: String, format: ImageFormat, scale: Double = 2) throws {
        try writeFile(encode(scene, format: format, scale: scale, path: path), to: path)
    }

    /// The encoded file contents, without touching disk. `path` only labels errors.
    public func encode(_ scene: Scene, format: ImageFormat, scale: Double = 2, path: String = "<memory>") throws -> [UInt8] {
        try validate(scene.size, path: path)
        switch format {
        case .png: return try encodePNG(scene, scale: scale, path: path)
        case .svg: return try encodeVector(scene, path: path, format: .svg)
        case .pdf: return try encodeVector(scene, path: path, format: .pdf)
        }
    }

    private func encodePNG(_ scene: Scene, scale: Double, path: String) throws -> [UInt8] {
        guard scale.isFinite, scale > 0 else {
            throw RenderingError.invalidArgument(path: path, reason: "PNG scale must be a positive number, got \(scale)")
        }
        let width = (scene.size.width * scale).rounded(), height = (scene.size.height * scale).rounded()
        // Cairo's image surfaces are limited to 32767 pixels a side.
        guard width >= 1, height >= 1, width <= 32767, height <= 32767 else {
            throw RenderingError.invalidArgument(
                path: path, reason: "PNG would be \(width)×\(height) px; each side must be 1…32767 px (lower --scale)")
        }
        // An opaque background needs no alpha channel: RGB24 makes smaller PNGs.
        let format = scene.background.alpha >= 1 ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32
        guard let surface = cairo_image_surface_create(format, Int32(width), Int32(height)) else {
            throw RenderingError.cairoFailure(path: path, stage: "creating the image", cause: "no surface")
        }
        defer { cairo_surface_destroy(surface) }
        try checkCairo(cairo_surface_status(surface), path: path, stage: "creating the image")
        let cr = try makeContext(surface, path: path)
        defer { cairo_destroy(cr) }
        cairo_scale(cr, width / scene.size.width, height / scene.size.height)
        try SceneDrawer(text: measurer).draw(scene, on: cr, path: path)
        // zlib with fast settings: see PNGEncoder for why not cairo_surface_write_to_png.
        return try PNGEncoder.encode(surface, path: path)
    }

    private func encodeVector(_ scene: Scene, path: String, format: ImageFormat) throws -> [UInt8] {
        let sink = ByteSink()
        let surface: OpaquePointer?
        if format == .svg {
            surface = cairo_svg_surface_create_for_stream(ByteSink.cairoWriteFunction, sink.cairoClosure,
                                                          scene.size.width, scene.size.height)
        } else {
            surface = cairo_pdf_surface_create_for_stream(ByteSink.cairoWriteFunction, sink.cairoClosure,
                                                          scene.size.width, scene.size.height)
            // Without an explicit date Cairo stamps the current time into every PDF.
            try pdfMetadata.validate(path: path)
            pdfMetadata.apply(to: surface)
        }
        defer { cairo_surface_destroy(surface) }
        try checkCairo(cairo_surface_status(surface), path: path, stage: "creating the \(format.rawValue.uppercased()) surface")
        do {
            let cr = try makeContext(surface, path: path)
            defer { cairo_destroy(cr) }
            try SceneDrawer(text: measurer).draw(scene, on: cr, path: path)
            cairo_show_page(cr)
        }
        cairo_surface_finish(surface)
        try checkCairo(cairo_surface_status(surface), path: path, stage: "finishing the \(format.rawValue.uppercased())")
        return format == .svg ? SVGIdentifiers.normalize(sink.bytes) : sink.bytes
    }
}

/// A drawing context for `surface`, or an error naming `path` if Cairo could not make one.
func makeContext(_ surface: OpaquePointer?, path: String) throws -> OpaquePointer {
    guard let cr = cairo_create(surface) else {
        throw RenderingError.cairoFailure(path: path, stage: "creating a drawing context", cause: "no context")
    }
    let status = cairo_status(cr)
    if status != CAIRO_STATUS_SUCCESS {
        cairo_destroy(cr)
        throw RenderingError.cairoFailure(path: path, stage: "creating a drawing context", cause: cairoStatusText(status))
    }
    return cr
}

func validate(_ size: Size, path: String) throws {
    guard size.width.isFinite, size.height.isFinite, size.width > 0, size.height > 0 else {
        throw RenderingError.invalidArgument(
            path: path, reason: "scene size must be positive and finite, got \(size.width)×\(size.height) pt")
    }
}
