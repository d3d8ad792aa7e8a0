// The parts every deck has besides its slides: the presentation, one slide master with one
// blank layout, the theme (the house font as the Latin and the East Asian typeface, so a
// text box typed by the analyst matches ours), empty presentation, view and table-style
// properties, and the document properties with the report's fixed date.

enum PresentationParts {
    static let slideMasterID = 2_147_483_648
    static let contentType = "application/vnd.openxmlformats-officedocument.presentationml."

    static func root(_ name: String, _ children: [XMLNode], attributes: [(String, String)] = []) -> XMLNode {
        XMLNode(name, [("xmlns:a", Namespace.a), ("xmlns:r", Namespace.r), ("xmlns:p", Namespace.p)] + attributes, children)
    }

    static func emptyShapeTree() -> XMLNode {
        XMLNode("p:spTree", [], [
            XMLNode("p:nvGrpSpPr", [], [XMLNode("p:cNvPr", [("id", "1"), ("name", "")]), XMLNode("p:cNvGrpSpPr"), XMLNode("p:nvPr")]),
            XMLNode("p:grpSpPr", [], [XMLNode("a:xfrm", [], [
                XMLNode("a:off", [("x", "0"), ("y", "0")]), XMLNode("a:ext", [("cx", "0"), ("cy", "0")]),
                XMLNode("a:chOff", [("x", "0"), ("y", "0")]), XMLNode("a:chExt", [("cx", "0"), ("cy", "0")]),
            ])]),
        ])
    }

    static func presentation(slideRelationships: [String], width: Int, height: Int) -> XMLNode {
        root("p:presentation", [
            XMLNode("p:sldMasterIdLst", [], [XMLNode("p:sldMasterId", [("id", String(slideMasterID)), ("r:id", "rId1")])]),
            XMLNode("p:sldIdLst", [], slideRelationships.enumerated().map { index, relationship in
                XMLNode("p:sldId", [("id", String(256 + index)), ("r:id", relationship)])
            }),
            XMLNode("p:sldSz", [("cx", String(width)), ("cy", String(height))]),
            XMLNode("p:notesSz", [("cx", "6858000"), ("cy", "9144000")]),
        ], attributes: [("saveSubsetFonts", "1")])
    }

    static func slideMaster() -> XMLNode {
        root("p:sldMaster", [
            XMLNode("p:cSld", [], [
                XMLNode("p:bg", [], [XMLNode("p:bgRef", [("idx", "1001")], [XMLNode("a:schemeClr", [("val", "bg1")])])]),
                emptyShapeTree(),
            ]),
            XMLNode("p:clrMap", [("bg1", "lt1"), ("tx1", "dk1"), ("bg2", "lt2"), ("tx2", "dk2"), ("accent1", "accent1"),
                                 ("accent2", "accent2"), ("accent3", "accent3"), ("accent4", "accent4"),
                                 ("accent5", "accent5"), ("accent6", "accent6"), ("hlink", "hlink"), ("folHlink", "folHlink")]),
            XMLNode("p:sldLayoutIdLst", [], [XMLNode("p:sldLayoutId", [("id", String(slideMasterID + 1)), ("r:id", "rId1")])]),
        ])
    }

    static func slideLayout() -> XMLNode {
        root("p:sldLayout", [
            XMLNode("p:cSld", [("name", "Blank")], [emptyShapeTree()]),
            XMLNode("p:clrMapOvr", [], [XMLNode("a:masterClrMapping")]),
        ], attributes: [("type", "blank"), ("preserve", "1")])
    }

    static func theme(fontFamily: String, accent: [String]) -> XMLNode {
        func system(_ name: String, _ value: String) -> XMLNode { XMLNode(name, [], [XMLNode("a:srgbClr", [("val", value)])]) }
        let accents = (0..<6).map { i in system("a:accent\(i + 1)", i < accent.count ? accent[i] : "004488") }
        let colors = XMLNode("a:clrScheme", [("name", "marketcast")], [
            system("a:dk1", "222222"), system("a:lt1", "FFFFFF"), system("a:dk2", "444444"), system("a:lt2", "EEEEEE"),
        ] + accents + [system("a:hlink", "004488"), system("a:folHlink", "6B6B6B")])
        func font(_ name: String) -> XMLNode {
            XMLNode(name, [], [XMLNode("a:latin", [("typeface", fontFamily)]), XMLNode("a:ea", [("typeface", fontFamily)]),
                               XMLNode("a:cs", [("typeface", fontFamily)]),
                               XMLNode("a:font", [("script", "Hans"), ("typeface", fontFamily)])])
        }
        let phColor = XMLNode("a:solidFill", [], [XMLNode("a:schemeClr", [("val", "phClr")])])
        let lines = (1...3).map { i in XMLNode("a:ln", [("w", String(6350 * i))], [phColor]) }
        let effects = (1...3).map { _ in XMLNode("a:effectStyle", [], [XMLNode("a:effectLst")]) }
        return XMLNode("a:theme", [("xmlns:a", Namespace.a), ("name", "marketcast")], [
            XMLNode("a:themeElements", [], [
                colors,
                XMLNode("a:fontScheme", [("name", "marketcast")], [font("a:majorFont"), font("a:minorFont")]),
                XMLNode("a:fmtScheme", [("name", "marketcast")], [
                    XMLNode("a:fillStyleLst", [], [phColor, phColor, phColor]),
                    XMLNode("a:lnStyleLst", [], lines),
                    XMLNode("a:effectStyleLst", [], effects),
                    XMLNode("a:bgFillStyleLst", [], [phColor, phColor, phColor]),
                ]),
            ]),
        ])
    }

    static func presentationProperties() -> XMLNode { root("p:presentationPr", []) }
    static func viewProperties() -> XMLNode { root("p:viewPr", []) }
    static func tableStyles() -> XMLNode {
        XMLNode("a:tblStyleLst", [("xmlns:a", Namespace.a), ("def", "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}")])
    }

    static func coreProperties(title: String, author: String, date: String) -> XMLNode {
        let stamp = date + "T00:00:00Z"
        return XMLNode("cp:coreProperties", [
            ("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"),
            ("xmlns:dc", "http://purl.org/dc/elements/1.1/"), ("xmlns:dcterms", "http://purl.org/dc/terms/"),
            ("xmlns:dcmitype", "http://purl.org/dc/dcmitype/"), ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
        ], [
            XMLNode("dc:title", text: title), XMLNode("dc:creator", text: author),
            XMLNode("cp:lastModifiedBy", text: author), XMLNode("cp:revision", text: "1"),
            XMLNode("dcterms:created", [("xsi:type", "dcterms:W3CDTF")], text: stamp),
            XMLNode("dcterms:modified", [("xsi:type", "dcterms:W3CDTF")], text: stamp),
        ])
    }

    static func applicationProperties(slideCount: Int) -> XMLNode {
        XMLNode("Properties", [("xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"),
                               ("xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes")], [
            XMLNode("Application", text: "marketcast"), XMLNode("Slides", text: String(slideCount)),
        ])
    }
}
