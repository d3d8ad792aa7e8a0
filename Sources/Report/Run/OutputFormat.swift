import Rendering

/// A file format `run` and `batch` write: the one list the `--formats` option parses and
/// names in its usage errors, the runs read to decide what to write, and the manifest
/// records. A new format is a case here with its product; nothing else spells the names.
public enum OutputFormat: String, CaseIterable, Sendable {
    case png, svg, pdf, pptx

    /// What a format is written from, and how often.
    public enum Product: Equatable, Sendable {
        /// A drawing of each chart's scene (charts/<id>.<format>), by the Cairo renderer.
        case eachChart(ImageFormat)
        /// One editable deck of the whole run (report.pptx, batch.pptx), by Deck.
        case deck
    }

    public var product: Product {
        switch self {
        case .png: return .eachChart(.png)
        case .svg: return .eachChart(.svg)
        case .pdf: return .eachChart(.pdf)
        case .pptx: return .deck
        }
    }
}

extension Sequence where Element == OutputFormat {
    /// The formats drawn for each chart, in the order asked.
    public var chartImages: [ImageFormat] {
        compactMap { format in
            guard case .eachChart(let image) = format.product else { return nil }
            return image
        }
    }

    /// Whether the deck is among the formats.
    public var includesDeck: Bool { contains { $0.product == .deck } }
}
