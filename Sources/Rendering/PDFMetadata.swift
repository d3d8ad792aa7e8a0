import CCairo

/// Document information written into a PDF. The dates are fixed strings supplied by the
/// caller (from the report config), never the clock, so the same run gives the same bytes.
public struct PDFMetadata: Equatable, Sendable {
    public var title: String
    public var author: String
    public var subject: String
    public var keywords: String
    public var creator: String
    /// ISO-8601 `YYYY-MM-DDThh:mm:ss`, optionally followed by `Z` or `±hh:mm`.
    public var creationDate: String
    /// Same format as `creationDate`.
    public var modificationDate: String

    /// The dates used when a caller gives none: a fixed instant, because Cairo would
    /// otherwise stamp the current time into the file.
    public static let fixedDefaultDate = "2000-01-01T00:00:00Z"

    public init(title: String = "", author: String = "", subject: String = "", keywords: String = "",
                creator: String = "marketcast", creationDate: String = PDFMetadata.fixedDefaultDate,
                modificationDate: String? = nil) {
        self.title = title; self.author = author; self.subject = subject; self.keywords = keywords
        self.creator = creator; self.creationDate = creationDate
        self.modificationDate = modificationDate ?? creationDate
    }

    /// Throws when a date is not in the form Cairo understands (Cairo would silently
    /// drop it, or fall back to the clock).
    public func validate(path: String) throws {
        for (name, value) in [("creation date", creationDate), ("modification date", modificationDate)]
        where !PDFMetadata.isISO8601DateTime(value) {
            throw RenderingError.invalidArgument(
                path: path, reason: "PDF \(name) \"\(value)\" is not ISO-8601 like 2026-12-31T00:00:00Z")
        }
    }

    func apply(to surface: OpaquePointer?) {
        let fields: [(cairo_pdf_metadata_t, String)] = [
            (CAIRO_PDF_METADATA_TITLE, title), (CAIRO_PDF_METADATA_AUTHOR, author),
            (CAIRO_PDF_METADATA_SUBJECT, subject), (CAIRO_PDF_METADATA_KEYWORDS, keywords),
            (CAIRO_PDF_METADATA_CREATOR, creator), (CAIRO_PDF_METADATA_CREATE_DATE, creationDate),
            (CAIRO_PDF_METADATA_MOD_DATE, modificationDate),
        ]
        for (field, value) in fields where !value.isEmpty {
            cairo_pdf_surface_set_metadata(surface, field, value)
        }
    }

    /// `YYYY-MM-DDThh:mm:ss` with an optional `Z` or `±hh:mm`, digits where digits belong.
    static func isISO8601DateTime(_ text: String) -> Bool {
        let characters = Array(text.utf8)
        let base = Array("dddd-dd-ddTdd:dd:dd".utf8)
        func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
            guard characters.count >= offset + pattern.count else { return false }
            for (i, p) in pattern.enumerated() {
                let c = characters[offset + i]
                if p == UInt8(ascii: "d") { if c < UInt8(ascii: "0") || c > UInt8(ascii: "9") { return false } }
                else if c != p { return false }
            }
            return true
        }
        guard matches(base, at: 0) else { return false }
        let rest = characters.count - base.count
        if rest == 0 { return true }
        if rest == 1 { return characters[base.count] == UInt8(ascii: "Z") }
        if rest == 6 {
            let sign = characters[base.count]
            return (sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"))
                && matches(Array("dd:dd".utf8), at: base.count + 1)
        }
        return false
    }
}
