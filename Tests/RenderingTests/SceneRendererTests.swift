import TestSupport
import XCTest
import Charts
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Rendering

final class SceneRendererTests: RenderingTestCase {
    func testPNGAtScaleTwoIs1920By1080ForA960By540Scene() throws {
        let path = folder + "/chart.png"
        try SceneRenderer().write(SampleScenes.mixed(), to: path, format: .png, scale: 2)
        let size = try pngPixelSize(path)
        XCTAssertEqual(size.width, 1920)
        XCTAssertEqual(size.height, 1080)
    }

    func testPNGScaleSetsPixelSize() throws {
        let path = folder + "/small.png"
        try SceneRenderer().write(SampleScenes.mixed(), to: path, format: .png, scale: 0.5)
        let size = try pngPixelSize(path)
        XCTAssertEqual(size.width, 480)
        XCTAssertEqual(size.height, 270)
    }

    func testChineseTextSurvivesIntoThePDFWithTheCJKFontEmbedded() throws {
        var scene = Scene(size: Size(width: 400, height: 100))
        scene.add(.text(TextBox(text: "中国AI市场规模", frame: Rect(x: 10, y: 10, width: 380, height: 40),
                                font: FontSpec(family: "Noto Sans CJK SC", size: 24), color: .black)))
        let path = folder + "/cjk.pdf"
        try SceneRenderer().write(scene, to: path, format: .pdf, scale: 1)
        XCTAssertEqual(try run("pdftotext", [path, "-"]).trimmingCharacters(in: .whitespacesAndNewlines), "中国AI市场规模")
        let fonts = try run("pdffonts", [path])
        let cjkLine = fonts.split(separator: "\n").first { $0.contains("NotoSansCJKsc") }
        XCTAssertNotNil(cjkLine, fonts)
        if let columns = cjkLine?.split(separator: " ") {
            XCTAssertEqual(columns[columns.count - 5], "yes", "font not embedded: \(fonts)")
        }
    }

    func testSVGIsWellFormedXMLOfTheSceneSize() throws {
        let path = folder + "/chart.svg"
        try SceneRenderer().write(SampleScenes.mixed(), to: path, format: .svg, scale: 2)
        let document = try XMLDocument(contentsOf: URL(fileURLWithPath: path), options: [])
        let root = try XCTUnwrap(document.rootElement())
        XCTAssertEqual(root.name, "svg")
        XCTAssertEqual(attributeValue(root, "width"), "960pt")
        XCTAssertEqual(attributeValue(root, "height"), "540pt")
        // Every internal reference must resolve after id normalisation.
        let text = String(decoding: try bytes(path), as: UTF8.self)
        let ids = Set(try document.nodes(forXPath: "//@id").compactMap { $0.stringValue })
        for reference in references(in: text) {
            XCTAssertTrue(ids.contains(reference), "dangling reference #\(reference)")
        }
        XCTAssertTrue(ids.contains("surface1"), "page group id is renumbered from 1")
    }

    func testSameSceneGivesIdenticalBytesInEveryFormatEvenAfterOtherRenders() throws {
        let renderer = SceneRenderer()
        for format in ImageFormat.allCases {
            let first = try renderer.encode(SampleScenes.mixed(), format: format)
            // Other renders in between advance Cairo's process-global surface counter.
            _ = try renderer.encode(PDFDocumentWriterTests.page("other"), format: .svg)
            _ = try SceneRenderer().encode(PDFDocumentWriterTests.page("other"), format: format)
            let second = try renderer.encode(SampleScenes.mixed(), format: format)
            XCTAssertEqual(first, second, "\(format) output differs between two renders")
        }
    }

    func testEncodeMatchesTheWrittenFile() throws {
        let path = folder + "/chart.pdf"
        let renderer = SceneRenderer()
        try renderer.write(SampleScenes.mixed(), to: path, format: .pdf)
        XCTAssertEqual(try bytes(path), try renderer.encode(SampleScenes.mixed(), format: .pdf))
    }

    func testUnwritablePathThrowsNamingPathAndCause() {
        for format in ImageFormat.allCases {
            let path = folder + "/no-such-folder/chart.\(format.rawValue)"
            XCTAssertThrowsError(try SceneRenderer().write(SampleScenes.mixed(), to: path, format: format)) { error in
                XCTAssertEqual(error as? RenderingError, .cannotWrite(path: path, cause: "No such file or directory"))
                XCTAssertTrue("\(error)".contains(path))
            }
        }
    }

    func testFullDiskThrowsNoSpace() throws {
        try XCTSkipUnless(FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full")
        XCTAssertThrowsError(try SceneRenderer().write(SampleScenes.mixed(), to: "/dev/full", format: .png)) { error in
            XCTAssertEqual(error as? RenderingError, .cannotWrite(path: "/dev/full", cause: "No space left on device"))
        }
    }

    func testInvalidArgumentsAreErrors() {
        let renderer = SceneRenderer()
        XCTAssertThrowsError(try renderer.encode(SampleScenes.mixed(), format: .png, scale: 0))
        XCTAssertThrowsError(try renderer.encode(SampleScenes.mixed(), format: .png, scale: .nan))
        XCTAssertThrowsError(try renderer.encode(SampleScenes.mixed(), format: .png, scale: 100), "96000 px is too wide")
        XCTAssertThrowsError(try renderer.encode(Scene(size: Size(width: 0, height: 10)), format: .pdf))
    }

    func testInvalidDashNamesTheItemInsteadOfDrawingNothing() {
        var scene = Scene(size: Size(width: 100, height: 100))
        scene.add(.rect(Rect(x: 0, y: 0, width: 10, height: 10), fill: .solid(.black), stroke: nil, cornerRadius: 0))
        scene.add(.path([.move(Point(0, 0)), .line(Point(50, 50))], fill: nil,
                        stroke: Stroke(color: .black, width: 1, dash: [-2, 3])), role: "cagr-arrow")
        for format in ImageFormat.allCases {
            XCTAssertThrowsError(try SceneRenderer().encode(scene, format: format, path: "x")) { error in
                XCTAssertTrue("\(error)".contains("item 1 (role \"cagr-arrow\")"), "\(error)")
            }
        }
    }

    /// Text sits where the scene says: left edge, centre or right edge of its frame, top
    /// at frame.minY, and as wide as the measurer says (checked through the PDF's own
    /// glyph positions, which pdftotext reports).
    func testTextIsPlacedAndSizedAsMeasured() throws {
        let font = FontSpec(family: "Noto Sans CJK SC", size: 18)
        let measurer = PangoTextMeasurer()
        var scene = Scene(size: Size(width: 600, height: 300))
        let frames: [(String, TextAlignment, Rect)] = [
            ("Left2019", .left, Rect(x: 20, y: 20, width: 300, height: 30)),
            ("中间Centre", .center, Rect(x: 20, y: 80, width: 300, height: 30)),
            ("Right亿元", .right, Rect(x: 20, y: 140, width: 300, height: 30)),
        ]
        for (text, alignment, frame) in frames {
            scene.add(.text(TextBox(text: text, frame: frame, font: font, color: .black, alignment: alignment)))
        }
        let path = folder + "/placement.pdf"
        try SceneRenderer(measurer: measurer).write(scene, to: path, format: .pdf)
        let words = try wordBoxes(try run("pdftotext", ["-bbox", path, "-"]))
        XCTAssertEqual(words.map { $0.text }, frames.map { $0.0 })
        for ((text, alignment, frame), word) in zip(frames, words) {
            let width = measurer.measure(text, font: font, maxWidth: nil).width
            XCTAssertEqual(word.maxX - word.minX, width, accuracy: 0.01, text)
            XCTAssertEqual(word.minY, frame.minY, accuracy: 0.01, text)
            let expectedMinX: Double
            switch alignment {
            case .left: expectedMinX = frame.minX
            case .center: expectedMinX = frame.midX - width / 2
            case .right: expectedMinX = frame.maxX - width
            }
            XCTAssertEqual(word.minX, expectedMinX, accuracy: 0.01, text)
        }
    }

    func testWrappedTextStaysInsideItsFrameWidth() throws {
        let font = FontSpec(family: "Noto Sans CJK SC", size: 14)
        let text = "来源：中国信通院，中商产业研究院；E 为 marketcast 的预测（恒定增长模型），仅供参考。"
        let frame = Rect(x: 50, y: 30, width: 180, height: 200)
        var scene = Scene(size: Size(width: 300, height: 300))
        scene.add(.text(TextBox(text: text, frame: frame, font: font, color: .black, alignment: .right, wraps: true)))
        let path = folder + "/wrapped.pdf"
        let measurer = PangoTextMeasurer()
        try SceneRenderer(measurer: measurer).write(scene, to: path, format: .pdf)
        let words = try wordBoxes(try run("pdftotext", ["-bbox", path, "-"]))
        XCTAssertFalse(words.isEmpty)
        let lineTops = Set(words.map { ($0.minY * 100).rounded() })
        XCTAssertEqual(lineTops.count, measurer.lineCount(text, font: font, maxWidth: frame.width))
        let measured = measurer.measure(text, font: font, maxWidth: frame.width)
        for word in words {
            XCTAssertGreaterThanOrEqual(word.minX, frame.minX - 0.01, word.text)
            XCTAssertLessThanOrEqual(word.maxX, frame.maxX + 0.01, word.text)
            XCTAssertLessThanOrEqual(word.maxY, frame.minY + measured.height + 0.01, word.text)
        }
    }

    /// The PNG (Cairo's rasteriser at ×2) and the PDF rasterised by poppler's Cairo
    /// backend at 144 dpi must show the same picture: same glyph positions on both
    /// surfaces, not just the same vector commands.
    func testPNGAndPDFAgreeWhenRasterised() throws {
        let renderer = SceneRenderer()
        try renderer.write(SampleScenes.mixed(), to: folder + "/direct.png", format: .png, scale: 2)
        try renderer.write(SampleScenes.mixed(), to: folder + "/via.pdf", format: .pdf)
        _ = try run("pdftocairo", ["-png", "-r", "144", "-singlefile", folder + "/via.pdf", folder + "/via"])
        let difference = try ImageComparison.compare(pngAt: folder + "/direct.png", withPNGAt: folder + "/via.png",
                                                     perChannelTolerance: 16)
        XCTAssertLessThan(difference.fractionDiffering, 0.0005, "\(difference)")

        // The threshold has teeth: moving the text by one pixel (0.5 pt) exceeds it.
        var shifted = Scene(size: SampleScenes.mixed().size)
        for (item, role) in zip(SampleScenes.mixed().items, SampleScenes.mixed().roles) {
            if case .text = item { shifted.add(item.translated(by: Point(0.5, 0)), role: role) } else { shifted.add(item, role: role) }
        }
        try renderer.write(shifted, to: folder + "/shifted.png", format: .png, scale: 2)
        let shiftedDifference = try ImageComparison.compare(pngAt: folder + "/shifted.png", withPNGAt: folder + "/via.png",
                                                            perChannelTolerance: 16)
        XCTAssertGreaterThan(shiftedDifference.fractionDiffering, 0.0005, "\(shiftedDifference)")
    }

    private struct WordBox { let text: String; let minX, minY, maxX, maxY: Double }

    /// Words and boxes from `pdftotext -bbox` output.
    private func wordBoxes(_ html: String) throws -> [WordBox] {
        let document = try XMLDocument(xmlString: html, options: [])
        return try document.nodes(forXPath: "//*[local-name()='word']").compactMap { node in
            guard let element = node as? XMLElement else { return nil }
            func value(_ name: String) -> Double { Double(attributeValue(element, name) ?? "") ?? .nan }
            return WordBox(text: element.stringValue ?? "", minX: value("xMin"), minY: value("yMin"),
                           maxX: value("xMax"), maxY: value("yMax"))
        }
    }

    /// An attribute by its local name. (FoundationXML on Linux does not find unprefixed
    /// attributes of namespaced elements through `attribute(forName:)`.)
    private func attributeValue(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.localName == name || $0.name == name }?.stringValue
    }

    /// Targets of `href="#x"` and `url(#x)` references in an SVG.
    private func references(in svg: String) -> [String] {
        var found: [String] = []
        for marker in ["href=\"#", "url(#"] {
            var rest = svg[...]
            while let range = rest.range(of: marker) {
                let name = rest[range.upperBound...].prefix { $0 != "\"" && $0 != ")" }
                found.append(String(name))
                rest = rest[range.upperBound...]
            }
        }
        return found
    }
}
