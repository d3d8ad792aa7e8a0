import XCTest
@testable import Rendering

final class SVGIdentifiersTests: XCTestCase {
    private func normalize(_ text: String) -> String {
        String(decoding: SVGIdentifiers.normalize(Array(text.utf8)), as: UTF8.self)
    }

    func testRenumbersGlobalIdsAndTheirReferencesInDefinitionOrder() {
        let input = """
        <clipPath id="clip7"><rect/></clipPath><g id="surface92" clip-path="url(#clip7)">\
        <use xlink:href="#surface9"/><g id="surface9"/><use xlink:href="#glyph0-1"/></g>
        """
        let expected = """
        <clipPath id="clip1"><rect/></clipPath><g id="surface1" clip-path="url(#clip1)">\
        <use xlink:href="#surface2"/><g id="surface2"/><use xlink:href="#glyph0-1"/></g>
        """
        XCTAssertEqual(normalize(input), expected)
    }

    func testLeavesOtherIdsAndTextAlone() {
        // Per-document glyph ids, ids without digits, and names that no id defines stay as they are.
        let input = ##"<g id="glyph0-1"/><g id="legend"/><use href="#surface3"/>"##
        XCTAssertEqual(normalize(input), input)
        XCTAssertEqual(normalize(##"<g id="a12"/><use href="#a12"/><use href="#a123"/>"##),
                       ##"<g id="a1"/><use href="#a1"/><use href="#a123"/>"##)
    }
}
