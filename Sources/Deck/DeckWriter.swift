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
    /// The slide's title: the title placeholder's text when the scene has no title of its
    /// own, and the slide's name in the outline.
    public var title: String
    /// The native object's name in the selection pane: the chart id, so a reader (or a test)
    /// finds `charts/<id>.csv` from the chart.
    public var name: String?
    /// The layout the slide is built on.
    public var layout: DeckSlideLayout
    /// What the chart, table or diagram shows, for screen readers (`descr`); the title when nil.
    public var altText: String?
    /// Where the slide's numbers come from, written into its speaker notes.
    public var provenance: SlideProvenance?
    public init(scene: Scene, native: NativeContent?, title: String, name: String? = nil,
                layout: DeckSlideLayout = .titleOnly, altText: String? = nil, provenance: SlideProvenance? = nil) {
        self.scene = scene; self.native = native; self.title = title; self.name = name
        self.layout = layout; self.altText = altText; self.provenance = provenance
    }
}

/// The layouts a slide can be built on.
public enum DeckSlideLayout: Sendable {
    /// A title placeholder over free content: every page of the report.
    case titleOnly
    /// The cover: a centred title.
    case cover

    var layout: PresentationParts.Layout { self == .cover ? .cover : .titleOnly }
}

/// The line at the foot of every slide: the footer text, the document's date (fixed, from
/// the config, never the clock) and the slide number as a field, each in its placeholder.
public struct DeckFooter: Sendable, Equatable {
    public var text: String
    public var date: String
    /// Appends " / N" to the slide number.
    public var showsSlideCount: Bool
    public var fontSize: Double
    public var color: Color
    /// The band the three share, left to right: footer, date, number.
    public var band: Rect
    public init(text: String, date: String, showsSlideCount: Bool = true, fontSize: Double, color: Color, band: Rect) {
        self.text = text; self.date = date; self.showsSlideCount = showsSlideCount; self.fontSize = fontSize
        self.color = color; self.band = band
    }

    var footerFrame: Rect { Rect(x: band.x, y: band.y, width: band.width * 0.6, height: band.height) }
    var dateFrame: Rect { Rect(x: band.x + band.width * 0.6, y: band.y, width: band.width * 0.25, height: band.height) }
    var numberFrame: Rect { Rect(x: band.x + band.width * 0.85, y: band.y, width: band.width * 0.15, height: band.height) }
}

public struct DeckProperties: Sendable {
    public var title: String
    public var author: String
    /// `YYYY-MM-DD`: the document's date, used for the properties and every zip entry.
    public var date: String
    public var language: DeckLanguage
    /// The theme's fonts: every run names them as theme fonts, not by name.
    public var fonts: DeckFonts
    /// The theme's colours: scene colours become references to them.
    public var colors: DeckThemeColors
    /// The page inside its margins: where the master puts its title and body.
    public var contentArea: Rect
    public var titleSize: Double
    public var footer: DeckFooter?
    /// The firm's template the slides are built on (its master, layouts and theme); nil
    /// builds them on marketcast's own master.
    public var template: DeckTemplate?
    public init(title: String, author: String, date: String, language: DeckLanguage, fonts: DeckFonts,
                colors: DeckThemeColors, contentArea: Rect, titleSize: Double, footer: DeckFooter?,
                template: DeckTemplate? = nil) {
        self.title = title; self.author = author; self.date = date; self.language = language
        self.fonts = fonts; self.colors = colors; self.contentArea = contentArea; self.titleSize = titleSize
        self.footer = footer; self.template = template
    }
}

/// The layout a slide takes, with what its placeholders must say to inherit from it.
struct SlideLayoutChoice {
    var path: String
    var titleType: String
    /// The date, footer and slide-number placeholders' indices, nil where the layout has
    /// none; `inherits` says whether they take their place from the layout.
    var dateIndex: Int?
    var footerIndex: Int?
    var numberIndex: Int?
    var inherits: Bool

    init(_ layout: DeckSlideLayout, template: DeckTemplate?) {
        guard let template else {
            path = layout.layout.path
            titleType = layout == .cover ? "ctrTitle" : "title"
            dateIndex = 10; footerIndex = 11; numberIndex = 12
            inherits = false
            return
        }
        let chosen = layout == .cover ? template.coverLayout : template.pageLayout
        path = chosen.path
        titleType = chosen.placeholders.contains { $0.type == "ctrTitle" } && !chosen.placeholders.contains { $0.type == "title" }
            ? "ctrTitle" : "title"
        dateIndex = chosen.index(of: "dt"); footerIndex = chosen.index(of: "ftr"); numberIndex = chosen.index(of: "sldNum")
        inherits = true
    }
}

/// Where the master puts its placeholders, in page points.
struct MasterGeometry {
    var title: Rect
    var body: Rect
    var coverTitle: Rect
    var coverSubtitle: Rect
    var date: Rect
    var footer: Rect
    var number: Rect
    var titleSize: Double
    var bodySize: Double
    var footerSize: Double
    var titleColor: Color
    var footerColor: Color

    init(properties: DeckProperties, pageSize: Size) {
        let content = properties.contentArea
        titleSize = properties.titleSize
        bodySize = max(8, (properties.titleSize * 0.6).rounded())
        let titleHeight = titleSize * 1.6
        title = Rect(x: content.x, y: content.y, width: content.width, height: titleHeight)
        body = Rect(x: content.x, y: content.y + titleHeight + 8, width: content.width,
                    height: max(10, content.height - titleHeight - 8))
        coverTitle = Rect(x: content.x, y: content.y + content.height * 0.3, width: content.width * 0.8, height: titleSize * 3.2)
        coverSubtitle = Rect(x: content.x, y: coverTitle.maxY + 8, width: content.width * 0.8, height: bodySize * 4)
        let band = properties.footer?.band
            ?? Rect(x: content.x, y: content.maxY + 4, width: content.width, height: max(8, pageSize.height - content.maxY - 8))
        let footer = DeckFooter(text: "", date: "", fontSize: properties.footer?.fontSize ?? 7,
                                color: properties.footer?.color ?? properties.colors.dark2, band: band)
        date = footer.dateFrame; self.footer = footer.footerFrame; number = footer.numberFrame
        footerSize = footer.fontSize
        titleColor = properties.colors.dark1
        footerColor = footer.color
    }
}

/// The deck's part names, written once: relationships name their targets by these.
enum PartName {
    static let presentation = "ppt/presentation.xml"
    static let coreProperties = "docProps/core.xml"
    static let applicationProperties = "docProps/app.xml"
    static let houseMaster = "ppt/slideMasters/slideMaster1.xml"
    static let houseTheme = "ppt/theme/theme1.xml"
    static let notesMaster = "ppt/notesMasters/notesMaster1.xml"
    static let notesTheme = "ppt/theme/themeNotes.xml"
    static let presentationProperties = "ppt/presProps.xml"
    static let viewProperties = "ppt/viewProps.xml"
    static let tableStyles = "ppt/tableStyles.xml"
    static func slide(_ number: Int) -> String { "ppt/slides/slide\(number).xml" }
    static func notesSlide(_ number: Int) -> String { "ppt/notesSlides/notesSlide\(number).xml" }
    static func chart(_ number: Int) -> String { "ppt/charts/chart\(number).xml" }
    static func embeddedWorkbook(_ number: Int) -> String { "ppt/embeddings/Microsoft_Excel_Worksheet\(number).xlsx" }
}

public enum DeckWriter {
    public static func data(slides: [DeckSlide], properties: DeckProperties) throws -> Data {
        let date = zipDate(properties.date)
        let style = DeckStyle(language: properties.language, colors: properties.colors)
        let theme = PresentationParts.theme(fonts: properties.fonts, colors: properties.colors)
        var package = OPCPackage()
        package.defaultContentTypes.append(("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        package.packageRelationships.relate(to: PartName.presentation, type: RelationshipType.officeDocument)
        package.packageRelationships.relate(to: PartName.coreProperties, type: RelationshipType.coreProperties)
        package.packageRelationships.relate(to: PartName.applicationProperties, type: RelationshipType.extendedProperties)
        let size = slides.first?.scene.size ?? Size(width: 960, height: 540)
        let geometry = MasterGeometry(properties: properties, pageSize: size)
        // PowerPoint's slide size limits: 1 to 56 inches a side.
        let width = min(max(DrawingML.emu(size.width), 914_400), 51_206_400)
        let height = min(max(DrawingML.emu(size.height), 914_400), 51_206_400)
        let template = properties.template
        var presentation = PartRelationships()
        let masterRelationship = presentation.relate(to: template?.masterPath ?? PartName.houseMaster, type: RelationshipType.slideMaster)
        presentation.relate(to: template?.themePath ?? PartName.houseTheme, type: RelationshipType.theme)
        presentation.relate(to: PartName.presentationProperties, type: RelationshipType.presProps)
        presentation.relate(to: PartName.viewProperties, type: RelationshipType.viewProps)
        presentation.relate(to: PartName.tableStyles, type: RelationshipType.tableStyles)
        let notesMasterRelationship = presentation.relate(to: PartName.notesMaster, type: RelationshipType.notesMaster)
        let slideRelationships = slides.indices.map { presentation.relate(to: PartName.slide($0 + 1), type: RelationshipType.slide) }
        package.add(PartName.presentation, contentType: PresentationParts.contentType + "presentation.main+xml",
                    xml: PresentationParts.presentation(masterRelationship: masterRelationship, slideRelationships: slideRelationships,
                                                        notesMasterRelationship: notesMasterRelationship,
                                                        width: width, height: height,
                                                        masterID: template?.masterID ?? PresentationParts.slideMasterID),
                    relationships: presentation)
        if let template {
            // The template's master, layouts, theme and pictures, as they are.
            for part in template.parts {
                package.copy(part.path, contentType: part.contentType, data: part.data, relationships: part.relationships)
            }
            for (ext, type) in template.defaults where !package.defaultContentTypes.contains(where: { $0.0 == ext }) {
                package.defaultContentTypes.append((ext, type))
            }
        } else {
            var master = PartRelationships()
            let layoutRelationships = PresentationParts.Layout.allCases.map {
                master.relate(to: $0.path, type: RelationshipType.slideLayout)
            }
            master.relate(to: PartName.houseTheme, type: RelationshipType.theme)
            package.add(PartName.houseMaster, contentType: PresentationParts.contentType + "slideMaster+xml",
                        xml: PresentationParts.slideMaster(geometry: geometry, style: style, layoutRelationships: layoutRelationships),
                        relationships: master)
            for layout in PresentationParts.Layout.allCases {
                var relationships = PartRelationships()
                relationships.relate(to: PartName.houseMaster, type: RelationshipType.slideMaster)
                package.add(layout.path, contentType: PresentationParts.contentType + "slideLayout+xml",
                            xml: PresentationParts.slideLayout(layout, geometry: geometry), relationships: relationships)
            }
            package.add(PartName.houseTheme, contentType: "application/vnd.openxmlformats-officedocument.theme+xml", xml: theme)
        }
        // The notes master's theme: its own part, so a template's theme names never collide.
        var notesMaster = PartRelationships()
        notesMaster.relate(to: PartName.notesTheme, type: RelationshipType.theme)
        package.add(PartName.notesMaster, contentType: PresentationParts.contentType + "notesMaster+xml",
                    xml: PresentationParts.notesMaster(style: style), relationships: notesMaster)
        package.add(PartName.notesTheme, contentType: "application/vnd.openxmlformats-officedocument.theme+xml", xml: theme)
        package.add(PartName.presentationProperties, contentType: PresentationParts.contentType + "presProps+xml",
                    xml: PresentationParts.presentationProperties())
        package.add(PartName.viewProperties, contentType: PresentationParts.contentType + "viewProps+xml",
                    xml: PresentationParts.viewProperties())
        package.add(PartName.tableStyles, contentType: PresentationParts.contentType + "tableStyles+xml",
                    xml: PresentationParts.tableStyles())

        var chartCount = 0
        for (index, slide) in slides.enumerated() {
            var shapes = SlideShapes(style: style, pageWidth: slide.scene.size.width)
            var tree = PresentationParts.emptyShapeTree()
            let slidePath = PartName.slide(index + 1)
            let layout = SlideLayoutChoice(slide.layout, template: template)
            var relationships = PartRelationships()
            relationships.relate(to: layout.path, type: RelationshipType.slideLayout)
            // Reading order: the title first, then the chart or table, then the rest.
            let title = shapes.titlePlaceholder(for: slide.scene, fallback: slide.title, type: layout.titleType)
            tree.children.append(title.node)
            let description = slide.altText ?? slide.title
            switch slide.native {
            case .chart(var chart)?:
                chartCount += 1
                chart.axisPinnedFor = DeckWriter.overlays(on: chart, in: slide.scene)
                if chart.nativeLegend {
                    // The legend goes where the scene drew it; the frame grows to hold it.
                    let items = slide.scene.elements.filter { $0.role == "legend" }
                    if !items.isEmpty {
                        let box = SlideShapes.bounds(of: items)
                        let top = min(chart.frame.minY, box.minY), left = min(chart.frame.minX, box.minX)
                        let right = max(chart.frame.maxX, box.maxX), bottom = max(chart.frame.maxY, box.maxY)
                        chart.frame = Rect(x: left, y: top, width: right - left, height: bottom - top)
                        chart.legendFrame = box
                        chart.replacedRoles.insert("legend")
                    } else {
                        chart.nativeLegend = false
                    }
                }
                let chartPath = PartName.chart(chartCount)
                let workbookPath = PartName.embeddedWorkbook(chartCount)
                let part = ChartPart(chart: chart, style: style)
                let grid = part.sheet()
                let workbook = try Workbook.data(for: grid.sheet, numberFormat: chart.numberFormat, theme: theme,
                                                  date: date)
                package.add(workbookPath,
                            contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data: workbook)
                var chartRelationships = PartRelationships()
                let workbookRelationship = chartRelationships.relate(to: workbookPath, type: RelationshipType.package)
                package.add(chartPath, contentType: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
                            xml: part.xml(workbookRelationship: workbookRelationship, grid: grid),
                            relationships: chartRelationships)
                let chartRelationship = relationships.relate(to: chartPath, type: RelationshipType.chart)
                tree.children.append(chartFrame(chart, id: shapes.takeID(), title: description, name: slide.name,
                                                relationship: chartRelationship))
            case .table(let table)?:
                // Page numbers in the table (contents, "see page") link to their slides.
                var links: [Int: String] = [:]
                for page in Set(table.rows.flatMap { $0.cells.compactMap(\.linkedPage) }).sorted()
                where (1...slides.count).contains(page) {
                    links[page] = relationships.relate(to: PartName.slide(page), type: RelationshipType.slide)
                }
                tree.children.append(TableFrame(table: table, style: style)
                    .xml(id: shapes.takeID(), name: slide.name ?? slide.title, description: description,
                         link: { links[$0] }))
            case nil:
                break
            }
            var skipped = slide.native?.replacedRoles ?? []
            if case .chart(let chart)? = slide.native, chart.nativeLegend,
               slide.scene.elements.contains(where: { $0.role == "legend" }) {
                skipped.insert("legend")
            }
            if properties.footer != nil { skipped.formUnion(["footer", "page-number"]) }
            tree.children += shapes.shapes(for: slide.scene, skipping: skipped, skippingIndex: title.elementIndex,
                                           diagram: slide.native == nil ? slide.name.map { ($0, description) } : nil,
                                           chartName: slide.name)
            if let footer = properties.footer {
                tree.children += shapes.footerPlaceholders(footer, number: index + 1, count: slides.count, layout: layout)
            }
            let background = XMLNode("p:bg", [], [XMLNode("p:bgPr", [], [style.solidFill(slide.scene.background),
                                                                          XMLNode("a:effectLst")])])
            if let provenance = slide.provenance {
                let notesPath = PartName.notesSlide(index + 1)
                relationships.relate(to: notesPath, type: RelationshipType.notesSlide)
                var notes = PartRelationships()
                notes.relate(to: PartName.notesMaster, type: RelationshipType.notesMaster)
                notes.relate(to: slidePath, type: RelationshipType.slide)
                package.add(notesPath, contentType: PresentationParts.contentType + "notesSlide+xml",
                            xml: PresentationParts.notesSlide(paragraphs: provenance.paragraphs(style: style)),
                            relationships: notes)
            }
            package.add(slidePath, contentType: PresentationParts.contentType + "slide+xml",
                        xml: PresentationParts.root("p:sld", [
                            // The slide's name is its key across editions (`--update` matches slides by it).
                            XMLNode("p:cSld", [("name", slide.name ?? slide.title)], [background, tree]),
                            XMLNode("p:clrMapOvr", [], [XMLNode("a:masterClrMapping")]),
                        ]), relationships: relationships)
        }
        package.add(PartName.coreProperties, contentType: "application/vnd.openxmlformats-package.core-properties+xml",
                    xml: PresentationParts.coreProperties(title: properties.title, author: properties.author, date: properties.date))
        package.add(PartName.applicationProperties, contentType: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
                    xml: PresentationParts.applicationProperties(slideCount: slides.count))
        return try package.zipped(date: date)
    }

    /// Roles that carry no value position: drawn over the chart or not, they do not need
    /// its axis pinned.
    static let positionFreeRoles: Set<String> = ["", "title", "subtitle", "unit", "source-note", "footer", "page-number",
                                                  "legend", "note"]

    /// The roles of the shapes the slide draws over `chart`'s plot at value positions, in
    /// paint order without repeats, and the CAGR arrows the chart draws itself first: their
    /// formulas hold the labels' rises above the bars in the scene's axis units
    /// (ChartGrowthArrows), true on this axis only. Nil when there are none.
    static func overlays(on chart: NativeChart, in scene: Scene) -> [String]? {
        let plot = Rect(x: chart.plot.x - 1, y: chart.plot.y - 1, width: chart.plot.width + 2, height: chart.plot.height + 2)
        var roles: [String] = chart.growthArrows != nil && !chart.growthLabels.isEmpty ? ["cagr-arrow"] : []
        for element in scene.elements where !chart.replacedRoles.contains(element.role)
            && !positionFreeRoles.contains(element.role) && !roles.contains(element.role) {
            let box = SlideShapes.bounds(of: [element])
            if box.maxX >= plot.minX, box.minX <= plot.maxX, box.maxY >= plot.minY, box.minY <= plot.maxY {
                roles.append(element.role)
            }
        }
        return roles.isEmpty ? nil : roles
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
