// Writes a deck: one slide per page, each the page's scene as editable shapes with its
// native chart or table in place of the items that object draws. The bytes depend only on
// the slides and the properties: parts in a fixed order, zip entries dated with the
// report's date, and no clock, user name or random id anywhere.

import Charts
import Foundation

/// One slide: the page's scene and, when the page has one, its native chart or table.
public struct DeckSlide: Sendable {
    public var scene: Scene
    public var native: NativeContent?
    /// Names the native object for screen readers and the selection pane.
    public var title: String
    /// The native object's name in the selection pane: the chart id, so a reader (or a test)
    /// finds `charts/<id>.csv` from the chart.
    public var name: String?
    public init(scene: Scene, native: NativeContent?, title: String, name: String? = nil) {
        self.scene = scene; self.native = native; self.title = title; self.name = name
    }
}

public struct DeckProperties: Sendable {
    public var title: String
    public var author: String
    /// `YYYY-MM-DD`: the document's date, used for the properties and every zip entry.
    public var date: String
    public var language: DeckLanguage
    public var fontFamily: String
    /// The theme's accent colours, so a chart the analyst adds matches ours.
    public var accents: [Color]
    public init(title: String, author: String, date: String, language: DeckLanguage, fontFamily: String, accents: [Color]) {
        self.title = title; self.author = author; self.date = date; self.language = language
        self.fontFamily = fontFamily; self.accents = accents
    }
}

public enum DeckWriter {
    public static func data(slides: [DeckSlide], properties: DeckProperties) throws -> Data {
        let date = zipDate(properties.date)
        let theme = PresentationParts.theme(fontFamily: properties.fontFamily, accent: properties.accents.map(DrawingML.hex))
        var package = OPCPackage()
        package.defaultContentTypes.append(("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        package.packageRelationships = [
            Relationship(id: "rId1", type: RelationshipType.officeDocument, target: "ppt/presentation.xml"),
            Relationship(id: "rId2", type: RelationshipType.coreProperties, target: "docProps/core.xml"),
            Relationship(id: "rId3", type: RelationshipType.extendedProperties, target: "docProps/app.xml"),
        ]
        let size = slides.first?.scene.size ?? Size(width: 960, height: 540)
        // PowerPoint's slide size limits: 1 to 56 inches a side.
        let width = min(max(DrawingML.emu(size.width), 914_400), 51_206_400)
        let height = min(max(DrawingML.emu(size.height), 914_400), 51_206_400)
        let slideRelationships = slides.indices.map { "rId\($0 + 6)" }
        package.add("ppt/presentation.xml", contentType: PresentationParts.contentType + "presentation.main+xml",
                    xml: PresentationParts.presentation(slideRelationships: slideRelationships, width: width, height: height),
                    relationships: [
                        Relationship(id: "rId1", type: RelationshipType.slideMaster, target: "slideMasters/slideMaster1.xml"),
                        Relationship(id: "rId2", type: RelationshipType.theme, target: "theme/theme1.xml"),
                        Relationship(id: "rId3", type: RelationshipType.presProps, target: "presProps.xml"),
                        Relationship(id: "rId4", type: RelationshipType.viewProps, target: "viewProps.xml"),
                        Relationship(id: "rId5", type: RelationshipType.tableStyles, target: "tableStyles.xml"),
                    ] + slides.indices.map {
                        Relationship(id: slideRelationships[$0], type: RelationshipType.slide, target: "slides/slide\($0 + 1).xml")
                    })
        package.add("ppt/slideMasters/slideMaster1.xml", contentType: PresentationParts.contentType + "slideMaster+xml",
                    xml: PresentationParts.slideMaster(),
                    relationships: [Relationship(id: "rId1", type: RelationshipType.slideLayout, target: "../slideLayouts/slideLayout1.xml"),
                                    Relationship(id: "rId2", type: RelationshipType.theme, target: "../theme/theme1.xml")])
        package.add("ppt/slideLayouts/slideLayout1.xml", contentType: PresentationParts.contentType + "slideLayout+xml",
                    xml: PresentationParts.slideLayout(),
                    relationships: [Relationship(id: "rId1", type: RelationshipType.slideMaster, target: "../slideMasters/slideMaster1.xml")])
        package.add("ppt/theme/theme1.xml", contentType: "application/vnd.openxmlformats-officedocument.theme+xml",
                    xml: theme)
        package.add("ppt/presProps.xml", contentType: PresentationParts.contentType + "presProps+xml",
                    xml: PresentationParts.presentationProperties())
        package.add("ppt/viewProps.xml", contentType: PresentationParts.contentType + "viewProps+xml",
                    xml: PresentationParts.viewProperties())
        package.add("ppt/tableStyles.xml", contentType: PresentationParts.contentType + "tableStyles+xml",
                    xml: PresentationParts.tableStyles())

        var chartCount = 0
        for (index, slide) in slides.enumerated() {
            var shapes = SlideShapes(language: properties.language)
            var tree = PresentationParts.emptyShapeTree()
            var relationships = [Relationship(id: "rId1", type: RelationshipType.slideLayout, target: "../slideLayouts/slideLayout1.xml")]
            switch slide.native {
            case .chart(let chart)?:
                chartCount += 1
                let chartPath = "ppt/charts/chart\(chartCount).xml"
                let workbookName = "Microsoft_Excel_Worksheet\(chartCount).xlsx"
                let part = ChartPart(chart: chart, language: properties.language)
                let grid = part.sheet()
                let workbook = try Workbook.data(for: grid.sheet, numberFormat: chart.numberFormat, theme: theme,
                                                  date: date)
                package.add("ppt/embeddings/" + workbookName,
                            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data: workbook)
                package.add(chartPath, contentType: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
                            xml: part.xml(workbookRelationship: "rId1", grid: grid),
                            relationships: [Relationship(id: "rId1", type: RelationshipType.package,
                                                         target: "../embeddings/" + workbookName)])
                relationships.append(Relationship(id: "rId2", type: RelationshipType.chart, target: "../charts/chart\(chartCount).xml"))
                tree.children.append(chartFrame(chart, id: shapes.takeID(), title: slide.title, name: slide.name,
                                                relationship: "rId2"))
            case .table(let table)?:
                tree.children.append(TableFrame(table: table, language: properties.language)
                    .xml(id: shapes.takeID(), name: slide.name ?? slide.title))
            case nil:
                break
            }
            tree.children += shapes.shapes(for: slide.scene, skipping: slide.native?.replacedRoles ?? [])
            let background = XMLNode("p:bg", [], [XMLNode("p:bgPr", [], [DrawingML.solidFill(slide.scene.background),
                                                                          XMLNode("a:effectLst")])])
            package.add("ppt/slides/slide\(index + 1).xml", contentType: PresentationParts.contentType + "slide+xml",
                        xml: PresentationParts.root("p:sld", [
                            XMLNode("p:cSld", [("name", slide.title)], [background, tree]),
                            XMLNode("p:clrMapOvr", [], [XMLNode("a:masterClrMapping")]),
                        ]), relationships: relationships)
        }
        package.add("docProps/core.xml", contentType: "application/vnd.openxmlformats-package.core-properties+xml",
                    xml: PresentationParts.coreProperties(title: properties.title, author: properties.author, date: properties.date))
        package.add("docProps/app.xml", contentType: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                    xml: PresentationParts.applicationProperties(slideCount: slides.count))
        return try package.zipped(date: date)
    }

    static func chartFrame(_ chart: NativeChart, id: Int, title: String, name: String?, relationship: String) -> XMLNode {
        XMLNode("p:graphicFrame", [], [
            XMLNode("p:nvGraphicFramePr", [], [
                XMLNode("p:cNvPr", [("id", String(id)), ("name", name ?? "Chart \(id)"), ("descr", title)]),
                XMLNode("p:cNvGraphicFramePr"), XMLNode("p:nvPr"),
            ]),
            XMLNode("p:xfrm", [], [
                XMLNode("a:off", [("x", String(DrawingML.emu(chart.frame.x))), ("y", String(DrawingML.emu(chart.frame.y)))]),
                XMLNode("a:ext", [("cx", String(DrawingML.emu(chart.frame.width))), ("cy", String(DrawingML.emu(chart.frame.height)))]),
            ]),
            XMLNode("a:graphic", [], [XMLNode("a:graphicData", [("uri", Namespace.c)], [
                XMLNode("c:chart", [("xmlns:c", Namespace.c), ("r:id", relationship)]),
            ])]),
        ])
    }

    /// Midnight UTC of `YYYY-MM-DD`; the zip format's first day for anything else.
    static func zipDate(_ text: String) -> Date {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        var components = DateComponents()
        components.timeZone = TimeZone(identifier: "UTC")
        if parts.count == 3, (1980...2099).contains(parts[0]), (1...12).contains(parts[1]), (1...31).contains(parts[2]) {
            components.year = parts[0]; components.month = parts[1]; components.day = parts[2]
        } else {
            components.year = 1980; components.month = 1; components.day = 1
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components) ?? Date(timeIntervalSince1970: 315_532_800)
    }
}
