// A small XML tree for the deck's parts: elements with ordered attributes, children and
// text, serialised without whitespace. Attribute order is the order given, so the same
// tree gives the same bytes; every attribute value and text is escaped here, once.

struct XMLNode: Equatable {
    var name: String
    var attributes: [(String, String)]
    var children: [XMLNode]
    var text: String?

    init(_ name: String, _ attributes: [(String, String)] = [], _ children: [XMLNode] = [], text: String? = nil) {
        self.name = name; self.attributes = attributes; self.children = children; self.text = text
    }

    /// An element holding one `val` attribute, the chart schema's commonest shape.
    static func val(_ name: String, _ value: String) -> XMLNode { XMLNode(name, [("val", value)]) }
    static func val(_ name: String, _ value: Int) -> XMLNode { val(name, String(value)) }

    static func == (lhs: XMLNode, rhs: XMLNode) -> Bool {
        lhs.name == rhs.name && lhs.attributes.map { [$0.0, $0.1] } == rhs.attributes.map { [$0.0, $0.1] }
            && lhs.children == rhs.children && lhs.text == rhs.text
    }

    func write(into out: inout String) {
        out += "<" + name
        for (key, value) in attributes { out += " \(key)=\"\(XMLNode.escape(value, quote: true))\"" }
        if children.isEmpty && text == nil { out += "/>"; return }
        out += ">"
        if let text { out += XMLNode.escape(text, quote: false) }
        for child in children { child.write(into: &out) }
        out += "</\(name)>"
    }

    /// The part's bytes: the XML declaration, then the tree.
    var document: String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        write(into: &out)
        return out
    }

    /// Escapes markup characters and drops the control characters XML 1.0 cannot hold
    /// (a stray one in a CSV cell would otherwise make the part unreadable).
    static func escape(_ string: String, quote: Bool) -> String {
        var out = ""
        out.reserveCapacity(string.utf8.count)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quote: out += "&quot;"
            case "\n" where quote: out += "&#10;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// The namespaces the parts use, one spelling each.
enum Namespace {
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let p = "http://schemas.openxmlformats.org/presentationml/2006/main"
    static let c = "http://schemas.openxmlformats.org/drawingml/2006/chart"
    /// Office 2013's chart extensions (labels read from cells).
    static let c15 = "http://schemas.microsoft.com/office/drawing/2012/chart"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    static let spreadsheet = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let table = "http://schemas.openxmlformats.org/drawingml/2006/table"
}

/// Relationship types, by what they point at.
enum RelationshipType {
    static let base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
    static let officeDocument = base + "officeDocument"
    static let slide = base + "slide"
    static let slideMaster = base + "slideMaster"
    static let slideLayout = base + "slideLayout"
    static let theme = base + "theme"
    static let chart = base + "chart"
    static let package = base + "package"
    static let worksheet = base + "worksheet"
    static let styles = base + "styles"
    static let sharedStrings = base + "sharedStrings"
    static let presProps = base + "presProps"
    static let viewProps = base + "viewProps"
    static let tableStyles = base + "tableStyles"
    static let notesMaster = base + "notesMaster"
    static let notesSlide = base + "notesSlide"
    static let extendedProperties = base + "extended-properties"
    static let coreProperties = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
}
