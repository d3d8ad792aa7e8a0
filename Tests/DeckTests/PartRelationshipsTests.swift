@testable import Deck
import XCTest

/// The package layer hands out relationship ids and spells relative targets: ids count up
/// in the order parts are related, targets are relative to the part that writes them.
final class PartRelationshipsTests: XCTestCase {
    func testIdsCountUpAndTargetsAreRelativeToTheSource() {
        var slide = PartRelationships()
        let layout = slide.relate(to: "ppt/slideLayouts/slideLayout1.xml", type: RelationshipType.slideLayout)
        let chart = slide.relate(to: "ppt/charts/chart2.xml", type: RelationshipType.chart)
        let link = slide.relate(to: "ppt/slides/slide7.xml", type: RelationshipType.slide)
        XCTAssertEqual([layout, chart, link], ["rId1", "rId2", "rId3"])
        XCTAssertEqual(slide.relationships(from: "ppt/slides/slide1.xml").map(\.target),
                       ["../slideLayouts/slideLayout1.xml", "../charts/chart2.xml", "slide7.xml"])
        XCTAssertEqual(slide.relationships(from: "ppt/slides/slide1.xml").map(\.type),
                       [RelationshipType.slideLayout, RelationshipType.chart, RelationshipType.slide])
    }

    func testThePackagesOwnRelationshipsNamePackagePaths() {
        var package = OPCPackage()
        package.packageRelationships.relate(to: "ppt/presentation.xml", type: RelationshipType.officeDocument)
        var presentation = PartRelationships()
        presentation.relate(to: "ppt/slideMasters/slideMaster1.xml", type: RelationshipType.slideMaster)
        presentation.relate(to: "templates/theme/theme9.xml", type: RelationshipType.theme)
        package.add("ppt/presentation.xml", contentType: "application/xml", xml: XMLNode("p:presentation"),
                    relationships: presentation)
        let entries = Dictionary(uniqueKeysWithValues: package.entries().map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
        XCTAssertTrue(entries["_rels/.rels"]?.contains(#"Id="rId1""#) ?? false)
        XCTAssertTrue(entries["_rels/.rels"]?.contains(#"Target="ppt/presentation.xml""#) ?? false)
        let rels = entries["ppt/_rels/presentation.xml.rels"] ?? ""
        XCTAssertTrue(rels.contains(#"Id="rId1" Type="\#(RelationshipType.slideMaster)" Target="slideMasters/slideMaster1.xml""#), rels)
        XCTAssertTrue(rels.contains(#"Id="rId2" Type="\#(RelationshipType.theme)" Target="../templates/theme/theme9.xml""#), rels)
    }
}
