import XCTest
import Foundation

/// A scratch folder per test, removed afterwards.
class RenderingTestCase: XCTestCase {
    var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "rendering-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder = folder { try? FileManager.default.removeItem(atPath: folder) }
    }

    /// Runs a command-line tool (poppler's pdftotext, pdffonts, pdfinfo) and returns its stdout.
    func run(_ tool: String, _ arguments: [String], file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "\(tool) \(arguments.joined(separator: " ")) failed",
                       file: file, line: line)
        return String(decoding: data, as: UTF8.self)
    }

    /// Width and height from a PNG's IHDR chunk (bytes 16..<24, big-endian).
    func pngPixelSize(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws -> (width: Int, height: Int) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "not a PNG signature",
                       file: file, line: line)
        guard data.count >= 24 else { XCTFail("PNG too short", file: file, line: line); return (0, 0) }
        func bigEndian(_ offset: Int) -> Int { data[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (bigEndian(16), bigEndian(20))
    }

    func bytes(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
