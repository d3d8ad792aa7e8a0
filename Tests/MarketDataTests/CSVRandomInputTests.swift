import XCTest
@testable import MarketData

/// Seeded random-input tests (the in-suite stand-in for a fuzzer): whatever bytes arrive, the
/// reader and the loader either succeed with consistent results or throw input errors that
/// point inside the file; they never trap. Fixed seeds keep failures reproducible.
final class CSVRandomInputTests: XCTestCase {
    /// SplitMix64: tiny, seedable, and the same sequence on every platform.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Byte pieces that matter to CSV, encodings and numbers.
    private let pieces: [[UInt8]] = [
        Array("\"".utf8), Array(",".utf8), Array("\n".utf8), Array("\r\n".utf8), Array("\r".utf8),
        Array(" ".utf8), Array("year,value,unit,status,source\n".utf8), Array("2021".utf8),
        Array("4305".utf8), Array("-1".utf8), Array("1e999".utf8), Array("NaN".utf8), Array(".".utf8),
        Array("亿元".utf8), Array("actual".utf8), Array("estimate".utf8), Array("CAICT".utf8),
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xD2, 0xDA, 0xD4, 0xAA], [0xE9], [0x00], [0x80], [0xC3],
        Array("\"\"".utf8), Array("\t".utf8),
    ]

    private func randomData(_ generator: inout SeededGenerator) -> Data {
        var data = Data()
        let count = Int.random(in: 0...40, using: &generator)
        for _ in 0..<count {
            data.append(contentsOf: pieces[Int.random(in: 0..<pieces.count, using: &generator)])
        }
        return data
    }

    private func assertPointsInside(_ error: any Error, data: Data, file: String, context: String) {
        guard let list = InputErrors(flattening: error) else {
            XCTFail("not an input error: \(error) for \(context)")
            return
        }
        XCTAssertFalse(list.isEmpty, context)
        // Lines can be counted by any of the line-end conventions the decoder accepts.
        let lineEnds = data.filter { $0 == 0x0A || $0 == 0x0D }.count
        for item in list.errors {
            XCTAssertEqual(item.location.file, file, context)
            if let line = item.location.line {
                XCTAssertTrue((1...(lineEnds + 1)).contains(line), "line \(line) outside file: \(context)")
            }
            if let column = item.location.column {
                XCTAssertGreaterThanOrEqual(column, 1, context)
            }
            XCTAssertFalse(item.message.isEmpty, context)
        }
    }

    func testRandomBytesNeverTrapAndErrorsPointInsideTheFile() {
        var generator = SeededGenerator(state: 20261129)
        var loaded = 0, refused = 0
        for iteration in 0..<3000 {
            // Every other input starts as a valid file, so the random tail also exercises the
            // validation of rows after a good header and first row, not only the decoder.
            var data = iteration.isMultiple(of: 2)
                ? Data("year,value,unit,status,source\n2021,4305,亿元,actual,CAICT\n".utf8) : Data()
            data.append(randomData(&generator))
            let context = "iteration \(iteration): \(Array(data))"
            do {
                let series = try SeriesLoader.load(data: data, file: "fuzz.csv", allowGaps: iteration.isMultiple(of: 2))
                loaded += 1
                XCTAssertFalse(series.observations.isEmpty, context)
                XCTAssertEqual(series.years, series.years.sorted(), context)
                XCTAssertEqual(Set(series.years).count, series.years.count, context)
                XCTAssertTrue(series.observations.allSatisfy { $0.value > 0 && $0.value.isFinite && $0.unit == series.unit }, context)
            } catch {
                refused += 1
                assertPointsInside(error, data: data, file: "fuzz.csv", context: context)
            }
            do {
                _ = try CSVTable.parse(data: data, file: "fuzz.csv")
            } catch {
                assertPointsInside(error, data: data, file: "fuzz.csv", context: context)
            }
        }
        // Both outcomes must really occur, or the test would be checking only one path.
        XCTAssertGreaterThan(refused, 100)
        XCTAssertGreaterThan(loaded, 20, "loaded \(loaded), refused \(refused)")
    }

    func testValidSeriesWithRandomSpacingAndLineEndsLoad() throws {
        var generator = SeededGenerator(state: 42)
        for iteration in 0..<300 {
            let first = Int.random(in: 1990...2020, using: &generator)
            let count = Int.random(in: 1...12, using: &generator)
            var values: [Double] = []
            var text = Bool.random(using: &generator) ? "\u{FEFF}" : ""
            let lineEnd = ["\n", "\r\n", "\r"][Int.random(in: 0...2, using: &generator)]
            text += "year, value ,unit,status,source" + lineEnd
            for offset in 0..<count {
                let value = Double(Int.random(in: 1...9_999_999, using: &generator)) / 100
                values.append(value)
                let written = Bool.random(using: &generator) ? " \(value) " : "\"\(NumberFormat.grouped(value, decimals: 2))\""
                text += "\(first + offset),\(written),亿元,actual,\"Src, \"\"quoted\"\"\"" + lineEnd
            }
            if Bool.random(using: &generator) { text.removeLast(lineEnd.count) }
            let series = try SeriesLoader.load(data: Data(text.utf8), file: "r.csv")
            XCTAssertEqual(series.observations.map(\.value), values, "iteration \(iteration)")
            XCTAssertEqual(series.years, Array(first..<(first + count)))
            XCTAssertEqual(series.sources, ["Src, \"quoted\""])
        }
    }

    func testRandomTablesRoundTrip() throws {
        var generator = SeededGenerator(state: 7)
        let alphabet: [String] = ["a", "Z", "1", " ", ",", "\"", "\n", "亿", "é", "\t", "-", "."]
        func quoted(_ cell: String) -> String {
            "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        for iteration in 0..<500 {
            let columns = Int.random(in: 1...5, using: &generator)
            let rowCount = Int.random(in: 1...6, using: &generator)
            let header = (0..<columns).map { "c\($0)" }
            var rows: [[String]] = []
            for _ in 0..<rowCount {
                rows.append((0..<columns).map { _ in
                    String((0..<Int.random(in: 0...6, using: &generator)).map { _ in
                        Character(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)])
                    })
                })
            }
            // Every cell quoted: quoted content is kept exactly, spaces and all.
            let text = ([header] + rows).map { $0.map(quoted).joined(separator: ",") }.joined(separator: "\r\n")
            let table = try CSVTable.parse(data: Data(text.utf8), file: "rt.csv")
            XCTAssertEqual(table.header, header, "iteration \(iteration)")
            XCTAssertEqual(table.rows.map { $0.cells.map(\.text) }, rows, "iteration \(iteration)")
        }
    }
}
