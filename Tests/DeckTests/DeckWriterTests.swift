import Charts
import Deck
import Foundation
import FoundationXML
import TestSupport
import XCTest

/// The deck as a package: closed (every relationship target exists, every part typed),
/// content types first, the same bytes whatever the clock or the time zone.
final class DeckWriterTests: XCTestCase {
    let deck = try! DeckWriter.data(slides: SampleDeck.slides(measurer: FakeMeasurer()), properties: SampleDeck.properties)

    func testContentTypesComeFirstAndEveryPartIsTyped() throws {
        let package = try DeckPackage(deck)
        XCTAssertEqual(package.entryNames.first, "[Content_Types].xml")
        let types = try package.xml("[Content_Types].xml")
        let overrides = Set(DeckPackage.elements("Override", in: types).compactMap { DeckPackage.attribute($0, "PartName") })
        let defaults = Set(DeckPackage.elements("Default", in: types).compactMap { DeckPackage.attribute($0, "Extension") })
        for name in package.entryNames where name != "[Content_Types].xml" {
            let typed = overrides.contains("/" + name) || defaults.contains(String(name.split(separator: ".").last ?? ""))
            XCTAssertTrue(typed, "\(name) has no content type")
        }
        for override in overrides {
            XCTAssertNotNil(package.parts[String(override.dropFirst())], "content type for a missing part \(override)")
        }
    }

    func testEveryRelationshipTargetExistsAndEveryPartParses() throws {
        let package = try DeckPackage(deck)
        var relationshipCount = 0
        for name in package.entryNames where name.hasSuffix(".rels") {
            let source: String
            if name == "_rels/.rels" {
                source = ""
            } else {
                let folder = ((name as NSString).deletingLastPathComponent as NSString).deletingLastPathComponent
                let file = ((name as NSString).lastPathComponent as NSString).deletingPathExtension
                source = folder.isEmpty ? file : folder + "/" + file
                XCTAssertNotNil(package.parts[source], "\(name) belongs to no part")
            }
            for relationship in DeckPackage.elements("Relationship", in: try package.xml(name)) {
                relationshipCount += 1
                let target = DeckPackage.attribute(relationship, "Target") ?? ""
                let resolved = source.isEmpty ? target : DeckPackage.resolve(target, from: source)
                XCTAssertNotNil(package.parts[resolved], "\(name) points at \(target), which is not in the package")
            }
        }
        XCTAssertGreaterThan(relationshipCount, 10)
        for name in package.entryNames where name.hasSuffix(".xml") || name.hasSuffix(".rels") {
            XCTAssertNoThrow(try package.xml(name), "\(name) is not well-formed XML")
        }
    }

    func testSameSlidesGiveTheSameBytesInAnyTimeZone() throws {
        let zone = ProcessInfo.processInfo.environment["TZ"]
        defer { if let zone { setenv("TZ", zone, 1) } else { unsetenv("TZ") }; tzset() }
        setenv("TZ", "Pacific/Kiritimati", 1); tzset()
        let east = try DeckWriter.data(slides: SampleDeck.slides(measurer: FakeMeasurer()), properties: SampleDeck.properties)
        setenv("TZ", "America/Adak", 1); tzset()
        let west = try DeckWriter.data(slides: SampleDeck.slides(measurer: FakeMeasurer()), properties: SampleDeck.properties)
        XCTAssertEqual(east, deck)
        XCTAssertEqual(west, deck)
    }

    func testDocumentPropertiesCarryTheReportDateNotTheClock() throws {
        let core = try DeckPackage(deck).xml("docProps/core.xml")
        let created = DeckPackage.elements("dcterms:created", in: core).first?.stringValue
        XCTAssertEqual(created, "2026-11-29T00:00:00Z")
        let dates = try DeckPackage(deck).entryDates
        XCTAssertFalse(dates.isEmpty)
        XCTAssertTrue(dates.allSatisfy { $0 == "2026-11-29 00:00" }, "zip entries dated \(Set(dates))")
    }

    func testEveryRunNamesTheThemeFontsAndTheLanguage() throws {
        let package = try DeckPackage(deck)
        let slide = try package.xml("ppt/slides/slide1.xml")
        let runs = DeckPackage.elements("a:rPr", in: slide)
        XCTAssertFalse(runs.isEmpty)
        for run in runs {
            XCTAssertEqual(DeckPackage.attribute(run, "lang"), "zh-CN")
            let ea = DeckPackage.elements("a:ea", in: run).first.flatMap { DeckPackage.attribute($0, "typeface") }
            let latin = DeckPackage.elements("a:latin", in: run).first.flatMap { DeckPackage.attribute($0, "typeface") }
            XCTAssertTrue(["+mn-ea", "+mj-ea"].contains(ea ?? ""), "a run names \(ea ?? "no") East Asian font")
            XCTAssertTrue(["+mn-lt", "+mj-lt"].contains(latin ?? ""), "a run names \(latin ?? "no") Latin font")
        }
        // The theme names the fonts once: change them there and every run follows.
        let theme = try package.xml("ppt/theme/theme1.xml")
        for scheme in ["a:majorFont", "a:minorFont"] {
            let font = try XCTUnwrap(DeckPackage.elements(scheme, in: theme).first)
            XCTAssertEqual(DeckPackage.elements("a:latin", in: font).first.flatMap { DeckPackage.attribute($0, "typeface") }, "Arial")
            XCTAssertEqual(DeckPackage.elements("a:ea", in: font).first.flatMap { DeckPackage.attribute($0, "typeface") },
                           "Noto Sans CJK SC")
        }
        // The title is in the heading font.
        let title = try XCTUnwrap(DeckPackage.elements("p:sp", in: slide).first)
        XCTAssertEqual(DeckPackage.elements("a:ea", in: title).first.flatMap { DeckPackage.attribute($0, "typeface") }, "+mj-ea")
    }

    func testTableSlideHoldsANativeTableWithTheCells() throws {
        let slide = try DeckPackage(deck).xml("ppt/slides/slide2.xml")
        let cells = DeckPackage.elements("a:tc", in: slide).map { $0.stringValue ?? "" }
        XCTAssertEqual(cells, ["厂商", "模型", "百度", "文心一言", "阿里巴巴", "通义千问"])
        // The scene's cell texts are not drawn a second time as text boxes.
        let boxes = DeckPackage.elements("p:sp", in: slide).map { $0.stringValue ?? "" }
        XCTAssertFalse(boxes.contains { $0.contains("文心一言") })
    }

    func testShapesOnlySlideKeepsEveryTextOfTheScene() throws {
        let slide = try DeckPackage(deck).xml("ppt/slides/slide3.xml")
        let texts = DeckPackage.elements("a:t", in: slide).compactMap(\.stringValue)
        for label in ["2019", "2025E", "未发布", "CAGR 19.2%", "单位：亿元"] {
            XCTAssertTrue(texts.contains(label), "\(label) is missing from the shapes-only slide")
        }
        XCTAssertTrue(DeckPackage.elements("p:graphicFrame", in: slide).isEmpty)
    }

    /// Commentary's bold and italic spans reach the slide as runs of their own.
    func testStyledTextKeepsItsBoldAndItalicRuns() throws {
        var scene = Scene(size: Theme.standard.pageSize, background: .white)
        scene.add(.text(TextBox(spans: [TextSpan("我们的判断：", bold: true), TextSpan("基准情景"), TextSpan("为量级参考", italic: true)],
                                frame: Rect(x: 40, y: 80, width: 400, height: 40),
                                font: Theme.standard.font(13), color: .black)), role: "commentary-text")
        let data = try DeckWriter.data(slides: [DeckSlide(scene: scene, native: nil, title: "市场与展望", name: "commentary-1")],
                                       properties: SampleDeck.properties)
        let slide = try DeckPackage(data).xml("ppt/slides/slide1.xml")
        let runs = DeckPackage.elements("a:r", in: slide).map { run -> (String, String?, String?) in
            let properties = DeckPackage.elements("a:rPr", in: run).first
            return (DeckPackage.elements("a:t", in: run).first?.stringValue ?? "",
                    properties.flatMap { DeckPackage.attribute($0, "b") }, properties.flatMap { DeckPackage.attribute($0, "i") })
        }.filter { ["我们的判断：", "基准情景", "为量级参考"].contains($0.0) }
        XCTAssertEqual(runs.map(\.0), ["我们的判断：", "基准情景", "为量级参考"])
        XCTAssertEqual(runs.map(\.1), ["1", "0", "0"])
        XCTAssertEqual(runs.map(\.2), [nil, nil, "1"])
    }
}
