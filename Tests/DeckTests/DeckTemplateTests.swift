import Charts
@testable import Deck
import Foundation
import FoundationXML
import TestSupport
import XCTest

/// The deck as a template-built presentation: a master with placeholders and three layouts,
/// every slide on a layout with its title in the title placeholder (first in reading
/// order), footer, date and slide number in their placeholders, house colours as theme
/// references, annotations and diagrams as named groups with alt text, and the provenance
/// in the speaker notes.
final class DeckTemplateTests: XCTestCase {
    let deck = try! DeckPackage(try! DeckWriter.data(slides: SampleDeck.slides(measurer: FakeMeasurer()),
                                                     properties: SampleDeck.properties))

    func placeholderTypes(in node: FoundationXML.XMLNode) -> [String] {
        DeckPackage.elements("p:ph", in: node).map { DeckPackage.attribute($0, "type") ?? "body" }
    }

    func testMasterAndLayoutsCarryPlaceholders() throws {
        let master = try deck.xml("ppt/slideMasters/slideMaster1.xml")
        XCTAssertEqual(placeholderTypes(in: master), ["title", "body", "dt", "ftr", "sldNum"])
        XCTAssertEqual(DeckPackage.elements("a:fld", in: master).first.flatMap { DeckPackage.attribute($0, "type") }, "slidenum")
        let title = try XCTUnwrap(DeckPackage.elements("p:titleStyle", in: master).first)
        XCTAssertEqual(DeckPackage.elements("a:ea", in: title).first.flatMap { DeckPackage.attribute($0, "typeface") }, "+mj-ea")
        var layouts: [String: [String]] = [:]
        for k in 1...3 {
            let layout = try deck.xml("ppt/slideLayouts/slideLayout\(k).xml")
            let name = DeckPackage.elements("p:cSld", in: layout).first.flatMap { DeckPackage.attribute($0, "name") } ?? ""
            layouts[name] = placeholderTypes(in: layout)
        }
        XCTAssertEqual(layouts["Title Only"], ["title", "dt", "ftr", "sldNum"])
        XCTAssertEqual(layouts["Title Slide"], ["ctrTitle", "subTitle", "dt", "ftr", "sldNum"])
        XCTAssertEqual(layouts["Blank"], ["dt", "ftr", "sldNum"])
    }

    func testEverySlideHasItsTitleInTheTitlePlaceholderFirst() throws {
        for (k, title) in ["中国AI市场规模，2019–2025E", "表格", "中国AI市场规模，2019–2025E"].enumerated() {
            let slide = try deck.xml("ppt/slides/slide\(k + 1).xml")
            let tree = try XCTUnwrap(DeckPackage.elements("p:spTree", in: slide).first)
            let shapes = (tree.children ?? []).compactMap { $0 as? XMLElement }
                .filter { !["p:nvGrpSpPr", "p:grpSpPr"].contains($0.name ?? "") }
            let first = try XCTUnwrap(shapes.first)
            XCTAssertEqual(placeholderTypes(in: first), ["title"], "slide \(k + 1): the first shape is no title placeholder")
            XCTAssertEqual(DeckPackage.elements("a:t", in: first).compactMap(\.stringValue).joined(), title)
            // The scene's title is not drawn a second time.
            let texts = DeckPackage.elements("a:t", in: slide).compactMap(\.stringValue)
            XCTAssertEqual(texts.filter { $0 == title }.count, 1, "slide \(k + 1)")
            let rels = try deck.xml("ppt/slides/_rels/slide\(k + 1).xml.rels")
            XCTAssertTrue(DeckPackage.elements("Relationship", in: rels)
                .contains { DeckPackage.attribute($0, "Target") == "../slideLayouts/slideLayout1.xml" })
        }
    }

    func testFooterDateAndSlideNumberArePlaceholdersWithAField() throws {
        let slide = try deck.xml("ppt/slides/slide2.xml")
        let types = placeholderTypes(in: slide)
        for type in ["ftr", "dt", "sldNum"] { XCTAssertTrue(types.contains(type), "no \(type) placeholder") }
        let field = try XCTUnwrap(DeckPackage.elements("a:fld", in: slide).first)
        XCTAssertEqual(DeckPackage.attribute(field, "type"), "slidenum")
        XCTAssertEqual(field.stringValue, "2")
        let texts = DeckPackage.elements("a:t", in: slide).compactMap(\.stringValue)
        XCTAssertTrue(texts.contains("2026-11-29"), "the document's date is missing")
        XCTAssertTrue(texts.contains("测试报告 · 2026Q4"))
        XCTAssertTrue(texts.contains(" / 3"))
    }

    func testHouseColoursAreThemeReferences() throws {
        for k in 1...3 {
            let slide = try deck.xml("ppt/slides/slide\(k).xml")
            XCTAssertTrue(DeckPackage.elements("a:srgbClr", in: slide).isEmpty,
                          "slide \(k) has literal colours: \(DeckPackage.elements("a:srgbClr", in: slide).compactMap { DeckPackage.attribute($0, "val") })")
            XCTAssertFalse(DeckPackage.elements("a:schemeClr", in: slide).isEmpty)
        }
        let chart = try deck.xml("ppt/charts/chart1.xml")
        XCTAssertTrue(DeckPackage.elements("a:srgbClr", in: chart).isEmpty)
        let theme = try deck.xml("ppt/theme/theme1.xml")
        let accent1 = try XCTUnwrap(DeckPackage.elements("a:accent1", in: theme).first)
        XCTAssertEqual(DeckPackage.elements("a:srgbClr", in: accent1).first.flatMap { DeckPackage.attribute($0, "val") }, "004488")
    }

    func testTintsOfAThemeColourAreTransformsOfIt() throws {
        let style = DeckStyle(language: .chinese, colors: .house(Theme.standard.palette))
        let palette = Theme.standard.palette
        XCTAssertEqual(style.reference(for: palette.actual)?.0, "accent1")
        XCTAssertEqual(style.reference(for: palette.accent)?.0, "accent6")
        XCTAssertEqual(style.reference(for: palette.text)?.0, "tx1")
        // The estimate blue is accent 1 lightened; its transforms give back the colour.
        let (slot, transforms) = try XCTUnwrap(style.reference(for: palette.estimate))
        XCTAssertEqual(slot, "accent1")
        XCTAssertEqual(transforms.map(\.name), ["a:satMod", "a:lumMod", "a:lumOff"])
        XCTAssertEqual(style.reference(for: palette.note)?.0, "tx2")
        // A colour of another hue is the accent nearest in hue, turned to it.
        let (green, turned) = try XCTUnwrap(style.reference(for: Color(hex: 0x11FF22)))
        XCTAssertEqual(green, "accent3")
        XCTAssertEqual(turned.first?.name, "a:hueOff")
        XCTAssertEqual(style.color(Color(hex: 0x11FF22)).name, "a:schemeClr")
    }

    /// The adoption curves' own palette (Paul Tol's) and the rank heatmap's pale shades
    /// (white blended toward the actual blue) are theme references whose transforms give
    /// back the scene's colour with the house theme, so the Design tab recolours them too.
    func testOtherPalettesAndHeatmapShadesAreTurnedAccents() throws {
        let style = DeckStyle(language: .chinese, colors: .house(Theme.standard.palette))
        let palette = Theme.standard.palette
        let tol: [Color] = [0x332288, 0x0077BB, 0x44AA99, 0x117733, 0x999933, 0xEE7733, 0xCC6677, 0x882255, 0xAA4499]
            .map { Color(hex: $0) }
        let shades = stride(from: 0.0, through: 1.0, by: 0.05).map { p in
            Color(red: palette.background.red + (palette.actual.red - palette.background.red) * p,
                  green: palette.background.green + (palette.actual.green - palette.background.green) * p,
                  blue: palette.background.blue + (palette.actual.blue - palette.background.blue) * p)
        }
        let slots = Dictionary(uniqueKeysWithValues: style.colors.slots.map { ($0.name, $0.color) })
        for color in tol + shades {
            let (slot, transforms) = try XCTUnwrap(style.reference(for: color), "\(DrawingML.hex(color)) stays RGB")
            // Apply the transforms as DrawingML does, in order, and compare per channel.
            var hsl = HSL(DrawingML.hex(try XCTUnwrap(slots[slot])))
            for transform in transforms {
                let value = Double(transform.attributes.first { $0.0 == "val" }?.1 ?? "") ?? .nan
                switch transform.name {
                case "a:hueOff": hsl.h = min(max(hsl.h + value / 60_000, 0), 360)
                case "a:satMod": hsl.s = min(1, hsl.s * value / 100_000)
                case "a:lumMod": hsl.l *= value / 100_000
                case "a:lumOff": hsl.l += value / 100_000
                default: XCTFail("unexpected transform \(transform.name)")
                }
            }
            XCTAssertTrue(hsl.isClose(to: HSL(DrawingML.hex(color))), "\(slot) \(transforms) does not give \(DrawingML.hex(color))")
            XCTAssertFalse(transforms.contains { $0.name == "a:hueOff" && abs(Double($0.attributes[0].1) ?? 0) > 180 * 60_000 },
                           "a turn of more than half the circle from the accent nearest in hue")
        }
    }

    /// A native market-size chart draws its CAGR arrows itself: its slide has no CAGR group.
    /// A scene drawn as shapes keeps each arrow with its pill as one group, with the pill's
    /// words as alt text.
    func testArrowsAreTheChartsOrGroupsWhenDrawnAsShapes() throws {
        let slide = try deck.xml("ppt/slides/slide1.xml")
        let names = DeckPackage.elements("p:cNvPr", in: slide).compactMap { DeckPackage.attribute($0, "name") }
        XCTAssertFalse(names.contains { $0.contains("CAGR") || $0.hasPrefix("cagr-") }, "\(names)")
        let layout = SampleDeck.marketSizeChart().layout(theme: .standard, measurer: FakeMeasurer())
        let shapes = try DeckPackage(try DeckWriter.data(slides: [DeckSlide(scene: layout.scene, native: nil, title: "shapes")],
                                                         properties: SampleDeck.properties)).xml("ppt/slides/slide1.xml")
        let groups = DeckPackage.elements("p:grpSp", in: shapes).compactMap {
            DeckPackage.elements("p:cNvPr", in: $0).first.flatMap { DeckPackage.attribute($0, "name") }
        }
        XCTAssertEqual(groups, ["CAGR 1", "CAGR 2"])
        let first = try XCTUnwrap(DeckPackage.elements("p:grpSp", in: shapes).first)
        XCTAssertEqual(DeckPackage.elements("p:cNvPr", in: first).first.flatMap { DeckPackage.attribute($0, "descr") }, "CAGR 19.2%")
        XCTAssertFalse(DeckPackage.elements("p:cxnSp", in: first).isEmpty, "the arrow is not in its group")
    }

    func testEveryChartTableAndDiagramHasAltText() throws {
        for k in 1...3 {
            let slide = try deck.xml("ppt/slides/slide\(k).xml")
            let frames = DeckPackage.elements("p:graphicFrame", in: slide) + DeckPackage.elements("p:grpSp", in: slide)
            XCTAssertFalse(frames.isEmpty)
            for frame in frames {
                let descr = DeckPackage.elements("p:cNvPr", in: frame).first.flatMap { DeckPackage.attribute($0, "descr") }
                XCTAssertFalse((descr ?? "").isEmpty, "slide \(k): an object without alt text")
            }
        }
        // A page drawn as shapes is one group carrying the page's name.
        let shapesOnly = try deck.xml("ppt/slides/slide3.xml")
        let names = DeckPackage.elements("p:grpSp", in: shapesOnly).compactMap {
            DeckPackage.elements("p:cNvPr", in: $0).first.flatMap { DeckPackage.attribute($0, "name") }
        }
        XCTAssertEqual(names.first, "market-size-shapes")
    }

    func testSpeakerNotesCarryTheProvenance() throws {
        let rels = try deck.xml("ppt/slides/_rels/slide1.xml.rels")
        let target = try XCTUnwrap(DeckPackage.elements("Relationship", in: rels)
            .compactMap { DeckPackage.attribute($0, "Target") }.first { $0.contains("notesSlide") })
        let notes = try deck.xml(DeckPackage.resolve(target, from: "ppt/slides/slide1.xml"))
        let text = DeckPackage.elements("a:t", in: notes).compactMap(\.stringValue)
        for expected in ["来源：测试数据", "market-size: CAICT 2025-12", "market-size: exponential — y = a·g^x", "区间: 95% 区间",
                         "a label did not fit", "datasets/market-size.csv (series:market-size): " + String(repeating: "ab", count: 32)] {
            XCTAssertTrue(text.contains(expected), "the notes lack \(expected): \(text)")
        }
        let presentation = try deck.xml("ppt/presentation.xml")
        XCTAssertEqual(DeckPackage.elements("p:notesMasterId", in: presentation).count, 1)
        // A slide without provenance has no notes page.
        let second = try deck.xml("ppt/slides/_rels/slide2.xml.rels")
        XCTAssertFalse(DeckPackage.elements("Relationship", in: second)
            .contains { (DeckPackage.attribute($0, "Target") ?? "").contains("notesSlide") })
    }
}

/// A deck built on a foreign template (Tests/Fixtures/deck-template/house.potx, made with
/// python-pptx by make_house_template.py in that folder).
final class FirmTemplateTests: XCTestCase {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/deck-template/house.potx").path

    func deck() throws -> DeckPackage {
        var properties = SampleDeck.properties
        properties.template = try DeckTemplate(path: Self.fixture)
        return try DeckPackage(try DeckWriter.data(slides: SampleDeck.slides(measurer: FakeMeasurer()), properties: properties))
    }

    func testTheTemplatesLayoutsAreChosenByType() throws {
        let template = try DeckTemplate(path: Self.fixture)
        XCTAssertEqual(template.pageLayout.name, "Title Only")
        XCTAssertEqual(template.coverLayout.name, "Title Slide")
        XCTAssertEqual(template.layouts.count, 11)
        XCTAssertEqual(template.slideSize?.width, 12_192_000)
    }

    func testSlidesAreBuiltOnTheTemplatesMasterLayoutsAndTheme() throws {
        let deck = try deck()
        // The template's master (with its firm band), every layout and its theme, unchanged.
        let master = try deck.xml("ppt/slideMasters/slideMaster1.xml")
        XCTAssertTrue(DeckPackage.elements("p:cNvPr", in: master).contains { DeckPackage.attribute($0, "name") == "Firm band" })
        let theme = try deck.xml("ppt/theme/theme1.xml")
        XCTAssertEqual(theme.rootElement().flatMap { DeckPackage.attribute($0, "name") }, "Firm House")
        XCTAssertEqual(deck.entryNames.filter { $0.hasPrefix("ppt/slideLayouts/slideLayout") && $0.hasSuffix(".xml") }.count, 11)
        // Each slide takes the Title Only layout; the title is in its title placeholder and
        // the footer placeholders carry the layout's indices.
        let template = try DeckTemplate(path: Self.fixture)
        let layout = template.pageLayout
        for k in 1...3 {
            let rels = try deck.xml("ppt/slides/_rels/slide\(k).xml.rels")
            let target = try XCTUnwrap(DeckPackage.elements("Relationship", in: rels).first.flatMap { DeckPackage.attribute($0, "Target") })
            XCTAssertEqual(DeckPackage.resolve(target, from: "ppt/slides/slide\(k).xml"), layout.path)
            let slide = try deck.xml("ppt/slides/slide\(k).xml")
            let placeholders = DeckPackage.elements("p:ph", in: slide)
            XCTAssertEqual(placeholders.first.flatMap { DeckPackage.attribute($0, "type") }, "title")
            let footer = try XCTUnwrap(placeholders.first { DeckPackage.attribute($0, "type") == "ftr" })
            XCTAssertEqual(DeckPackage.attribute(footer, "idx").flatMap(Int.init), layout.index(of: "ftr"))
            // House colours stay references, so they take the firm's theme colours.
            XCTAssertTrue(DeckPackage.elements("a:srgbClr", in: slide).isEmpty)
        }
        // No part of the package points nowhere.
        for name in deck.entryNames where name.hasSuffix(".rels") && name != "_rels/.rels" {
            let folder = ((name as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
            let file = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
            let source = folder.isEmpty ? file : folder + "/" + file
            for relationship in DeckPackage.elements("Relationship", in: try deck.xml(name)) {
                let target = DeckPackage.attribute(relationship, "Target") ?? ""
                XCTAssertNotNil(deck.parts[DeckPackage.resolve(target, from: source)], "\(name) points at a missing \(target)")
            }
        }
    }

    func testAFileThatIsNoPackageIsRefused() {
        XCTAssertThrowsError(try DeckTemplate(path: #filePath)) { error in
            XCTAssertTrue("\(error)".contains("not a zip package"), "\(error)")
        }
    }
}
