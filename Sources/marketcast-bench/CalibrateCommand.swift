import ArgumentParser
import Forecasting
import Foundation
import MarketData

/// `marketcast-bench calibrate reference/m1-yearly/train.csv reference/m3-yearly/train.csv`:
/// learns `auto`'s and every yearly method's interval calibration from the reference sets'
/// training years (each file one set, weighted equally) and writes
/// Sources/Forecasting/Yearly/YearlyCalibrationTable.swift (ReferenceCalibrationTests checks
/// the shipped file against the same learning).
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Learn the interval calibration from long CSVs of reference series and write the Swift table.")

    @Argument(help: "The reference sets (series,year,value), training years only, one file per set.")
    var files: [String]

    @Option(help: "Where to write the generated Swift file.")
    var out = "Sources/Forecasting/Yearly/YearlyCalibrationTable.swift"

    func run() throws {
        do {
            let sets = try files.map { file -> [[Double]] in
                let table = try LongSeriesTable(try CSVTable.read(path: file), idColumn: "series", xColumn: "year",
                                                yColumn: "value")
                guard table.problems.isEmpty else { throw InputErrors(table.problems.flatMap(\.errors.errors)) }
                return table.series.map(\.values)
            }
            // One model per worker: the tables are independent.
            let models = ReferenceCalibration.models
            let slots = OrderedSlots<IntervalCalibration>(count: models.count)
            DispatchQueue.concurrentPerform(iterations: models.count) { i in
                slots.set(i, ReferenceCalibration.learn(models[i], from: sets))
            }
            let command = "marketcast-bench calibrate " + files.joined(separator: " ")
            try ReferenceCalibration.swiftSource(Array(zip(models, slots.all())).map { ($0.0, $0.1) }, command: command)
                .write(toFile: out, atomically: true, encoding: .utf8)
            print("wrote \(out) from \(sets.map { String($0.count) }.joined(separator: " + ")) series")
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
