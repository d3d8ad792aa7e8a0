import Charts
@testable import Deck
import Foundation
import FoundationXML
import TestSupport
import XCTest

/// `--update` at the package level: slides matched by name, data shapes rewritten, the
/// analyst's shapes kept, everything listed (the python-pptx edits are in DeckCommandTests).
final class DeckUpdaterTests: XCTestCase {
    let deck = try! DeckWriter.data(slides: SampleDeck.slides(measurer: FakeMeasurer()), properties: SampleDeck.properties)

    func testWhichShapesTheDataDecide() {
        XCTAssertTrue(DeckUpdater.isDataShape("market-size CAGR 2"))
        XCTAssertTrue(DeckUpdater.isDataShape("market-size bounds"))
        XCTAssertTrue(DeckUpdater.isDataShape("source-note 1"))
        XCTAssertTrue(DeckUpdater.isDataShape("cagr-label 1"))
        XCTAssertFalse(DeckUpdater.isDataShape("legend 3"))
        XCTAssertFalse(DeckUpdater.isDataShape("Analyst note"))
        XCTAssertTrue(DeckUpdater.keepsPlace("unit 1"))
        XCTAssertFalse(DeckUpdater.keepsPlace("source-note 1"))
    }

    func testADeletedGroupIsListedAndAnAddedShapeKept() throws {
        // The analyst deletes the source note and adds a text box on the chart slide.
        var package = try DeckPackage(deck)
        var slide = String(decoding: package.parts["ppt/slides/slide1.xml"]!, as: UTF8.self)
        let name = try XCTUnwrap(slide.range(of: "name=\"source-note 1\""))
        let start = try XCTUnwrap(slide.range(of: "<p:sp>", options: .backwards, range: slide.startIndex..<name.lowerBound))
        let end = try XCTUnwrap(slide.range(of: "</p:sp>", range: name.upperBound..<slide.endIndex))
        slide.removeSubrange(start.lowerBound..<end.upperBound)
        let box = "<p:sp><p:nvSpPr><p:cNvPr id=\"900\" name=\"Analyst note\"/><p:cNvSpPr txBox=\"1\"/><p:nvPr/></p:nvSpPr>"
            + "<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:t>批注</a:t></a:r></a:p></p:txBody></p:sp>"
        slide = slide.replacingOccurrences(of: "</p:spTree>", with: box + "</p:spTree>")
        package = try DeckPackage(deck)
        let edited = try rezip(package, replacing: ["ppt/slides/slide1.xml": Data(slide.utf8)])
        let (data, report) = try DeckUpdater.update(old: edited, new: deck, date: "2026-11-29")
        XCTAssertTrue(report.notUpdated.contains { $0.contains("source-note 1") }, "\(report.notUpdated)")
        XCTAssertTrue(report.updated.contains { $0.contains("chart market-size") }, "\(report.updated)")
        let updated = try DeckPackage(data)
        let text = String(decoding: updated.parts["ppt/slides/slide1.xml"]!, as: UTF8.self)
        XCTAssertTrue(text.contains("Analyst note") && text.contains("批注"))
        XCTAssertFalse(text.contains("source-note 1"))
        XCTAssertTrue(text.contains("unit 1"))
        // Ids stay unique on the slide.
        let ids = DeckPackage.elements("p:cNvPr", in: try updated.xml("ppt/slides/slide1.xml")).compactMap { DeckPackage.attribute($0, "id") }
        XCTAssertEqual(ids.count, Set(ids).count)
    }

    /// A deck of an edition that drew a chart's CAGR arrow as a group: this edition draws it
    /// in the chart, so the group goes, and the list says so.
    func testAnEarlierEditionsArrowGroupIsRemoved() throws {
        let package = try DeckPackage(deck)
        var slide = String(decoding: package.parts["ppt/slides/slide1.xml"]!, as: UTF8.self)
        XCTAssertFalse(slide.contains("market-size CAGR 1"), "this edition draws the arrow as shapes")
        let group = "<p:grpSp><p:nvGrpSpPr><p:cNvPr id=\"901\" name=\"market-size CAGR 1\" descr=\"CAGR 19.2%\"/>"
            + "<p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/></p:grpSp>"
        slide = slide.replacingOccurrences(of: "</p:spTree>", with: group + "</p:spTree>")
        let earlier = try rezip(package, replacing: ["ppt/slides/slide1.xml": Data(slide.utf8)])
        let (data, report) = try DeckUpdater.update(old: earlier, new: deck, date: "2026-11-29")
        XCTAssertTrue(report.updated.contains { $0.contains("removed market-size CAGR 1") }, "\(report.updated)")
        let text = String(decoding: try DeckPackage(data).parts["ppt/slides/slide1.xml"]!, as: UTF8.self)
        XCTAssertFalse(text.contains("market-size CAGR 1"))
    }

    private func rezip(_ package: DeckPackage, replacing: [String: Data]) throws -> Data {
        var parts = package.parts
        for (name, data) in replacing { parts[name] = data }
        return try DeckUpdater.Package(names: package.entryNames, entries: parts).zipped(replacing: [:], date: Date(timeIntervalSince1970: 0))
    }
}
