import XCTest
@testable import MarketData

final class TextDecodingTests: XCTestCase {
    func testPlainUTF8() throws {
        let decoded = try TextDecoding.decode(bytes("年份,规模\n2024,7470\n"), file: "a.csv")
        XCTAssertEqual(decoded.text, "年份,规模\n2024,7470\n")
        XCTAssertEqual(decoded.encoding, .utf8)
    }

    func testBOMIsDroppedAndLineEndsBecomeLF() throws {
        let data = Data([0xEF, 0xBB, 0xBF]) + bytes("a,b\r\n1,2\r3,4\n5,6\r\n")
        let decoded = try TextDecoding.decode(data, file: "a.csv")
        XCTAssertEqual(decoded.text, "a,b\n1,2\n3,4\n5,6\n")
        XCTAssertEqual(decoded.encoding, .utf8WithBOM)
    }

    func testGBKFixtureDecodesToTheSameText() throws {
        // The fixture was written by Python's 'gbk' codec, as Excel on Chinese Windows does.
        let decoded = try TextDecoding.read(path: Fixtures.path("gbk.csv"))
        XCTAssertEqual(decoded.encoding, .gb18030)
        XCTAssertEqual(decoded.text,
                       "year,value,unit,status,source\n2020,3031,亿元,actual,中国信通院\n2021,4305,亿元,actual,中国信通院\n")
    }

    func testGBKBytesFromPython() throws {
        // '中国,亿元'.encode('gbk') in Python 3.
        let gbk = Data([0xD6, 0xD0, 0xB9, 0xFA, 0x2C, 0xD2, 0xDA, 0xD4, 0xAA])
        let decoded = try TextDecoding.decode(gbk, file: "g.csv")
        XCTAssertEqual(decoded.text, "中国,亿元")
        XCTAssertEqual(decoded.encoding, .gb18030)
    }

    func testGB18030FourByteSequencesAndCP936Euro() throws {
        // '𠀀'.encode('gb18030') == 95 32 82 36 (a four-byte sequence, outside GBK); Excel's
        // cp936 writes € as the single byte 0x80; “中” are GBK's curly quotes around 中.
        let data = Data([0x95, 0x32, 0x82, 0x36, 0x2C, 0x80, 0x2C, 0xA1, 0xB0, 0xD6, 0xD0, 0xA1, 0xB1])
        XCTAssertEqual(try TextDecoding.decode(data, file: "g.csv").text, "𠀀,€,“中”")
        // A lead byte without its second byte is neither UTF-8 nor GB18030.
        let truncated = inputErrors { try TextDecoding.decode(Data([0x61, 0x0A, 0x62, 0x81, 0x30]), file: "g.csv") }
        XCTAssertEqual(truncated.first?.location, SourceLocation(file: "g.csv", line: 2, column: 2))
    }

    func testUndecodableFileIsRefusedWithPositionAndResaveHint() {
        // Latin-1 "café été": 0xE9 followed by a space is neither UTF-8 nor GB18030.
        let errors = inputErrors { try TextDecoding.read(path: Fixtures.path("latin1.csv")) }
        XCTAssertEqual(errors.count, 1)
        let error = errors.first
        XCTAssertEqual(error?.location.line, 2)
        // "2020,3031,EUR,actual,caf" is 24 characters, so the é is in column 25.
        XCTAssertEqual(error?.location.column, 25)
        XCTAssertTrue(error?.message.contains("not UTF-8") ?? false, "\(String(describing: error))")
        XCTAssertTrue(error?.message.contains("0xE9") ?? false)
        XCTAssertTrue(error?.hint?.contains("CSV UTF-8") ?? false)
        XCTAssertTrue(error?.description.hasPrefix(Fixtures.path("latin1.csv") + ":2:25: error:") ?? false)
    }

    func testUTF16WithBOMDecodes() throws {
        var little = Data([0xFF, 0xFE])
        var big = Data([0xFE, 0xFF])
        for unit in "year,亿元\n".utf16 {
            little.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
            big.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        XCTAssertEqual(try TextDecoding.decode(little, file: "u.csv"), DecodedText(text: "year,亿元\n", encoding: .utf16LittleEndian))
        XCTAssertEqual(try TextDecoding.decode(big, file: "u.csv"), DecodedText(text: "year,亿元\n", encoding: .utf16BigEndian))
        // An odd number of bytes after the BOM cannot be UTF-16.
        let broken = inputErrors { try TextDecoding.decode(Data([0xFF, 0xFE, 0x41]), file: "u.csv") }
        XCTAssertTrue(broken.first?.message.contains("UTF-16") ?? false)
    }

    func testEmptyAndBlankFilesAreRefused() {
        for data in [Data(), Data([0xEF, 0xBB, 0xBF]), bytes(" \r\n\n\t")] {
            let errors = inputErrors { try TextDecoding.decode(data, file: "e.csv") }
            XCTAssertEqual(errors.map(\.message), ["the file is empty"])
            XCTAssertEqual(errors.first?.location.file, "e.csv")
        }
    }

    func testBinaryAndWorkbookFilesAreRefused() {
        let nul = inputErrors { try TextDecoding.decode(bytes("a,b\n1,\u{0}2\n"), file: "n.csv") }
        XCTAssertEqual(nul.first?.location.line, 2)
        XCTAssertEqual(nul.first?.location.column, 3)
        let xlsx = inputErrors { try TextDecoding.decode(Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]), file: "x.csv") }
        XCTAssertTrue(xlsx.first?.message.contains("Excel workbook") ?? false)
    }

    func testMissingFileAndFolder() {
        let missing = inputErrors { try TextDecoding.read(path: "/nonexistent/dir/x.csv") }
        XCTAssertEqual(missing.first?.message, "the file does not exist")
        let folder = inputErrors { try TextDecoding.read(path: Fixtures.folder.path) }
        XCTAssertEqual(folder.first?.message, "this is a folder, not a file")
    }
}
