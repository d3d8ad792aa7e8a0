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

    @Flag(help: "Write nothing: exit 1 when the file at --out differs from what the data give (make bench runs this).")
    var check = false

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
            let source = ReferenceCalibration.swiftSource(Array(zip(models, slots.all())).map { ($0.0, $0.1) }, command: command)
            if check {
                let shipped = try String(contentsOfFile: out, encoding: .utf8)
                guard shipped == source else {
                    FileHandle.standardError.write(Data("\(out) is stale: it differs from what \(command) learns; run that command and commit the file\n".utf8))
                    throw ExitCode(1)
                }
                print("\(out) is what the data give (\(sets.map { String($0.count) }.joined(separator: " + ")) series)")
                return
            }
            try source.write(toFile: out, atomically: true, encoding: .utf8)
            print("wrote \(out) from \(sets.map { String($0.count) }.joined(separator: " + ")) series")
        } catch let exit as ExitCode {
            throw exit
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
