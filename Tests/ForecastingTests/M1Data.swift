import Foundation
import MarketData

/// A vendored reference set (reference/m1-yearly, reference/m3-yearly), read with the same
/// long-CSV reader `marketcast forecast` uses.
struct ReferenceSet {
    let folder: URL

    init(_ name: String) {
        folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("reference/\(name)")
    }

    func training() throws -> [LongSeries] {
        let table = try CSVTable.read(path: folder.appendingPathComponent("train.csv").path)
        return try LongSeriesTable(table, idColumn: "series", xColumn: "year", yColumn: "value").series
    }

    /// Actuals of the 6 test years, by series.
    func test() throws -> [String: [Double]] {
        let table = try CSVTable.read(path: folder.appendingPathComponent("test.csv").path)
        let long = try LongSeriesTable(table, idColumn: "series", xColumn: "year", yColumn: "value")
        return Dictionary(uniqueKeysWithValues: long.series.map { ($0.id, $0.values) })
    }
}

/// The vendored M1 yearly series (reference/m1-yearly).
enum M1Data {
    static let reference = ReferenceSet("m1-yearly")
    static var folder: URL { reference.folder }
    static func training() throws -> [LongSeries] { try reference.training() }
    static func test() throws -> [String: [Double]] { try reference.test() }
}

/// The vendored M3 yearly series (reference/m3-yearly).
enum M3Data {
    static let reference = ReferenceSet("m3-yearly")
    static func training() throws -> [LongSeries] { try reference.training() }
    static func test() throws -> [String: [Double]] { try reference.test() }
}
