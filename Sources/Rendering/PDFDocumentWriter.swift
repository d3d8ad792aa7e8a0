import CCairo
import Charts

/// A multi-page PDF: one scene per page, an outline entry per bookmarked page, document
/// metadata with fixed dates. Pages are encoded in memory and the file is written once,
/// by `finish()`, so a failed report never leaves a truncated PDF behind. Cairo embeds
/// subsets of the fonts used (CJK included), so the PDF reads the same everywhere.
public final class PDFDocumentWriter {
    public let path: String
    public private(set) var pageCount = 0
    private let sink = ByteSink()
    private let surface: OpaquePointer?
    private let drawer: SceneDrawer
    private var currentPageSize: Size
    private var finished = false
    /// Set when a page failed half-drawn: the document cannot be completed correctly.
    private var failure: Error?

    /// `pageSize` is the first page's size; a page whose scene has another size gets that size.
    public init(path: String, pageSize: Size, metadata: PDFMetadata,
                measurer: PangoTextMeasurer = PangoTextMeasurer()) throws {
        self.path = path
        try validate(pageSize, path: path)
        try metadata.validate(path: path)
        currentPageSize = pageSize
        drawer = SceneDrawer(text: measurer)
        surface = cairo_pdf_surface_create_for_stream(ByteSink.cairoWriteFunction, sink.cairoClosure,
                                                      pageSize.width, pageSize.height)
        metadata.apply(to: surface)
        try checkCairo(cairo_surface_status(surface), path: path, stage: "creating the PDF")
    }

    deinit {
        // Unfinished documents are dropped: destroying the surface only writes into `sink`.
        cairo_surface_destroy(surface)
    }

    /// Draws `scene` as the next page; `bookmark` adds a top-level outline entry pointing at it.
    public func addPage(_ scene: Scene, bookmark: String? = nil) throws {
        guard !finished else {
            throw RenderingError.invalidArgument(path: path, reason: "cannot add a page after finish()")
        }
        if let failure = failure { throw failure }
        do {
            try drawPage(scene, bookmark: bookmark)
        } catch {
            failure = error
            throw error
        }
    }

    private func drawPage(_ scene: Scene, bookmark: String?) throws {
        try validate(scene.size, path: path)
        if scene.size != currentPageSize {
            cairo_pdf_surface_set_size(surface, scene.size.width, scene.size.height)
            currentPageSize = scene.size
        }
        let cr = try makeContext(surface, path: path)
        defer { cairo_destroy(cr) }
        try drawer.draw(scene, on: cr, path: path)
        pageCount += 1
        if let bookmark = bookmark {
            // Outline targets use 1-based page numbers.
            cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, bookmark, "page=\(pageCount)",
                                          cairo_pdf_outline_flags_t(rawValue: 0))
        }
        cairo_show_page(cr)
        try checkCairo(cairo_status(cr), path: path, stage: "finishing page \(pageCount)")
    }

    /// Completes the PDF and writes it to `path`. Calling it twice is an error.
    public func finish() throws {
        guard !finished else {
            throw RenderingError.invalidArgument(path: path, reason: "finish() was already called")
        }
        finished = true
        if let failure = failure { throw failure }
        guard pageCount > 0 else {
            throw RenderingError.invalidArgument(path: path, reason: "a PDF needs at least one page; none was added")
        }
        cairo_surface_finish(surface)
        try checkCairo(cairo_surface_status(surface), path: path, stage: "finishing the PDF")
        try writeFile(sink.bytes, to: path)
    }
}
