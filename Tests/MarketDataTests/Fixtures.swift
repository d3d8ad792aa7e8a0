import Foundation
import XCTest
@testable import MarketData

/// Paths of the CSV fixtures in Tests/Fixtures/csv, found from this source file so the tests
/// need no bundle resources.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/csv")

    static func path(_ name: String) -> String {
        folder.appendingPathComponent(name).path
    }
}

/// The input errors thrown by `body`, failing the test when it does not throw input errors.
func inputErrors<T>(_ body: () throws -> T, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
    do {
        _ = try body()
        XCTFail("expected an input error, but it succeeded", file: file, line: line)
        return []
    } catch {
        guard let list = InputErrors(flattening: error) else {
            XCTFail("expected an input error, got \(error)", file: file, line: line)
            return []
        }
        return list.errors
    }
}

/// Data from UTF-8 text, for in-memory CSVs.
func bytes(_ text: String) -> Data {
    Data(text.utf8)
}
