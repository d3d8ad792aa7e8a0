import Foundation
import XCTest
@testable import Report

final class RunManifestTests: XCTestCase {
    private func sample(seconds: Double) -> RunManifest {
        RunManifest(tool: .init(name: "marketcast", version: "1"),
                    inputs: [.init(role: .config, path: "report.yaml", sha256: String(repeating: "0", count: 64), bytes: 3)],
                    config: ResolvedConfig(quarter: "2026Q4", horizon: 2027, language: "zh", level: 0.95,
                                           document: .init(title: "t", author: "a", date: "2026-01-01"),
                                           series: [.init(id: "s", data: "d.csv", title: "T", model: "auto",
                                                          chart: "market-size", chartID: "s")],
                                           formats: [.png], pngScale: 2),
                    models: [.init(series: "s", requested: "auto", chosen: "logistic", formula: "f",
                                   selectionReason: "lowest AICc")],
                    timings: [.init(name: "fit", seconds: seconds)])
    }

    func testKeysAreSortedAndTheEncodingRoundTrips() throws {
        let manifest = sample(seconds: 0.5)
        let data = try manifest.encoded()
        let text = String(decoding: data, as: UTF8.self)
        let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }
            .map { String($0.dropFirst(3).prefix { $0 != "\"" }) }
        XCTAssertEqual(topLevel, ["config", "inputs", "models", "timings", "tool"])
        XCTAssertEqual(try JSONDecoder().decode(RunManifest.self, from: data), manifest)
    }

    /// A role is written as the manifest's text and read back as the same value; a role a
    /// later version might write is kept as written, never refused.
    func testInputRolesRoundTripThroughTheManifestText() throws {
        let roles: [InputRole] = [.config, .series(id: "china-ai-market-size"), .publisherForecasts(series: "s"),
                                  .linkedVintage(series: "s"), .theme, .table("vendors"), .scenario("bull"), .penetration, .commentary(index: 1),
                                  .other("weights:x")]
        XCTAssertEqual(roles.map(\.description), ["config", "series:china-ai-market-size", "publisher-forecasts:s", "linked-vintage:s", "theme",
                                                  "table:vendors", "scenario:bull", "penetration", "commentary-2",
                                                  "weights:x"])
        for role in roles {
            XCTAssertEqual(InputRole(manifestText: role.description), role)
            let data = try JSONEncoder().encode([role])
            XCTAssertEqual(String(decoding: data, as: UTF8.self), "[\"\(role)\"]")
            XCTAssertEqual(try JSONDecoder().decode([InputRole].self, from: data), [role])
        }
        XCTAssertEqual(InputRole(manifestText: "series:"), .other("series:"))
        XCTAssertEqual(InputRole(manifestText: "commentary-0"), .other("commentary-0"))
    }

    func testOnlyTimingsDifferBetweenRunsOfTheSameInputs() throws {
        var a = sample(seconds: 0.5), b = sample(seconds: 9)
        XCTAssertNotEqual(try a.encoded(), try b.encoded())
        a.timings = []; b.timings = []
        XCTAssertEqual(try a.encoded(), try b.encoded())
    }

    func testRelativePathsInsideTheConfigFolder() {
        XCTAssertEqual(RunInputs.relative("/p/q/datasets/x.csv", to: "/p/q"), "datasets/x.csv")
        XCTAssertEqual(RunInputs.relative("/elsewhere/x.csv", to: "/p/q"), "/elsewhere/x.csv")
        XCTAssertEqual(RunInputs.relative("/p/qr/x.csv", to: "/p/q"), "/p/qr/x.csv")
    }
}
