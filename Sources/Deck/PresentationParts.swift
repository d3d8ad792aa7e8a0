// The parts every deck has besides its slides: the presentation, a slide master with title,
// body, date, footer and slide-number placeholders and text styles in the theme's fonts and
// colours, three layouts built on it (Title Only for every page, Title Slide for the cover,
// Blank), the notes master, the theme (the house palette as its colours, the deck's Latin
// and East Asian fonts as its major and minor fonts), empty presentation, view and
// table-style properties, and the document properties with the report's fixed date.

import Charts

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

    /// The presentation part; the relationship ids are those of its master, notes master and
    /// slides (in slide order).
    static func presentation(masterRelationship: String, slideRelationships: [String], notesMasterRelationship: String?,
                             width: Int, height: Int, masterID: Int = slideMasterID) -> XMLNode {
        var children = [XMLNode("p:sldMasterIdLst", [], [XMLNode("p:sldMasterId", [("id", String(masterID)),
                                                                                   ("r:id", masterRelationship)])])]
        if let notesMasterRelationship {
            children.append(XMLNode("p:notesMasterIdLst", [], [XMLNode("p:notesMasterId", [("r:id", notesMasterRelationship)])]))
        }
        children += [
            XMLNode("p:sldIdLst", [], slideRelationships.enumerated().map { index, relationship in
                XMLNode("p:sldId", [("id", String(256 + index)), ("r:id", relationship)])
            }),
            XMLNode("p:sldSz", [("cx", String(width)), ("cy", String(height))]),
            XMLNode("p:notesSz", [("cx", "6858000"), ("cy", "9144000")]),
        ]
        return root("p:presentation", children, attributes: [("saveSubsetFonts", "1")])
    }

    /// The layouts every deck carries, in the master's order: slide N of a deck names
    /// layout `index + 1`.
    enum Layout: Int, CaseIterable {
        case titleOnly, cover, blank
        var name: String {
            switch self {
            case .titleOnly: return "Title Only"
            case .cover: return "Title Slide"
            case .blank: return "Blank"
            }
        }
        var type: String {
            switch self {
            case .titleOnly: return "titleOnly"
            case .cover: return "title"
            case .blank: return "blank"
            }
        }
        var path: String { "ppt/slideLayouts/slideLayout\(rawValue + 1).xml" }
    }

    /// A placeholder shape: `ph` names its kind, `frame` (nil inherits it) its place.
    static func placeholder(id: Int, name: String, type: String, index: Int?, size: String? = nil, frame: Rect?,
                            body: XMLNode?) -> XMLNode {
        var ph: [(String, String)] = [("type", type)]
        if let size { ph.append(("sz", size)) }
        if let index { ph.append(("idx", String(index))) }
        var children = [
            XMLNode("p:nvSpPr", [], [
                XMLNode("p:cNvPr", [("id", String(id)), ("name", name)]),
                XMLNode("p:cNvSpPr", [], [XMLNode("a:spLocks", [("noGrp", "1")])]),
                XMLNode("p:nvPr", [], [XMLNode("p:ph", ph)]),
            ]),
            XMLNode("p:spPr", [], frame.map { [SlideShapes.transform($0)] } ?? []),
        ]
        if let body { children.append(body) }
        return XMLNode("p:sp", [], children)
    }

    static func textBody(_ paragraphs: [XMLNode], anchor: String = "t", insets: Bool = true) -> XMLNode {
        let zero: [(String, String)] = insets ? [] : [("lIns", "0"), ("tIns", "0"), ("rIns", "0"), ("bIns", "0")]
        return XMLNode("p:txBody", [], [XMLNode("a:bodyPr", zero + [("anchor", anchor)]), XMLNode("a:lstStyle")] + paragraphs)
    }

    /// The slide number as a field: PowerPoint and LibreOffice show the slide's own number.
    static func slideNumberField(style: DeckStyle, size: Double, color: Color, cached: String) -> XMLNode {
        XMLNode("a:fld", [("id", "{6D3C0B1E-5F0A-4C3E-9B1D-2A7C4E8F0A11}"), ("type", "slidenum")], [
            style.runProperties(size: size, bold: false, color: color), XMLNode("a:t", text: cached),
        ])
    }

    /// The house master; `layoutRelationships` are its relationship ids of `Layout.allCases`, in order.
    static func slideMaster(geometry: MasterGeometry, style: DeckStyle, layoutRelationships: [String]) -> XMLNode {
        let colorMap = XMLNode("p:clrMap", [("bg1", "lt1"), ("tx1", "dk1"), ("bg2", "lt2"), ("tx2", "dk2"), ("accent1", "accent1"),
                                            ("accent2", "accent2"), ("accent3", "accent3"), ("accent4", "accent4"),
                                            ("accent5", "accent5"), ("accent6", "accent6"), ("hlink", "hlink"), ("folHlink", "folHlink")])
        let note = geometry.footerColor
        func paragraph(_ text: String, alignment: TextAlignment, font: ThemeFont = .minor, size: Double, color: Color) -> [XMLNode] {
            style.paragraphs(text, size: size, bold: false, color: color, alignment: alignment, font: font)
        }
        var tree = emptyShapeTree()
        tree.children += [
            placeholder(id: 2, name: "Title Placeholder 1", type: "title", index: nil, frame: geometry.title,
                        body: textBody(paragraph("Title", alignment: .left, font: .major, size: geometry.titleSize,
                                                 color: geometry.titleColor), anchor: "t", insets: false)),
            placeholder(id: 3, name: "Text Placeholder 2", type: "body", index: 1, frame: geometry.body,
                        body: textBody(paragraph("Text", alignment: .left, size: geometry.bodySize, color: geometry.titleColor),
                                       insets: false)),
            placeholder(id: 4, name: "Date Placeholder 3", type: "dt", index: 2, size: "half", frame: geometry.date,
                        body: textBody(paragraph("", alignment: .right, size: geometry.footerSize, color: note),
                                       anchor: "ctr", insets: false)),
            placeholder(id: 5, name: "Footer Placeholder 4", type: "ftr", index: 3, size: "quarter", frame: geometry.footer,
                        body: textBody(paragraph("", alignment: .left, size: geometry.footerSize, color: note),
                                       anchor: "ctr", insets: false)),
            placeholder(id: 6, name: "Slide Number Placeholder 5", type: "sldNum", index: 4, size: "quarter",
                        frame: geometry.number,
                        body: textBody([XMLNode("a:p", [], [XMLNode("a:pPr", [("algn", "r")]),
                                                            slideNumberField(style: style, size: geometry.footerSize,
                                                                             color: note, cached: "‹#›")])],
                                       anchor: "ctr", insets: false)),
        ]
        func level(_ name: String, size: Double, font: ThemeFont, bold: Bool, color: Color) -> XMLNode {
            XMLNode(name, [], [XMLNode("a:lvl1pPr", [("marL", "0"), ("algn", "l")], [
                XMLNode("a:buNone"),
                XMLNode("a:defRPr", [("sz", DrawingML.fontSize(size)), ("b", bold ? "1" : "0")], [
                    style.solidFill(color),
                    XMLNode("a:latin", [("typeface", font.prefix + "-lt")]), XMLNode("a:ea", [("typeface", font.prefix + "-ea")]),
                    XMLNode("a:cs", [("typeface", font.prefix + "-cs")]),
                ]),
            ])])
        }
        return root("p:sldMaster", [
            XMLNode("p:cSld", [], [
                XMLNode("p:bg", [], [XMLNode("p:bgRef", [("idx", "1001")], [XMLNode("a:schemeClr", [("val", "bg1")])])]),
                tree,
            ]),
            colorMap,
            XMLNode("p:sldLayoutIdLst", [], zip(Layout.allCases, layoutRelationships).map { layout, relationship in
                XMLNode("p:sldLayoutId", [("id", String(slideMasterID + 1 + layout.rawValue)), ("r:id", relationship)])
            }),
            XMLNode("p:txStyles", [], [
                level("p:titleStyle", size: geometry.titleSize, font: .major, bold: true, color: geometry.titleColor),
                level("p:bodyStyle", size: geometry.bodySize, font: .minor, bold: false, color: geometry.titleColor),
                level("p:otherStyle", size: geometry.bodySize, font: .minor, bold: false, color: geometry.titleColor),
            ]),
        ])
    }

    /// A layout: its placeholders inherit their place and style from the master; the cover
    /// centres a larger title.
    static func slideLayout(_ layout: Layout, geometry: MasterGeometry) -> XMLNode {
        var tree = emptyShapeTree()
        switch layout {
        case .titleOnly:
            tree.children.append(placeholder(id: 2, name: "Title 1", type: "title", index: nil, frame: nil, body: nil))
        case .cover:
            tree.children.append(placeholder(id: 2, name: "Title 1", type: "ctrTitle", index: nil, frame: geometry.coverTitle, body: nil))
            tree.children.append(placeholder(id: 3, name: "Subtitle 2", type: "subTitle", index: 1, frame: geometry.coverSubtitle,
                                             body: nil))
        case .blank:
            break
        }
        let next = tree.children.count + 1
        tree.children += [
            placeholder(id: next, name: "Date Placeholder \(next - 1)", type: "dt", index: 10, size: "half", frame: nil, body: nil),
            placeholder(id: next + 1, name: "Footer Placeholder \(next)", type: "ftr", index: 11, size: "quarter", frame: nil, body: nil),
            placeholder(id: next + 2, name: "Slide Number Placeholder \(next + 1)", type: "sldNum", index: 12, size: "quarter",
                        frame: nil, body: nil),
        ]
        return root("p:sldLayout", [
            XMLNode("p:cSld", [("name", layout.name)], [tree]),
            XMLNode("p:clrMapOvr", [], [XMLNode("a:masterClrMapping")]),
        ], attributes: [("type", layout.type), ("preserve", "1")])
    }

    /// The notes master: the slide's image above, the notes below.
    static func notesMaster(style: DeckStyle) -> XMLNode {
        var tree = emptyShapeTree()
        tree.children += [
            placeholder(id: 2, name: "Slide Image Placeholder 1", type: "sldImg", index: 2, frame: nil, body: nil),
            placeholder(id: 3, name: "Notes Placeholder 2", type: "body", index: 3, size: "quarter", frame: nil,
                        body: textBody(style.paragraphs("", size: 12, bold: false, color: style.colors.dark1, alignment: .left))),
        ]
        // Frames in points: a 540 × 720 pt notes page.
        tree.children[tree.children.count - 2].children[1] = XMLNode("p:spPr", [], [
            SlideShapes.transform(Rect(x: 36, y: 54, width: 468, height: 263.25)),
            XMLNode("a:prstGeom", [("prst", "rect")], [XMLNode("a:avLst")]), DrawingML.noFill,
            XMLNode("a:ln", [("w", "12700")], [style.solidFill(style.colors.dark1)]),
        ])
        tree.children[tree.children.count - 1].children[1] = XMLNode("p:spPr", [], [
            SlideShapes.transform(Rect(x: 54, y: 342, width: 432, height: 324)),
            XMLNode("a:prstGeom", [("prst", "rect")], [XMLNode("a:avLst")]),
        ])
        let level = XMLNode("a:lvl1pPr", [("marL", "0"), ("algn", "l")], [
            XMLNode("a:defRPr", [("sz", "1200")], [style.solidFill(style.colors.dark1),
                                                   XMLNode("a:latin", [("typeface", "+mn-lt")]), XMLNode("a:ea", [("typeface", "+mn-ea")]),
                                                   XMLNode("a:cs", [("typeface", "+mn-cs")])]),
        ])
        return root("p:notesMaster", [
            XMLNode("p:cSld", [], [
                XMLNode("p:bg", [], [XMLNode("p:bgRef", [("idx", "1001")], [XMLNode("a:schemeClr", [("val", "bg1")])])]),
                tree,
            ]),
            XMLNode("p:clrMap", [("bg1", "lt1"), ("tx1", "dk1"), ("bg2", "lt2"), ("tx2", "dk2"), ("accent1", "accent1"),
                                 ("accent2", "accent2"), ("accent3", "accent3"), ("accent4", "accent4"),
                                 ("accent5", "accent5"), ("accent6", "accent6"), ("hlink", "hlink"), ("folHlink", "folHlink")]),
            XMLNode("p:notesStyle", [], [level]),
        ])
    }

    /// A slide's notes page: its image and the notes' paragraphs.
    static func notesSlide(paragraphs: [XMLNode]) -> XMLNode {
        var tree = emptyShapeTree()
        tree.children += [
            placeholder(id: 2, name: "Slide Image Placeholder 1", type: "sldImg", index: nil, frame: nil, body: nil),
            placeholder(id: 3, name: "Notes Placeholder 2", type: "body", index: 1, frame: nil, body: textBody(paragraphs)),
        ]
        return root("p:notes", [
            XMLNode("p:cSld", [], [tree]),
            XMLNode("p:clrMapOvr", [], [XMLNode("a:masterClrMapping")]),
        ])
    }

    static func theme(fonts: DeckFonts, colors: DeckThemeColors, name: String = "marketcast") -> XMLNode {
        func system(_ name: String, _ value: Color) -> XMLNode {
            XMLNode(name, [], [XMLNode("a:srgbClr", [("val", DrawingML.hex(value))])])
        }
        let accents = colors.accents.enumerated().map { system("a:accent\($0.offset + 1)", $0.element) }
        let scheme = XMLNode("a:clrScheme", [("name", name)], [
            system("a:dk1", colors.dark1), system("a:lt1", colors.light1), system("a:dk2", colors.dark2),
            system("a:lt2", colors.light2),
        ] + accents + [system("a:hlink", colors.hyperlink), system("a:folHlink", colors.followedHyperlink)])
        func font(_ name: String) -> XMLNode {
            XMLNode(name, [], [XMLNode("a:latin", [("typeface", fonts.latin)]), XMLNode("a:ea", [("typeface", fonts.eastAsian)]),
                               XMLNode("a:cs", [("typeface", "")]),
                               XMLNode("a:font", [("script", "Hans"), ("typeface", fonts.eastAsian)])])
        }
        let phColor = XMLNode("a:solidFill", [], [XMLNode("a:schemeClr", [("val", "phClr")])])
        let lines = (1...3).map { i in XMLNode("a:ln", [("w", String(6350 * i))], [phColor]) }
        let effects = (1...3).map { _ in XMLNode("a:effectStyle", [], [XMLNode("a:effectLst")]) }
        return XMLNode("a:theme", [("xmlns:a", Namespace.a), ("name", "marketcast")], [
            XMLNode("a:themeElements", [], [
                scheme,
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
