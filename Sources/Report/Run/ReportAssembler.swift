import Charts
import Rendering

/// Puts the pages into report.pdf: a running footer with the report's title, quarter and
/// page number on every page, one outline entry per page, and fixed metadata.
struct ReportAssembler {
    let context: RunContext
    /// Sets the text; the same measurer the pages were laid out with.
    let measurer: PangoTextMeasurer

    func write(_ pages: [ReportPage], to path: String) throws {
        let document = context.config.document
        let title = document.title(for: context.config.language)
        let metadata = PDFMetadata(title: title, author: document.author,
                                   subject: "\(title) \(context.config.quarter)",
                                   creationDate: "\(document.date)T00:00:00Z")
        let writer = try PDFDocumentWriter(path: path, pageSize: context.theme.pageSize, metadata: metadata,
                                           measurer: measurer)
        for (index, page) in pages.enumerated() {
            var scene = page.scene
            addFooter(to: &scene, pageNumber: index + 1, pageCount: pages.count)
            try writer.addPage(scene, bookmark: page.isContinuation ? nil : page.title)
        }
        try writer.finish()
    }

    /// The footer sits in the bottom margin, below every chart's source note.
    func addFooter(to scene: inout Scene, pageNumber: Int, pageCount: Int) {
        let theme = context.theme
        let font = theme.font(theme.fontSizes.minimumNote)
        let height = context.measurer.measure("0", font: font, maxWidth: nil).height
        let y = scene.size.height - theme.margins.bottom + (theme.margins.bottom - height) / 2
        let width = scene.size.width - theme.margins.left - theme.margins.right
        let left = Rect(x: theme.margins.left, y: y, width: width * 0.8, height: height)
        let right = Rect(x: theme.margins.left + width * 0.8, y: y, width: width * 0.2, height: height)
        let label = "\(context.config.document.title(for: context.config.language)) · \(context.config.quarter)"
        scene.add(.text(TextBox(text: label, frame: left, font: font, color: theme.palette.note)),
                  role: "footer")
        scene.add(.text(TextBox(text: "\(pageNumber) / \(pageCount)", frame: right, font: font,
                                color: theme.palette.note, alignment: .right)), role: "page-number")
    }
}
