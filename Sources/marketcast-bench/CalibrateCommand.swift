import ArgumentParser
import Forecasting
import Foundation
import MarketData

/// `marketcast-bench calibrate reference/m1-yearly/train.csv`: learns `auto`'s and every
/// yearly method's interval calibration from the reference series' training years and
/// writes Sources/Forecasting/Yearly/M1YearlyCalibration.swift (ReferenceCalibrationTests
/// checks the shipped file against the same learning).
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Learn the interval calibration from a long CSV of reference series and write the Swift table.")

    @Argument(help: "The reference series (series,year,value), training years only.")
    var file: String

    @Option(help: "Where to write the generated Swift file.")
    var out = "Sources/Forecasting/Yearly/M1YearlyCalibration.swift"

    func run() throws {
        do {
            let table = try LongSeriesTable(try CSVTable.read(path: file), idColumn: "series", xColumn: "year",
                                            yColumn: "value")
            guard table.problems.isEmpty else {
                throw InputErrors(table.problems.flatMap(\.errors.errors))
            }
            let learned = ReferenceCalibration.learn(from: table.series.map(\.values))
            try ReferenceCalibration.swiftSource(learned).write(toFile: out, atomically: true, encoding: .utf8)
            print("wrote \(out) from \(table.series.count) series")
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
