import Foundation
import XCTest
@testable import Report

final class RevisionReasonsTests: XCTestCase {
    private func manifest(sha: String = "aa", model: String = "auto", chosen: String = "logistic", horizon: Int? = 2027,
                          version: String = "1", scenarioSHA: String = "cc") -> RunManifest {
        RunManifest(tool: .init(name: "marketcast", version: version),
                    inputs: [.init(role: .config, path: "report.yaml", sha256: "00", bytes: 1),
                             .init(role: .series(id: "s"), path: "d.csv", sha256: sha, bytes: 1),
                             .init(role: .scenario("bull"), path: "scenarios/bull.yaml", sha256: scenarioSHA, bytes: 1)],
                    config: ResolvedConfig(quarter: "2026Q4", horizon: horizon, language: "zh", level: 0.95,
                                           document: nil,
                                           series: [.init(id: "s", data: "d.csv", title: "S", model: model,
                                                          chart: "market-size", chartID: "s")],
                                           formats: [.png], pngScale: 2),
                    models: [.init(series: "s", requested: model, chosen: chosen, formula: "", selectionReason: nil)],
                    timings: [])
    }

    private func reasons(_ old: RunManifest?, _ new: RunManifest?, scenario: String = "", series: String = "s") -> [String] {
        RevisionReasons.reasons(series: series, scenario: scenario, old: old, new: new)
    }

    func testEachCauseIsNamed() {
        XCTAssertEqual(reasons(manifest(), manifest(sha: "bb")), ["input data changed (d.csv: SHA-256 differs)"])
        XCTAssertEqual(reasons(manifest(), manifest(model: "gompertz", chosen: "gompertz")),
                       ["config changed (model auto → gompertz)", "chosen model changed (logistic → gompertz)"])
        XCTAssertEqual(reasons(manifest(), manifest(chosen: "gompertz")), ["chosen model changed (logistic → gompertz)"])
        XCTAssertEqual(reasons(manifest(), manifest(horizon: nil)), ["config changed (horizon 2027 → default)"])
        XCTAssertEqual(reasons(manifest(), manifest(scenarioSHA: "dd"), scenario: "bull"),
                       ["scenario file changed (scenarios/bull.yaml)"])
        XCTAssertEqual(reasons(manifest(), manifest(scenarioSHA: "dd"), scenario: "base"),
                       ["inputs, config and model unchanged"], "another scenario's file does not move this one")
    }

    /// A declared base case and a linked vintage are settings of report.yaml: a change names them.
    func testTheBaseCaseWeightAndTheLinkAreNamed() throws {
        var new = manifest()
        new.config.series[0].consensusWeight = 1
        new.config.series[0].linkedVintage = "editions/old.csv"
        XCTAssertEqual(reasons(manifest(), new), ["config changed (consensus base_weight none → 1.0, link none → editions/old.csv)"])
        let typed = RevisionReasons.typed(series: "s", scenario: "", old: manifest(), new: new)
        let text = typed.map { $0.clientText(Strings(language: .zh)) }.joined()
        XCTAssertTrue(text.contains("基准情景改为统计趋势与出版方共识按 1:1 加权"), text)
        XCTAssertTrue(text.contains("按旧版增速链接更早年份"), text)
        // A manifest written before these settings existed decodes without them.
        let json = try JSONEncoder().encode(manifest())
        XCTAssertFalse(String(decoding: json, as: UTF8.self).contains("consensusWeight"))
        XCTAssertNil(try JSONDecoder().decode(RunManifest.self, from: json).config.series[0].consensusWeight)
    }

    /// A publisher's revision is named before the digest that proves it; a manifest written
    /// before vintages were recorded gives no vintage reason.
    func testAVintageRevisionIsNamedFirst() throws {
        func with(_ vintage: String?, sha: String) -> RunManifest {
            var m = manifest(sha: sha)
            m.inputs[1].vintage = vintage
            return m
        }
        XCTAssertEqual(reasons(with("industry press 2025-05", sha: "aa"), with("CAICT 2025-12 (published up to 2025-12-15)", sha: "bb")),
                       ["data vintage revised (industry press 2025-05 → CAICT 2025-12 (published up to 2025-12-15))",
                        "input data changed (d.csv: SHA-256 differs)"])
        XCTAssertEqual(reasons(with("CAICT 2025-12", sha: "aa"), with("CAICT 2025-12", sha: "bb")),
                       ["input data changed (d.csv: SHA-256 differs)"], "same vintage, corrected cell")
        XCTAssertEqual(reasons(with(nil, sha: "aa"), with("CAICT 2025-12", sha: "bb")),
                       ["input data changed (d.csv: SHA-256 differs)"])
        // The key is optional in manifest.json, so older manifests still decode.
        let old = try JSONDecoder().decode(RunManifest.InputFile.self,
                                           from: Data(#"{"role":"series:s","path":"d.csv","sha256":"aa","bytes":1}"#.utf8))
        XCTAssertNil(old.vintage)
    }

    func testNothingChangedNamesTheToolVersionWhenItDiffers() {
        XCTAssertEqual(reasons(manifest(), manifest()), ["inputs, config and model unchanged"])
        XCTAssertEqual(reasons(manifest(), manifest(version: "2")), ["inputs unchanged; tool version 1 → 2"])
    }

    func testAddedRemovedAndUnknown() {
        XCTAssertEqual(reasons(manifest(), manifest(), series: "t"), ["unknown: neither manifest lists this series"])
        XCTAssertEqual(reasons(nil, manifest()), ["unknown: a run has no manifest.json"])
        var without = manifest()
        without.config.series = []
        XCTAssertEqual(reasons(without, manifest()), ["series added"])
        XCTAssertEqual(reasons(manifest(), without), ["series removed"])
    }
}
