@testable import Charts
import Foundation
import MarketData
@testable import Rendering
@testable import Report
import TestSupport
import XCTest

/// Issue 23, items 3–5: no input may crash marketcast or make it run away. Each case makes
/// its own input (the big ones generated here, bounded), and checks what the analyst sees:
/// the error, its line and column, and that the input was dealt with at all. No timing or
/// memory assertions: those are in the measurements in docs/promises.md.
final class InputLimitsReliabilityTests: XCTestCase {
    // MARK: - YAML depth and size (item 3)

    private func yamlErrors(_ text: String, file: String = "report.yaml") -> [Diagnostic] {
        do {
            _ = try YAMLMapping.document(file: file, text: text)
            return []
        } catch {
            return Diagnostic.of(error)
        }
    }

    func testFiveThousandFlowBracketsAreALocatedErrorNotACrash() throws {
        let errors = yamlErrors("quarter: 2026Q4\nseries: " + String(repeating: "[", count: 5000)
                                + String(repeating: "]", count: 5000) + "\n")
        let error = try XCTUnwrap(errors.first)
        // The top-level mapping is one level, so the 64th bracket (column 8 + 64) is the 65th.
        XCTAssertEqual(error.location, SourceLocation(file: "report.yaml", line: 2, column: 72))
        XCTAssertTrue(error.message.contains("more than 64 levels"), error.message)
        XCTAssertNotNil(error.hint)
    }

    func testFlowMappingsAndCompactItemsCountToo() throws {
        let mappings = yamlErrors("x: " + String(repeating: "{a: ", count: 5000) + "1" + String(repeating: "}", count: 5000))
        XCTAssertEqual(mappings.first?.location.line, 1)
        XCTAssertEqual(mappings.first?.location.column, 4 + 63 * 4)
        let items = yamlErrors("quarter: 2026Q4\nx:\n" + String(repeating: "- ", count: 5000) + "a\n")
        XCTAssertEqual(items.first?.location, SourceLocation(file: "report.yaml", line: 3, column: 129))
    }

    func testAnIndentationStaircaseStopsAtTheLineThatGoesTooDeep() throws {
        var text = "quarter: 2026Q4\nx:\n"
        for level in 1...100 { text += String(repeating: " ", count: level) + "k\(level):\n" }
        let error = try XCTUnwrap(yamlErrors(text).first)
        // Line 2 + 64: the 65th level, at its first character.
        XCTAssertEqual(error.location, SourceLocation(file: "report.yaml", line: 66, column: 65))
    }

    func testTheThemeAndScenarioLoadersGoThroughTheSameGuard() throws {
        let deep = "font_sizes: " + String(repeating: "[", count: 6000) + "\n"
        XCTAssertThrowsError(try ThemeFile.read(deep, file: "themes/t.yaml")) { error in
            XCTAssertEqual(Diagnostic.of(error).first?.location, SourceLocation(file: "themes/t.yaml", line: 1, column: 76))
        }
        let folder = try temporaryFolder()
        let path = folder.appendingPathComponent("bear.yaml").path
        try ("name: bear\nlabel: " + String(repeating: "{a: ", count: 6000)).write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ScenarioConfig.load(path: path, displayName: "scenarios/bear.yaml", seriesIDs: ["a"], horizon: 2030)) { error in
            let diagnostic = Diagnostic.of(error).first
            XCTAssertEqual(diagnostic?.location.file, "scenarios/bear.yaml")
            XCTAssertEqual(diagnostic?.location.line, 2)
        }
    }

    func testNestingWithinTheLimitAndBracketsInTextAreFine() throws {
        let nested = "quarter: 2026Q4\nx: " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "\n"
        XCTAssertNil(YAMLGuard.DepthScan.firstTooDeep(in: nested, limit: InputLimits.yamlDepth))
        XCTAssertNoThrow(try YAMLGuard.compose(nested, file: "r.yaml"))
        let brackets = String(repeating: "[{", count: 100)
        let text = """
            title: "\(brackets)"
            subtitle: '\(brackets) it''s'
            plain: Market size \(brackets)
            # \(brackets)
            note: |
              \(brackets)
              \(brackets)
            after: [1, {a: 2}]
            """
        XCTAssertNil(YAMLGuard.DepthScan.firstTooDeep(in: text, limit: InputLimits.yamlDepth))
        XCTAssertNoThrow(try YAMLGuard.compose(text, file: "r.yaml"))
    }

    func testAYAMLFileOverOneMebibyteIsRefusedBeforeParsing() throws {
        let big = "quarter: 2026Q4\n" + String(repeating: "# padding\n", count: 110_000)
        let error = try XCTUnwrap(yamlErrors(big).first)
        XCTAssertEqual(error.location.file, "report.yaml")
        XCTAssertTrue(error.message.contains("at most 1 MiB"), error.message)
        // The same check runs on the file before it is read.
        let path = try temporaryFolder().appendingPathComponent("report.yaml").path
        try big.write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ReportConfig.load(path: path)) { error in
            XCTAssertTrue(Diagnostic.of(error).first?.message.contains("at most 1 MiB") ?? false)
        }
        let report = RunValidation.check(configPath: path)
        XCTAssertEqual(report.errors.count, 1)
        XCTAssertTrue(report.errors.first?.message.contains("at most 1 MiB") ?? false)
    }

    func testAnAliasErrorPointsAtTheUseNotTheAnchor() throws {
        let text = "defaults: &d [1, 2]\nquarter: 2026Q4\nhorizon: *d\nlevel: &l 0.95\nseries:\n  - id: a\n    data: s.csv\n    title: *d\n"
        let root = try YAMLMapping.document(file: "report.yaml", text: text)
        XCTAssertThrowsError(try root.int("horizon")) { error in
            XCTAssertEqual(Diagnostic.of(error).first?.location, SourceLocation(file: "report.yaml", line: 3, column: 10))
        }
        let entry = try XCTUnwrap(try root.mappings("series")?.first)
        XCTAssertThrowsError(try entry.string("title")) { error in
            XCTAssertEqual(Diagnostic.of(error).first?.location, SourceLocation(file: "report.yaml", line: 8, column: 12))
        }
        // The anchored value itself keeps its own place.
        XCTAssertEqual(root.location(of: "defaults"), SourceLocation(file: "report.yaml", line: 1, column: 11))
        XCTAssertEqual(try root.double("level"), 0.95)
    }

    func testAliasesOfAliasesCannotStandForBillionsOfValues() throws {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        text += "quarter: *i\n"
        let error = try XCTUnwrap(yamlErrors(text).first)
        XCTAssertEqual(error.location, SourceLocation(file: "report.yaml", line: 2, column: 8))
        XCTAssertTrue(error.message.contains("more than 100000 values"), error.message)
    }

    // MARK: - Theme ranges and text lengths (item 4)

    private func themeErrors(_ text: String) -> [Diagnostic] {
        do {
            _ = try ThemeFile.read(text, file: "themes/t.yaml")
            return []
        } catch {
            return Diagnostic.of(error)
        }
    }

    func testRunawayThemeNumbersAreLocatedErrorsWithTheirRange() throws {
        let errors = themeErrors("""
            page_size: {width: 1e9}
            margins: {top: 1e9}
            font_sizes:
              title: 1200
              note: 1e9
            line_widths: {series: 1e9}
            spacing: {block_gap: 1e9}
            """)
        XCTAssertEqual(errors.map { "\($0.location.line ?? 0):\($0.location.column ?? 0)" },
                       ["1:20", "2:16", "4:10", "5:9", "6:23", "7:22"])
        let title = try XCTUnwrap(errors.first { $0.location.line == 4 })
        XCTAssertEqual(title.message, "`title` in `font_sizes` must be at most 72 points, found `1200`")
        XCTAssertTrue(title.hint?.contains("22") ?? false, title.hint ?? "")
        XCTAssertTrue(errors.first?.message.contains("at most 14400 points") ?? false)
        // The standard theme and values at the top of each range are fine.
        XCTAssertEqual(themeErrors("font_sizes: {title: 72}\nline_widths: {series: 50}\npage_size: {width: 14400}\n"), [])
    }

    func testATwentyThousandCharacterTitleIsRefusedAtItsValueAndQuotedShort() throws {
        let text = "quarter: 2026Q4\nhorizon: 2027\ndocument:\n  title: " + String(repeating: "a", count: 20_000) + "\n"
        let root = try YAMLMapping.document(file: "report.yaml", text: text)
        var problems = InputErrors()
        _ = try? ReportConfig(root: root, folder: "/nonexistent", problems: &problems)
        let error = try XCTUnwrap(problems.errors.first { $0.message.contains("longer than") })
        XCTAssertEqual(error.location, SourceLocation(file: "report.yaml", line: 4, column: 10))
        XCTAssertEqual(error.message, "`title` is longer than 200 characters, the most a title or label may have")
        XCTAssertLessThan(error.description.count, 400)
    }

    func testANoteOfFiftyMegabytesWorthIsRefusedWithoutReadingItAll() throws {
        // 1 MB here (the YAML size limit would refuse 50 MB before anything else).
        let note = String(repeating: "長", count: 400_000)
        let text = "quarter: 2026Q4\nhorizon: 2027\nseries:\n  - id: s\n    data: s.csv\n    note: \(note)\n"
        XCTAssertGreaterThan(text.utf8.count, InputLimits.yamlFileBytes - 1)
        XCTAssertTrue(yamlErrors(text).first?.message.contains("at most 1 MiB") ?? false)
        let shorter = "quarter: 2026Q4\nhorizon: 2027\nseries:\n  - id: s\n    data: s.csv\n    note: " + String(repeating: "長", count: 2_001) + "\n"
        let root = try YAMLMapping.document(file: "report.yaml", text: shorter)
        var problems = InputErrors()
        _ = try? ReportConfig(root: root, folder: "/nonexistent", problems: &problems)
        let error = try XCTUnwrap(problems.errors.first { $0.message.contains("longer than") })
        XCTAssertEqual(error.location.line, 6)
        XCTAssertEqual(error.message, "`note` is longer than 2000 characters, the most a note may have")
    }

    func testPangoGetsBreakOpportunitiesInLongRunsAndAtMostItsCharacterLimit() {
        let run = String(repeating: "a", count: 20_000)
        let wrapped = PangoTextMeasurer.prepared(run, wrapping: true)
        XCTAssertEqual(wrapped.unicodeScalars.filter { $0 == "\u{200B}" }.count, 20_000 / 256 - (20_000 % 256 == 0 ? 1 : 0))
        XCTAssertEqual(PangoTextMeasurer.prepared(run, wrapping: false), run)
        let ordinary = "中国AI市场规模 2024 年超过9,000亿元 https://example.com/a/b/c"
        XCTAssertEqual(PangoTextMeasurer.prepared(ordinary, wrapping: true), ordinary)
        let huge = PangoTextMeasurer.prepared(String(repeating: "ab ", count: 20_000), wrapping: false)
        XCTAssertEqual(huge.unicodeScalars.count, PangoTextMeasurer.maximumCharacters)
        XCTAssertEqual(huge.unicodeScalars.last, "\u{2026}")
    }

    func testAnUnbreakableTitleIsEllipsizedOnThePageWithPango() throws {
        let chart = MarketSizeChart(title: String(repeating: "W", count: 20_000), unitLabel: "亿元",
                                    bars: [.init(label: "2023", value: 10), .init(label: "2024", value: 12)],
                                    sourceNote: String(repeating: "note ", count: 40_000))
        let layout = chart.layout(measurer: PangoTextMeasurer())
        let page = Rect(x: 0, y: 0, width: Theme.standard.pageSize.width, height: Theme.standard.pageSize.height)
        XCTAssertTrue(page.contains(layout.blocks.title), "\(layout.blocks.title)")
        XCTAssertTrue(page.contains(try XCTUnwrap(layout.blocks.note)), "\(String(describing: layout.blocks.note))")
        guard case let .text(title)? = layout.scene.items(withRole: "title").first else { return XCTFail("no title") }
        XCTAssertEqual(title.text.unicodeScalars.last, "\u{2026}")
        XCTAssertLessThan(title.text.count, 1_000)
        XCTAssertTrue(layout.problems.contains { $0.contains("title needs more than 3 lines") }, "\(layout.problems)")
    }

    func testEllipsizingWithTheFakeMeasurerKeepsTheLongestStartThatFits() {
        let measurer = FakeMeasurer()
        let font = FontSpec(family: "x", size: 10, weight: .regular)
        let oneLine = measurer.lineHeight(font)
        let text = String(repeating: "word ", count: 2_000)
        let cut = measurer.ellipsized(text, font: font, maxWidth: 200, maxHeight: 2 * oneLine + 0.1)
        XCTAssertTrue(cut.hasSuffix("…"))
        XCTAssertLessThanOrEqual(measurer.measure(cut, font: font, maxWidth: 200).height, 2 * oneLine + 0.1)
        // One more character would not fit.
        let kept = String(cut.dropLast())
        let longer = String(text.prefix(kept.count + 6)) + "…"
        XCTAssertGreaterThan(measurer.measure(longer, font: font, maxWidth: 200).height, 2 * oneLine + 0.1)
        XCTAssertEqual(measurer.ellipsized("short", font: font, maxWidth: 200, maxHeight: oneLine), "short")
    }

    func testShrinkingFromAHugeFontBisectsToTheSameSizeAsStepping() {
        // Whatever the predicate's threshold, bisection finds the first step that fits.
        for threshold in [1, 2, 17, 64, 127, 128] {
            var calls = 0
            let found = ShrinkSearch.firstFitting(steps: 128) { calls += 1; return $0 >= threshold }
            XCTAssertEqual(found, threshold)
            XCTAssertLessThanOrEqual(calls, 9)
        }
        XCTAssertNil(ShrinkSearch.firstFitting(steps: 128) { _ in false })
        // Labels at a 72 pt value-label size shrink to what fits, as stepping would find.
        let measurer = FakeMeasurer()
        var theme = Theme.standard
        theme.fontSizes.valueLabel = 72
        let labels = (0..<8).map { "label \($0)" }
        let centers = (0..<8).map { 50 + 100 * Double($0) }
        let font = theme.font(72)
        let fit = RowLabelFitting.fit(labels, centers: centers, bounds: 0...800, font: font, minimumSize: 8,
                                      theme: theme, measurer: measurer)
        var stepped = 72.0
        while stepped - 0.5 >= 8 {
            stepped -= 0.5
            var f = font; f.size = stepped
            let widths = labels.map { measurer.measure($0, font: f, maxWidth: nil).width }
            let clear = zip(widths, widths.dropFirst()).allSatisfy { 100 >= ($0 + $1) / 2 + theme.spacing.minimumLabelSeparation }
                && widths.allSatisfy { $0 / 2 <= 50 }
            if clear { break }
        }
        XCTAssertTrue(fit.fits)
        XCTAssertFalse(fit.staggered)
        XCTAssertEqual(fit.font.size, stepped)
    }

    func testTableTextsLongerThanANoteAreLocated() throws {
        let csv = "name,value\nok,1\n" + String(repeating: "x", count: 2_001) + ",2\n"
        let table = try CSVTable.parse(data: Data(csv.utf8), file: "vendors.csv")
        let typed = try TypedTable(table: table, required: ["name"])
        XCTAssertThrowsError(try typed.finish()) { error in
            XCTAssertEqual(Diagnostic.of(error).map(\.location), [SourceLocation(file: "vendors.csv", line: 3, column: 1)])
        }
    }

    // MARK: - CSV memory and early errors (item 5)

    private func csvErrors(_ text: String, file: String = "wide.csv") -> [Diagnostic] {
        do {
            _ = try CSVTable.parse(data: Data(text.utf8), file: file)
            return []
        } catch {
            return Diagnostic.of(error)
        }
    }

    func testAHeaderOfCommasStopsAtTheColumnLimitWithoutReadingTheRest() throws {
        // 1 MB of commas, and after them a quote that is never closed: it is never reached.
        let text = "series,year,value," + String(repeating: ",", count: 1_000_000) + "\n\"never closed\n"
        let errors = csvErrors(text)
        XCTAssertEqual(errors.first?.location, SourceLocation(file: "wide.csv", line: 1, column: 19))
        XCTAssertEqual(errors.first?.message, "the header has an empty column name")
        let last = try XCTUnwrap(errors.last)
        XCTAssertEqual(last.location, SourceLocation(file: "wide.csv", line: 1, column: 19 + 997))
        XCTAssertTrue(last.message.contains("more than 1000 columns"), last.message)
        XCTAssertLessThanOrEqual(errors.count, 11)
        XCTAssertFalse(errors.contains { $0.message.contains("never closed") })
    }

    func testAWideHeaderInABigFileIsRefusedFromItsFirstBytes() throws {
        // 5 MB of commas on disk; the same errors as from the whole text, without it.
        let path = try temporaryFolder().appendingPathComponent("wide.csv").path
        let header = "series,year,value," + String(repeating: ",", count: 5_000_000) + "\n"
        try header.write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try CSVTable.read(path: path)) { error in
            let errors = Diagnostic.of(error)
            XCTAssertEqual(errors.first?.location, SourceLocation(file: path, line: 1, column: 19))
            XCTAssertEqual(errors.last?.location, SourceLocation(file: path, line: 1, column: 1016))
            XCTAssertEqual(errors.count, 11)
        }
        // A quoted header with commas inside its names is read as a whole, not cut.
        let quoted = "\"a,b\"," + (0..<999).map { "\"c\($0),x\"" }.joined(separator: ",") + "\n"
            + (0..<1000).map { _ in "1" }.joined(separator: ",") + "\n" + String(repeating: "#", count: 300_000) + "\n"
        try quoted.write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertThrowsError(try CSVTable.read(path: path)) { error in
            // The one problem is the last line's (one cell for 1000 columns), found by reading all.
            XCTAssertEqual(Diagnostic.of(error).map(\.location.line), [3])
        }
    }

    func testACellOverTheLimitIsRefusedAtItsStart() throws {
        let errors = csvErrors("series,year,value\na,2020,1\n  " + String(repeating: "é", count: 10_001) + ",2021,2\n")
        XCTAssertEqual(errors.map(\.location), [SourceLocation(file: "wide.csv", line: 3, column: 3)])
        XCTAssertTrue(errors.first?.message.contains("longer than 10000 characters") ?? false)
        // An unclosed quote at the top of a long file is found at once, at the quote.
        var long = "series,year,value\n\"a,2020,1\n"
        for row in 0..<20_000 { long += "b,\(1000 + row % 1000),\(row)\n" }
        XCTAssertEqual(csvErrors(long).map(\.location), [SourceLocation(file: "wide.csv", line: 2, column: 1)])
        // At the limit, a cell is read.
        XCTAssertEqual(csvErrors("a,b\n" + String(repeating: "x", count: 10_000) + ",1\n"), [])
    }

    func testAFileOfBadRowsListsAThousandProblemsAndSaysItStopped() throws {
        let errors = csvErrors("year,value,unit,status,source\n" + String(repeating: "1,2\n", count: 50_000))
        XCTAssertEqual(errors.count, InputLimits.csvProblems + 1)
        XCTAssertEqual(errors[0].location, SourceLocation(file: "wide.csv", line: 2))
        XCTAssertEqual(errors[999].location, SourceLocation(file: "wide.csv", line: 1001))
        XCTAssertTrue(errors.last?.message.hasPrefix("stopped after 1000 problems") ?? false)
    }

    func testAFileOverTheSizeLimitIsRefusedBeforeItIsRead() throws {
        // A sparse file: 600 MB long, no disk used, and nothing of it is read.
        let path = try temporaryFolder().appendingPathComponent("huge.csv").path
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("year,value\n".utf8)))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 600 << 20)
        try handle.close()
        XCTAssertThrowsError(try CSVTable.read(path: path)) { error in
            let diagnostic = Diagnostic.of(error).first
            XCTAssertEqual(diagnostic?.location, SourceLocation(file: path))
            XCTAssertEqual(diagnostic?.message, "the file is \(600 << 20) bytes; a CSV file may be at most 512 MiB (\(512 << 20) bytes)")
        }
    }

    func testABigLongFileKeepsEveryCellAndItsPosition() throws {
        // 80,000 rows: what a 2-million-row file does, in small.
        var text = "series,year,value\n"
        text.reserveCapacity(5_000_000)
        for series in 0..<4_000 {
            let name = "segment-\(series)-enterprise-software-and-cloud-services"
            for year in 2005..<2025 { text += "\(name),\(year),\(series + year)\n" }
        }
        let table = try LongSeriesTable(try CSVTable.parse(data: Data(text.utf8), file: "long.csv"),
                                        idColumn: "series", xColumn: "year", yColumn: "value")
        XCTAssertEqual(table.series.count, 4_000)
        XCTAssertEqual(table.series.last?.years.count, 20)
        XCTAssertEqual(table.series.last?.firstLine, 2 + 3_999 * 20)
        XCTAssertTrue(table.problems.isEmpty)
        let csv = try CSVTable.parse(data: Data(text.utf8), file: "long.csv")
        let last = try XCTUnwrap(csv.rows.last)
        XCTAssertEqual(last[2].line, 80_001)
        XCTAssertEqual(last[2].column, "segment-3999-enterprise-software-and-cloud-services,2024,".count + 1)
        XCTAssertEqual(last[0].text, "segment-3999-enterprise-software-and-cloud-services")
    }

    func testEncodingsAndPositionsSurviveTheByteReader() throws {
        let crlf = Data("年份, 规模 ,\"单位\"\r\n2024,7470,\"亿\"\"元\"\r\n".utf8)
        let table = try CSVTable.parse(data: crlf, file: "p.csv")
        XCTAssertEqual(table.header, ["年份", "规模", "单位"])
        XCTAssertEqual(table.headerCells.map(\.column), [1, 5, 9])
        XCTAssertEqual(table.rows[0].cells.map(\.text), ["2024", "7470", "亿\"元"])
        XCTAssertEqual(table.rows[0].cells.map(\.column), [1, 6, 11])
        let withBOM = try CSVTable.parse(data: Data([0xEF, 0xBB, 0xBF] + Array("a,b\n\u{FEFF}1 ,2\u{FEFF}\n".utf8)), file: "b.csv")
        XCTAssertEqual(withBOM.rows[0].cells.map(\.text), ["1", "2"])
        XCTAssertEqual(withBOM.encoding, .utf8WithBOM)
    }

    func testTheCheapTrimAgreesWithFoundation() {
        for text in ["", " ", "a", " a ", "\ta\u{3000}", "\u{00A0}x\u{2003}", "中 文", "\n x \n", "x\u{200B}", "\u{200B}y", "a\u{85}"] {
            XCTAssertEqual(text.trimmedOfSpaces, text.trimmingCharacters(in: .whitespaces), "\(Array(text.unicodeScalars))")
        }
    }

    // MARK: - Helpers

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}

/// The corpus of inputs that once crashed or hung marketcast (Tests/Fixtures/fuzz-corpus,
/// added to by `make fuzz` findings): each goes through every reading path of `check` and
/// `forecast` for its kind and must give a result or errors that name it.
final class FuzzCorpusTests: XCTestCase {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz-corpus")

    func testEveryCorpusInputIsReadOrRefusedWithLocatedErrors() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        XCTAssertGreaterThanOrEqual(names.count, 10)
        for name in names {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
            let kinds = name.hasSuffix(".csv") ? InputProbe.Kind.csv : InputProbe.Kind.yaml
            for kind in kinds {
                switch InputProbe.run(data, as: kind, file: name) {
                case .accepted:
                    break
                case let .refused(diagnostics):
                    XCTAssertFalse(diagnostics.isEmpty, "\(name) as \(kind)")
                    for diagnostic in diagnostics where diagnostic.severity == .error {
                        XCTAssertEqual(diagnostic.location.file, name, "\(name) as \(kind): \(diagnostic)")
                    }
                }
            }
        }
    }

    func testTheCrashersAreRefusedWhereTheProblemIs() throws {
        func first(_ name: String, _ kind: InputProbe.Kind) throws -> Diagnostic? {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
            guard case let .refused(diagnostics) = InputProbe.run(data, as: kind, file: name) else { return nil }
            return diagnostics.first
        }
        XCTAssertEqual(try first("deep-flow-sequence.yaml", .reportConfig)?.location.line, 3)
        XCTAssertEqual(try first("deep-flow-mapping.yaml", .theme)?.location.line, 2)
        XCTAssertEqual(try first("deep-compact-sequence.yaml", .scenario)?.location.line, 2)
        XCTAssertEqual(try first("wide-header.csv", .longCSV)?.location.column, 19)
        XCTAssertEqual(try first("unclosed-quote.csv", .longCSV)?.location.line, 2)
        XCTAssertEqual(try first("theme-font-size-1200.yaml", .theme)?.location.line, 2)
    }
}
