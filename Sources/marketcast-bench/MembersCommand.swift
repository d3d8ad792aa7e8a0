import ArgumentParser
import Forecasting
import Foundation
import MarketData
import Numerics

/// `marketcast-bench members`: every candidate member's forecasts on the cross-validation
/// windows (rolling origins inside the training years, full and cut to 5–8 values) and on
/// the test years of reference sets, one CSV row per window and horizon, for choosing
/// `auto`'s pool and aggregation (bench/accuracy/choose_pool.py reads it).
struct MembersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "Write every candidate member's forecasts on cross-validation and test windows of reference sets.")

    @Option(name: .customLong("set"), help: "NAME=FOLDER with train.csv and test.csv (repeatable).")
    var sets: [String] = []

    @Option(help: "The CSV to write.")
    var out: String

    func run() throws {
        let methods = YearlyMethod.allCases
        var lines = ["set,series,kind,origin,cut,h,actual,scale,logscale,last,n,lgmean,lglast3,lgsd,dec3,auto," + methods.map(\.rawValue).joined(separator: ",")]
        for spec in sets {
            let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
            let name = parts[0], folder = parts[1]
            let train = try LongSeriesTable(try CSVTable.read(path: folder + "/train.csv"), idColumn: "series",
                                            xColumn: "year", yColumn: "value").series
            let testTable = try LongSeriesTable(try CSVTable.read(path: folder + "/test.csv"), idColumn: "series",
                                                xColumn: "year", yColumn: "value").series
            let test = Dictionary(uniqueKeysWithValues: testTable.map { ($0.id, $0.values) })
            let slots = OrderedSlots<[String]>(count: train.count)
            DispatchQueue.concurrentPerform(iterations: train.count) { i in
                let y = train[i].values
                var rows: [String] = []
                var windows: [(kind: String, origin: Int, cut: Int, history: [Double], actual: [Double])] = []
                // The cross-validation windows: the last eight origins inside the training
                // years (from 5 values on), in full and cut, as every rolling origin is made.
                if y.count > 5 {
                    for w in RollingOrigin.windows(count: y.count, origins: max(y.count - 8, 5)...(y.count - 1),
                                                   maximumHorizon: 6, cutLengths: [5, 6, 7, 8]) {
                        windows.append(("cv", w.origin, w.start == 0 ? 0 : w.origin - w.start,
                                        Array(y[w.history]), Array(y[w.actuals])))
                    }
                }
                // The test window, for scoring only: the whole training history, in full and cut.
                let actual = test[train[i].id] ?? []
                for cut in [0, 5, 6, 7, 8] where cut == 0 || y.count > cut {
                    windows.append(("test", y.count, cut, cut == 0 ? y : Array(y.suffix(cut)), actual))
                }
                for w in windows {
                    let history = w.history, cut = w.cut
                    let horizon = w.actual.count
                    guard horizon > 0 else { continue }
                    let auto = try? YearlyForecaster.pointForecasts(history, model: .auto, horizon: horizon).values
                    let members = methods.map { try? $0.forecast(history, horizon: horizon) }
                    let scale = ForecastScale.of(history) ?? .nan
                    let logScale = history.allSatisfy { $0 > 0 } ? (ForecastScale.of(history.map { Foundation.log($0) }) ?? .nan) : .nan
                    for h in 0..<horizon {
                        var cells = [name, train[i].id, w.kind, "\(w.origin)", "\(cut)", "\(h + 1)",
                                     f(w.actual[h]), f(scale), f(logScale), f(history.last!)] + features(history) + [f(auto?[h])]
                        cells += members.map { f($0?[h]) }
                        rows.append(cells.joined(separator: ","))
                    }
                }
                slots.set(i, rows)
            }
            lines += slots.all().flatMap { $0 }
        }
        try (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8)
        print("wrote \(lines.count - 1) rows to \(out)")
    }

    func features(_ y: [Double]) -> [String] {
        guard y.allSatisfy({ $0 > 0 }), y.count >= 2 else { return ["\(y.count)", "nan", "nan", "nan", "nan"] }
        let d = (1..<y.count).map { Foundation.log(y[$0] / y[$0 - 1]) }
        let mean = d.reduce(0, +) / Double(d.count)
        let last3 = d.suffix(3)
        let sd = (d.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(d.count - 1, 1))).squareRoot()
        return ["\(y.count)", f(mean), f(last3.reduce(0, +) / Double(last3.count)), f(sd), "\(last3.filter { $0 < 0 }.count)"]
    }

    func f(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "nan" }
        return String(format: "%.10g", x)
    }
}
