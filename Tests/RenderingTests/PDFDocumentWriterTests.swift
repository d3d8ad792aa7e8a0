import XCTest
import Charts
@testable import Rendering

final class PDFDocumentWriterTests: RenderingTestCase {
    private let metadata = PDFMetadata(title: "中国AI大模型报告", author: "Research Team", subject: "Market sizing",
                                       keywords: "AI, 大模型", creator: "marketcast 0.1",
                                       creationDate: "2026-12-31T00:00:00Z")

    static func page(_ title: String, size: Size = Size(width: 960, height: 540)) -> Scene {
        var scene = Scene(size: size)
        scene.add(.text(TextBox(text: title, frame: Rect(x: 40, y: 40, width: 800, height: 40),
                                font: FontSpec(family: "Noto Sans CJK SC", size: 24), color: .black)), role: "title")
        scene.add(.rect(Rect(x: 40, y: 120, width: 200, height: 100), fill: .solid(Color(hex: 0x1F3A5F)),
                        stroke: nil, cornerRadius: 4))
        return scene
    }

    private func writeThreePages(to path: String) throws {
        let writer = try PDFDocumentWriter(path: path, pageSize: Size(width: 960, height: 540), metadata: metadata)
        try writer.addPage(Self.page("中国AI市场规模"), bookmark: "1 中国AI市场规模")
        try writer.addPage(Self.page("Methodology notes"), bookmark: nil)
        try writer.addPage(Self.page("ChatGPT monthly visits", size: Size(width: 595, height: 842)),
                           bookmark: "2 ChatGPT (visits)")
        XCTAssertEqual(writer.pageCount, 3)
        try writer.finish()
    }

    func testPagesTextAndPageSizes() throws {
        let path = folder + "/report.pdf"
        try writeThreePages(to: path)
        let info = try run("pdfinfo", ["-f", "1", "-l", "3", path])
        XCTAssertTrue(info.contains("Pages:           3"), info)
        XCTAssertTrue(info.contains("Page    1 size:  960 x 540 pts"), info)
        XCTAssertTrue(info.contains("Page    3 size:  595 x 842 pts"), info)
        XCTAssertEqual(try run("pdftotext", ["-f", "2", "-l", "2", path, "-"]).trimmingCharacters(in: .whitespacesAndNewlines),
                       "Methodology notes")
        XCTAssertEqual(try run("pdftotext", ["-f", "1", "-l", "1", path, "-"]).trimmingCharacters(in: .whitespacesAndNewlines),
                       "中国AI市场规模")
    }

    func testOutlineHasOneEntryPerBookmarkedPagePointingAtThatPage() throws {
        let path = folder + "/report.pdf"
        try writeThreePages(to: path)
        XCTAssertEqual(try PDFOutlineReader(pdfAt: path).items, [
            .init(title: "1 中国AI市场规模", pageNumber: 1),
            .init(title: "2 ChatGPT (visits)", pageNumber: 3),
        ])
    }

    func testMetadataIsWrittenWithTheFixedDates() throws {
        let path = folder + "/report.pdf"
        try writeThreePages(to: path)
        let info = try run("pdfinfo", ["-isodates", path])
        for expected in ["Title:           中国AI大模型报告", "Author:          Research Team",
                         "Subject:         Market sizing", "Keywords:        AI, 大模型",
                         "Creator:         marketcast 0.1", "CreationDate:    2026-12-31T00:00:00Z",
                         "ModDate:         2026-12-31T00:00:00Z"] {
            XCTAssertTrue(info.contains(expected), "missing \(expected) in\n\(info)")
        }
    }

    func testSameDocumentTwiceGivesIdenticalBytes() throws {
        try writeThreePages(to: folder + "/a.pdf")
        try writeThreePages(to: folder + "/b.pdf")
        XCTAssertEqual(try bytes(folder + "/a.pdf"), try bytes(folder + "/b.pdf"))
    }

    func testFontsAreEmbedded() throws {
        let path = folder + "/report.pdf"
        try writeThreePages(to: path)
        let fonts = try run("pdffonts", [path]).split(separator: "\n").dropFirst(2)
        XCTAssertFalse(fonts.isEmpty)
        for line in fonts {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            XCTAssertTrue(line.contains("NotoSansCJK"), String(line))
            // Columns from the right: object ID (2), uni, sub, emb.
            XCTAssertEqual(columns[columns.count - 5], "yes", "not embedded: \(line)")
        }
    }

    func testRejectsDatesCairoWouldIgnore() {
        var bad = metadata
        bad.creationDate = "31.12.2026"
        XCTAssertThrowsError(try PDFDocumentWriter(path: folder + "/x.pdf", pageSize: Size(width: 100, height: 100),
                                                   metadata: bad)) { error in
            XCTAssertTrue("\(error)".contains("31.12.2026"), "\(error)")
            XCTAssertTrue("\(error)".contains("x.pdf"), "\(error)")
        }
        XCTAssertTrue(PDFMetadata.isISO8601DateTime("2026-12-31T23:59:59+08:00"))
        XCTAssertTrue(PDFMetadata.isISO8601DateTime("2026-12-31T23:59:59"))
        XCTAssertFalse(PDFMetadata.isISO8601DateTime("2026-12-31"))
        XCTAssertFalse(PDFMetadata.isISO8601DateTime("2026-12-31T23:59:59+0800"))
    }

    func testMisuseIsAnErrorNotACrash() throws {
        let empty = try PDFDocumentWriter(path: folder + "/empty.pdf", pageSize: Size(width: 100, height: 100),
                                          metadata: metadata)
        XCTAssertThrowsError(try empty.finish())
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder + "/empty.pdf"))

        let writer = try PDFDocumentWriter(path: folder + "/once.pdf", pageSize: Size(width: 100, height: 100),
                                           metadata: metadata)
        try writer.addPage(Self.page("x"))
        try writer.finish()
        XCTAssertThrowsError(try writer.addPage(Self.page("y")))
        XCTAssertThrowsError(try writer.finish())
    }

    func testUnwritablePathNamesThePathAndTheReason() throws {
        let path = folder + "/missing-folder/report.pdf"
        let writer = try PDFDocumentWriter(path: path, pageSize: Size(width: 100, height: 100), metadata: metadata)
        try writer.addPage(Self.page("x"))
        XCTAssertThrowsError(try writer.finish()) { error in
            XCTAssertEqual(error as? RenderingError, .cannotWrite(path: path, cause: "No such file or directory"))
        }
    }

    func testAFailedPageStopsTheDocument() throws {
        let path = folder + "/broken.pdf"
        let writer = try PDFDocumentWriter(path: path, pageSize: Size(width: 100, height: 100), metadata: metadata)
        try writer.addPage(Self.page("fine"))
        var broken = Self.page("broken")
        broken.add(.path([.move(Point(0, 0)), .line(Point(9, 9))], fill: nil,
                         stroke: Stroke(color: .black, width: 1, dash: [0, 0])), role: "bad-dash")
        XCTAssertThrowsError(try writer.addPage(broken)) { XCTAssertTrue("\($0)".contains("bad-dash"), "\($0)") }
        XCTAssertThrowsError(try writer.addPage(Self.page("after")))
        XCTAssertThrowsError(try writer.finish())
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "no half-made PDF is written")
    }
}
