import Foundation
import MarketData

/// The vendored M1 yearly series (reference/m1-yearly), read with the same long-CSV reader
/// `marketcast forecast` uses.
enum M1Data {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("reference/m1-yearly")
    }

    static func training() throws -> [LongSeries] {
        let table = try CSVTable.read(path: folder.appendingPathComponent("train.csv").path)
        return try LongSeriesTable(table, idColumn: "series", xColumn: "year", yColumn: "value").series
    }

    /// Actuals of the 6 test years, by series.
    static func test() throws -> [String: [Double]] {
        let table = try CSVTable.read(path: folder.appendingPathComponent("test.csv").path)
        let long = try LongSeriesTable(table, idColumn: "series", xColumn: "year", yColumn: "value")
        return Dictionary(uniqueKeysWithValues: long.series.map { ($0.id, $0.values) })
    }
}
