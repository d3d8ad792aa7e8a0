import XCTest
import Foundation
@testable import Numerics
@testable import Forecasting

/// No trap is reachable from data: every M1 yearly series and the awkward shapes real files
/// contain go through every catalog model and through `ModelSelection.auto`, and each gives
/// a fit or a `NumericsError` with a message. A trap would end the test process, so reaching
/// the assertions at all is most of the test; the checks below also touch everything a
/// caller reads from a fit (warnings, description, predictions, intervals, criteria).
final class CatalogRobustnessTests: XCTestCase {
    struct Series {
        var id: String
        var x: [Double]
        var y: [Double]
    }

    /// reference/m1-yearly/train.csv (series,year,value), read relative to this file.
    static func m1Training() throws -> [Series] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("reference/m1-yearly/train.csv")
        let text = try String(contentsOf: file, encoding: .utf8)
        var series: [Series] = []
        for line in text.split(whereSeparator: \.isNewline).dropFirst() {
            let cells = line.split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\" ")) }
            guard cells.count == 3, let year = Double(cells[1]), let value = Double(cells[2]) else {
                XCTFail("unreadable line \(line)")
                continue
            }
            if series.last?.id != cells[0] { series.append(Series(id: cells[0], x: [], y: [])) }
            series[series.count - 1].x.append(year)
            series[series.count - 1].y.append(value)
        }
        return series
    }

    /// Everything a report reads from a fit, so a trap anywhere on that path shows up here.
    /// Returns what is wrong (empty when nothing is), so series can run on several threads.
    static func exercise(_ fit: GrowthFit, after x: [Double], _ label: String) -> [String] {
        var problems: [String] = []
        if fit.parameters.count != fit.kind.parameterNames.count || fit.standardErrors.count != fit.parameters.count {
            problems.append("\(label): \(fit.parameters.count) parameters, \(fit.standardErrors.count) standard errors")
        }
        if fit.description.isEmpty || fit.reason.isEmpty || fit.warnings.contains(where: \.isEmpty) {
            problems.append("\(label): an empty description, reason or warning")
        }
        _ = (fit.aicc, fit.bic, fit.residualSumOfSquares)
        let last = x.filter(\.isFinite).max() ?? 0
        for step in [0.0, 1, 5, 30] {
            _ = fit.predict(last + step)
            _ = fit.confidenceInterval(at: last + step, level: 0.95)
            _ = fit.predictionInterval(at: last + step, level: 0.95)
        }
        return problems
    }

    /// An error from the catalog must be a NumericsError that says something.
    static func checkError(_ error: Error, _ label: String) -> [String] {
        guard let e = error as? NumericsError else { return ["\(label): not a NumericsError: \(error)"] }
        return e.message.trimmingCharacters(in: .whitespaces).isEmpty ? ["\(label): an empty error message"] : []
    }

    static func fitEveryModel(x: [Double], y: [Double], label: String) -> (fitted: Int, problems: [String]) {
        var fitted = 0
        var problems: [String] = []
        for kind in GrowthModelKind.allCases {
            do {
                let fit = try GrowthCurves.fit(kind, x: x, y: y)
                problems += exercise(fit, after: x, "\(label) \(kind)")
                fitted += 1
            } catch {
                problems += checkError(error, "\(label) \(kind)")
            }
        }
        return (fitted, problems)
    }

    static func selectAuto(x: [Double], y: [Double], label: String) -> (selection: AutoSelection?, problems: [String]) {
        do {
            let selection = try ModelSelection.auto(x: x, y: y)
            var problems = exercise(selection.chosen, after: x, "\(label) auto")
            if selection.reason.isEmpty { problems.append("\(label): auto gives no reason") }
            if selection.candidates.count != GrowthModelKind.allCases.count {
                problems.append("\(label): auto lists \(selection.candidates.count) candidates")
            }
            for candidate in selection.candidates {
                _ = (candidate.aicc, candidate.bic, candidate.backtestMAPE, candidate.note)
                if let fit = candidate.fit { problems += exercise(fit, after: x, "\(label) auto/\(candidate.kind)") }
            }
            return (selection, problems)
        } catch {
            return (nil, checkError(error, "\(label) auto"))
        }
    }

    /// Runs `body` on every element on all cores; results in input order.
    static func parallelMap<T, R>(_ items: [T], _ body: (T) -> R) -> [R] {
        var results = [R?](repeating: nil, count: items.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            let r = body(items[i])
            lock.lock(); results[i] = r; lock.unlock()
        }
        return results.map { $0! }
    }

    // MARK: M1

    /// All 181 M1 yearly series through every catalog model. 15 of them used to trap while
    /// the warnings were written (a relative standard error converted to Int).
    func testEveryM1SeriesThroughEveryCatalogModel() throws {
        let series = try Self.m1Training()
        XCTAssertEqual(series.count, 181)
        let outcomes = Self.parallelMap(series) { Self.fitEveryModel(x: $0.x, y: $0.y, label: $0.id) }
        XCTAssertEqual(outcomes.flatMap(\.problems), [])
        // Every M1 series has at least 9 points, so nearly every fit should run.
        XCTAssertGreaterThan(outcomes.map(\.fitted).reduce(0, +), 181 * GrowthModelKind.allCases.count * 9 / 10)
    }

    /// M1 yearly series through `ModelSelection.auto` (every model, AICc and the rolling
    /// backtest, about fifteen fits per series). The test above already fits every catalog
    /// model to every full series; what `auto` adds is fits to the series' shorter prefixes
    /// (its backtest). Those are riskiest where the series are shortest or most extreme, so
    /// this runs the 6 shortest series and the extremes of size and volatility — at most 10
    /// series instead of 181 (the whole set took 305 s of a 527 s suite), with the same
    /// assertions.
    func testTheHardestM1SeriesThroughAuto() throws {
        let all = try Self.m1Training()
        XCTAssertEqual(all.count, 181)
        let series = Self.hardest(all)
        XCTAssertGreaterThanOrEqual(series.count, 8)
        let outcomes = Self.parallelMap(series) { Self.selectAuto(x: $0.x, y: $0.y, label: $0.id) }
        XCTAssertEqual(outcomes.flatMap(\.problems), [])
        let unchosen = zip(series, outcomes).filter { $0.1.selection == nil }.map(\.0.id)
        XCTAssertEqual(unchosen, [], "auto should choose a model for every M1 series")
    }

    /// The shortest 6 series, then the largest and smallest values and the most and least
    /// volatile (mean absolute yearly change relative to the mean).
    static func hardest(_ all: [Series]) -> [Series] {
        func volatility(_ s: Series) -> Double {
            let mean = s.y.reduce(0, +) / Double(s.y.count)
            let change = zip(s.y.dropFirst(), s.y).map { abs($0 - $1) }.reduce(0, +) / Double(max(s.y.count - 1, 1))
            return mean != 0 ? change / abs(mean) : .infinity
        }
        var picked = Array(all.sorted { ($0.y.count, $0.id) < ($1.y.count, $1.id) }.prefix(6))
        let extremes: [(Series, Series) -> Bool] = [
            { ($0.y.max() ?? 0) < ($1.y.max() ?? 0) },
            { volatility($0) < volatility($1) },
        ]
        for order in extremes {
            let sorted = all.sorted(by: order)
            for s in [sorted.first!, sorted.last!] where !picked.contains(where: { $0.id == s.id }) { picked.append(s) }
        }
        return picked
    }

    // MARK: Awkward shapes

    static let awkward: [(String, [Double], [Double])] = {
        let years = (2010...2022).map(Double.init)
        func x(_ n: Int) -> [Double] { Array(years.prefix(n)) }
        return [
            ("constant", x(8), [5, 5, 5, 5, 5, 5, 5, 5]),
            ("zeros", x(7), [0, 0, 0, 0, 0, 0, 0]),
            ("huge", x(7), [1e300, 1.2e300, 1.5e300, 1.4e300, 1.7e300, 1.75e300, 1.79e300]),
            ("huge constant", x(6), [Double](repeating: 1.7e308, count: 6)),
            ("tiny", x(6), [1e-300, 2e-300, 3e-300, 3.5e-300, 5e-300, 6e-300]),
            ("subnormal", x(6), [1, 2, 4, 6, 10, 16].map { $0 * Double.leastNonzeroMagnitude }),
            ("jump", x(7), [1, 1, 1, 1, 100, 100, 100]),
            ("drop", x(7), [100, 100, 100, 1, 1, 1, 1]),
            ("three points", x(3), [10, 12, 15]),
            ("four points", x(4), [10, 12, 15, 14]),
            ("five points", x(5), [10, 12, 15, 14, 19]),
            ("two points", x(2), [3, 4]),
            ("one point", x(1), [3]),
            ("no points", [], []),
            ("negative value", x(6), [5, 7, -2, 9, 12, 15]),
            ("all negative", x(6), [-5, -7, -9, -12, -15, -20]),
            ("sign change", x(6), [-10, -5, 0, 5, 10, 15]),
            ("NaN", x(5), [1, 2, .nan, 4, 5]),
            ("infinity", x(5), [1, 2, .infinity, 4, 5]),
            ("minus infinity", x(5), [1, 2, -.infinity, 4, 5]),
            ("NaN year", [2010, .nan, 2012, 2013, 2014], [1, 2, 3, 4, 5]),
            ("infinite year", [2010, 2011, .infinity, 2013, 2014], [1, 2, 3, 4, 5]),
            ("one year repeated", [2015, 2015, 2015, 2015, 2015], [1, 2, 3, 4, 5]),
            ("huge years", [1e300, 2e300, 3e300, 4e300, 5e300, 6e300], [1, 2, 4, 8, 16, 32]),
            ("years past 2^53", (0..<6).map { 1e17 + Double($0) * 16 }, [1, 2, 4, 8, 16, 32]),
            ("tiny year steps", (0..<6).map { 2020 + Double($0) * 1e-12 }, [1, 2, 4, 8, 16, 32]),
            ("unsorted", [2014, 2010, 2012, 2011, 2013, 2015], [5, 1, 3, 2, 4, 6]),
            ("explosive", x(10), [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9]),
            ("mixed magnitudes", x(6), [1e-300, 1e300, 1e-300, 1e300, 1e-300, 1e300]),
        ]
    }()

    func testAwkwardSeriesThroughEveryCatalogModelAndAuto() {
        for (name, x, y) in Self.awkward {
            XCTAssertEqual(Self.fitEveryModel(x: x, y: y, label: name).problems, [])
            XCTAssertEqual(Self.selectAuto(x: x, y: y, label: name).problems, [])
        }
        // What an analyst expects to work does.
        XCTAssertNotNil(Self.selectAuto(x: [2020, 2021, 2022, 2023, 2024], y: [10, 12, 15, 14, 19], label: "five").selection)
        XCTAssertNotNil(Self.selectAuto(x: (2010...2016).map(Double.init), y: [1, 1, 1, 1, 100, 100, 100], label: "jump").selection)
        XCTAssertNoThrow(try GrowthCurves.fit(.linear, x: [2020, 2021, 2022, 2023, 2024], y: [5, 7, -2, 9, 12]))
        // And what cannot work says why.
        XCTAssertThrowsError(try GrowthCurves.fit(.linear, x: [2020, 2021, 2022], y: [1, .nan, 3])) { e in
            XCTAssertTrue(e is NumericsError, "\(e)")
        }
        XCTAssertThrowsError(try ModelSelection.auto(x: [2020], y: [3])) { e in
            XCTAssertTrue(e is NumericsError, "\(e)")
        }
    }

    /// What a scenario config or the command line can set beside the data: fixed values,
    /// bounds, weights, start values, the Bass launch year, anchors and a log response.
    func testAwkwardOptionsGiveAFitOrAClearError() {
        let x = (2015...2022).map(Double.init)
        let y: [Double] = [10, 14, 19, 27, 35, 44, 52, 58]
        var cases: [(String, GrowthFitOptions)] = [
            ("all parameters fixed", GrowthFitOptions(fixed: ["K": 80, "r": 0.5, "t0": 2019, "m": 80, "p": 0.03, "q": 0.4,
                                                              "a": 10, "b": 7, "g": 0.2, "nu": 1])),
            ("zero shape", GrowthFitOptions(fixed: ["nu": 0, "p": 0])),
            ("huge fixed ceiling", GrowthFitOptions(fixed: ["K": 1e308, "m": 1e308])),
            ("tiny fixed ceiling", GrowthFitOptions(fixed: ["K": 1e-308, "m": 1e-308])),
            ("crossed bounds", GrowthFitOptions(lowerBounds: ["K": 100, "a": 5, "m": 100], upperBounds: ["K": 50, "a": 1, "m": 50])),
            ("bound against the catalog's", GrowthFitOptions(upperBounds: ["r": -1, "p": -1, "g": -2])),
            ("zero weights", GrowthFitOptions(weights: Array(repeating: 0, count: 8))),
            ("negative weight", GrowthFitOptions(weights: [1, 1, -1, 1, 1, 1, 1, 1])),
            ("NaN weight", GrowthFitOptions(weights: [1, 1, .nan, 1, 1, 1, 1, 1])),
            ("infinite weight", GrowthFitOptions(weights: [1, 1, .infinity, 1, 1, 1, 1, 1])),
            ("huge weights", GrowthFitOptions(weights: Array(repeating: 1e300, count: 8))),
            ("too few weights", GrowthFitOptions(weights: [1, 1])),
            ("launch after the data", GrowthFitOptions(bassLaunch: 2030)),
            ("launch at minus infinity", GrowthFitOptions(bassLaunch: -.infinity)),
            ("NaN launch", GrowthFitOptions(bassLaunch: .nan)),
            ("log of a zero", GrowthFitOptions(logResponse: true)),
            ("NaN anchor", GrowthFitOptions(pseudoObservations: [PseudoObservation(x: .nan, y: 100, weight: 1)])),
            ("infinite anchor weight", GrowthFitOptions(pseudoObservations: [PseudoObservation(x: 2030, y: 100, weight: .infinity)])),
            ("anchor far away", GrowthFitOptions(pseudoObservations: [PseudoObservation(x: 1e300, y: 1e300, weight: 1e10)])),
        ]
        for hint in [1e308, -1e308, 0, .nan] {
            var options = GrowthFitOptions()
            options.startHints = ["K": hint, "r": hint, "a": hint, "g": hint, "m": hint]
            cases.append(("start hint \(hint)", options))
        }
        for (name, options) in cases {
            let data = name == "log of a zero" ? [0] + y.dropFirst() : y
            var problems: [String] = []
            for kind in GrowthModelKind.allCases {
                // As ModelSelection hands them on: only what names this model's parameters.
                var hinted = ModelSelection.restrict(options, to: kind, weights: options.weights)
                hinted.startHints = options.startHints.filter { kind.parameterNames.contains($0.key) }
                do {
                    problems += Self.exercise(try GrowthCurves.fit(kind, x: x, y: data, options: hinted), after: x, "\(name) \(kind)")
                } catch {
                    problems += Self.checkError(error, "\(name) \(kind)")
                }
            }
            do {
                var selection = SelectionOptions(fit: options)
                selection.fit.startHints = [:]
                problems += Self.exercise(try ModelSelection.auto(x: x, y: data, options: selection).chosen, after: x, "\(name) auto")
            } catch {
                problems += Self.checkError(error, "\(name) auto")
            }
            XCTAssertEqual(problems, [], name)
        }
    }
}
