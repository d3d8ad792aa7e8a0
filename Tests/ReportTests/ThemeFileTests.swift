import Charts
import Foundation
import MarketData
import XCTest
@testable import Report

/// The theme file: read node by node like report.yaml, every problem at its line and
/// column with a hint, all at once; snake_case keys, the old camelCase ones with a warning.
final class ThemeFileTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("marketcast-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var houseText: String {
        get throws { try String(contentsOf: Self.root.appendingPathComponent("themes/house.yaml"), encoding: .utf8) }
    }

    /// Reads `text` as if report.yaml named it `themes/house.yaml`.
    private func read(_ text: String) throws -> ThemeFile {
        let path = folder.appendingPathComponent("house.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try ThemeFile.load(path: path, displayName: "themes/house.yaml")
    }

    /// The problems reading `text` throws, in file order; fails when it throws none.
    private func problems(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> [Diagnostic] {
        do {
            let loaded = try read(text)
            XCTFail("expected errors, read \(loaded.theme)", file: file, line: line)
            return []
        } catch {
            guard let list = InputErrors(flattening: error) else {
                XCTFail("not an input error: \(error)", file: file, line: line)
                return []
            }
            return list.errors
        }
    }

    private func line(of prefix: String, in text: String) throws -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return try XCTUnwrap(lines.firstIndex { $0.hasPrefix(prefix) }, "no line starts with \(prefix)") + 1
    }

    // MARK: The shipped file and the defaults

    func testHouseThemeFileDocumentsTheDefaultsExactly() throws {
        let loaded = try ThemeFile.load(path: Self.root.appendingPathComponent("themes/house.yaml").path)
        XCTAssertEqual(loaded.theme, Theme.standard)
        XCTAssertEqual(loaded.warnings, [], "the shipped theme uses the current key spellings")
    }

    func testDeckSectionSetsTheThemeFontsAndATemplateBesideTheThemeFile() throws {
        let theme = try read("""
            deck:
              latin_font: Arial
              east_asian_font: Microsoft YaHei
              template: firm/house.potx
            """).theme
        XCTAssertEqual(theme.deckLatinFont, "Arial")
        XCTAssertEqual(theme.deckEastAsianFont, "Microsoft YaHei")
        XCTAssertEqual(theme.deckTemplate, folder.appendingPathComponent("firm/house.potx").standardizedFileURL.path)
        XCTAssertEqual(theme.fontFamily, Theme.standard.fontFamily, "the layout still measures with font_family")
        XCTAssertFalse(problems("deck:\n  latin: Arial\n").isEmpty, "a misspelt deck key is an error")
    }

    func testEmptyOrCommentOnlyFileIsTheStandardTheme() throws {
        XCTAssertEqual(try read("").theme, Theme.standard)
        XCTAssertEqual(try read("\n  \n").theme, Theme.standard)
        XCTAssertEqual(try read("# only a comment\n").theme, Theme.standard)
        XCTAssertEqual(try read("").warnings, [])
    }

    func testThemeFileOverridesOnlyWhatItNames() throws {
        let theme = try read("""
            palette:
              accent: "#EE7733"
              series: ["#000000", "#FFFFFF80"]
            font_sizes: {title: 24}
            margins: {left: 50}
            page_size: {height: 600}
            spacing: {bar_fraction: 1}
            """).theme
        var expected = Theme.standard
        expected.palette.accent = Color(hex: 0xEE7733)
        expected.palette.series = [Color(hex: 0x000000), Color(hex: 0xFFFFFF, alpha: 128.0 / 255)]
        expected.fontSizes.title = 24
        expected.margins.left = 50
        expected.pageSize.height = 600
        expected.spacing.barFraction = 1
        XCTAssertEqual(theme, expected)
    }

    // MARK: Errors at their line and column

    func testAWordWhereANumberBelongsIsLocatedWithAHint() throws {
        let text = try houseText.replacingOccurrences(of: "  title: 22\n", with: "  title: banana\n")
        let found = problems(text)
        XCTAssertEqual(found.count, 1, found.map(\.description).joined(separator: "\n"))
        let error = try XCTUnwrap(found.first)
        let line = try self.line(of: "  title: banana", in: text)
        XCTAssertEqual(error.location, SourceLocation(file: "themes/house.yaml", line: line, column: 10))
        XCTAssertEqual(error.severity, .error)
        let description = error.description
        XCTAssertTrue(description.hasPrefix(
            "themes/house.yaml:\(line):10: error: `title` in `font_sizes` must be a number of points, found `banana`"),
            description)
        XCTAssertTrue(description.contains("\n  hint: write a number of points greater than 0, such as 22"), description)
        XCTAssertFalse(description.contains("Scalar("), description)
        XCTAssertFalse(description.contains(folder.path), description)
        XCTAssertFalse(description.replacingOccurrences(of: "themes/house.yaml", with: "").contains("/"),
                       "no absolute path, only themes/house.yaml: \(description)")
    }

    func testAMisspeltKeyGetsDidYouMean() {
        let found = problems("palette:\n  acent: \"#EE7733\"\nfont_sizse: {title: 20}\n")
        XCTAssertEqual(found.map(\.location.description), ["themes/house.yaml:2:3", "themes/house.yaml:3:1"])
        XCTAssertEqual(found.first?.message, "unknown key `acent` in `palette`")
        XCTAssertTrue(found.first?.hint?.hasPrefix("did you mean `accent`?") ?? false, found.first?.hint ?? "")
        XCTAssertEqual(found.last?.message, "unknown key `font_sizse` in the theme file")
        XCTAssertTrue(found.last?.hint?.hasPrefix("did you mean `font_sizes`?") ?? false, found.last?.hint ?? "")
        // A slip in an old spelling suggests the current one.
        let old = problems("fontSizse: {title: 20}\n")
        XCTAssertTrue(old.first?.hint?.hasPrefix("did you mean `font_sizes`?") ?? false, old.first?.hint ?? "")
    }

    func testEveryProblemInTheFileIsReportedAtOnceInFileOrder() {
        let found = problems("""
            page_size: {width: 960, heigth: 540}
            font_sizes:
              title: banana
              note: 0
            palette:
              accent: "#12345G"
              text: #222222
              series: ["#004488", "blue"]
            line_widths: {series: -2.2}
            spacing:
              bar_fraction: 1.5
              label_gap: [4]
            font_family: [Noto]
            """)
        let lines = found.map { "\($0.location): \($0.message)" }
        XCTAssertEqual(lines, [
            "themes/house.yaml:1:25: unknown key `heigth` in `page_size`",
            "themes/house.yaml:3:10: `title` in `font_sizes` must be a number of points, found `banana`",
            "themes/house.yaml:4:9: `note` in `font_sizes` must be greater than 0, found `0`",
            "themes/house.yaml:6:11: `accent` in `palette` must be a colour \"#RRGGBB\", found `#12345G`",
            "themes/house.yaml:7:8: `text` in `palette` is present but empty",
            "themes/house.yaml:8:23: entry 2 of `series` in `palette` must be a colour \"#RRGGBB\", found `blue`",
            "themes/house.yaml:9:23: `series` in `line_widths` must be 0 or more, found `-2.2`",
            "themes/house.yaml:11:17: `bar_fraction` in `spacing` must be more than 0 and at most 1, found `1.5`",
            "themes/house.yaml:12:14: `label_gap` in `spacing` must be a number of points, found a list",
            "themes/house.yaml:13:14: `font_family` must be a single value, found a list",
        ])
        XCTAssertTrue(found.allSatisfy { $0.severity == .error && !($0.hint ?? "").isEmpty })
    }

    func testABadColourNamesTheFormAndAnExample() throws {
        let error = try XCTUnwrap(problems("palette:\n  accent: \"#12345G\"\n").first)
        XCTAssertEqual(error.location.description, "themes/house.yaml:2:11")
        XCTAssertEqual(error.message, "`accent` in `palette` must be a colour \"#RRGGBB\", found `#12345G`")
        XCTAssertTrue(error.hint?.contains("\"#BB5566\"") ?? false, error.hint ?? "")
    }

    func testANegativeSizeIsRefused() throws {
        let font = try XCTUnwrap(problems("font_sizes:\n  note: -9\n").first)
        XCTAssertEqual(font.description, """
            themes/house.yaml:2:9: error: `note` in `font_sizes` must be greater than 0, found `-9`
              hint: write a number of points greater than 0, such as 9
            """)
        let margin = try XCTUnwrap(problems("margins: {top: -1}\n").first)
        XCTAssertEqual(margin.location.description, "themes/house.yaml:1:16")
        XCTAssertEqual(margin.hint, "write a number of points, 0 or more, such as 28")
    }

    func testAListWhereANumberBelongsIsATypeError() throws {
        let error = try XCTUnwrap(problems("line_widths:\n  hatch: [1, 2]\n").first)
        XCTAssertEqual(error.location.description, "themes/house.yaml:2:10")
        XCTAssertEqual(error.message, "`hatch` in `line_widths` must be a number of points, found a list")
        XCTAssertEqual(error.hint, "write a number of points, 0 or more, such as 1.1")
        let section = try XCTUnwrap(problems("font_sizes: 12\n").first)
        XCTAssertEqual(section.location.description, "themes/house.yaml:1:13")
        XCTAssertTrue(section.message.contains("`font_sizes` must be a mapping"), section.message)
    }

    func testAPageWithNoRoomInsideItsMarginsIsRefused() throws {
        let error = try XCTUnwrap(problems("page_size: {width: 50, height: 40}\n").first)
        XCTAssertEqual(error.location.description, "themes/house.yaml:1:12")
        XCTAssertTrue(error.message.contains("50×40 pt"), error.message)
        XCTAssertTrue(error.message.contains("leaves no room inside its margins"), error.message)
    }

    func testAYAMLSyntaxErrorIsLocated() throws {
        let error = try XCTUnwrap(problems("font_sizes:\n  title: [22\n").first)
        XCTAssertTrue(error.message.hasPrefix("YAML syntax"), error.message)
        XCTAssertNotNil(error.location.line)
        XCTAssertEqual(error.location.file, "themes/house.yaml")
    }

    // MARK: The old camelCase keys

    func testOldCamelCaseKeysAreReadWithADeprecationWarning() throws {
        let loaded = try read("""
            fontSizes:
              valueLabel: 14
            palette: {secondaryText: "#444444"}
            spacing: {pillPaddingX: 9, bar_fraction: 0.5}
            """)
        var expected = Theme.standard
        expected.fontSizes.valueLabel = 14
        expected.palette.secondaryText = Color(hex: 0x444444)
        expected.spacing.pillPaddingX = 9
        expected.spacing.barFraction = 0.5
        XCTAssertEqual(loaded.theme, expected)
        XCTAssertEqual(loaded.warnings.map { String($0.description.split(separator: "\n")[0]) }, [
            "themes/house.yaml:1:1: warning: `fontSizes` is the old spelling; write `font_sizes`",
            "themes/house.yaml:2:3: warning: `valueLabel` is the old spelling; write `value_label`",
            "themes/house.yaml:3:11: warning: `secondaryText` is the old spelling; write `secondary_text`",
            "themes/house.yaml:4:11: warning: `pillPaddingX` is the old spelling; write `pill_padding_x`",
        ])
        XCTAssertTrue(loaded.warnings.allSatisfy { $0.severity == .warning && $0.hint != nil })
    }

    func testTheWholeShippedFileInOldSpellingReadsTheSameTheme() throws {
        var old = try houseText
        for (camel, snake) in ThemeFile.oldSpellings(of: [
            "page_size", "font_family", "font_sizes", "value_label", "minimum_value_label", "cagr_label",
            "minimum_note", "secondary_text", "estimate_hatch", "accent_text", "line_widths", "hatch_spacing",
            "label_gap", "label_separation", "minimum_label_separation", "block_gap", "bar_fraction",
            "pill_padding_x", "pill_padding_y", "minimum_arrow_leg", "arrow_tier_gap"]).sorted(by: { $0.value.count > $1.value.count }) {
            // Longest first, so `value_label` does not eat into `minimum_value_label`.
            old = old.replacingOccurrences(of: "\(snake):", with: "\(camel):")
        }
        let loaded = try read(old)
        XCTAssertEqual(loaded.theme, Theme.standard)
        XCTAssertEqual(loaded.warnings.count, 21)
    }

    func testAKeyInBothSpellingsIsAnError() throws {
        let found = problems("font_sizes: {title: 20}\nfontSizes: {title: 21}\n")
        let error = try XCTUnwrap(found.first { $0.severity == .error })
        XCTAssertEqual(error.location.description, "themes/house.yaml:2:1")
        XCTAssertTrue(error.message.contains("`font_sizes` is set twice"), error.message)
    }

    // MARK: Through check and run

    func testCheckListsTheThemeProblemsUnderThePathTheConfigWrites() throws {
        try "year,value,unit,status,source\n2020,1,亿元,actual,x\n2021,2,亿元,actual,x\n"
            .write(to: folder.appendingPathComponent("data.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("themes"), withIntermediateDirectories: true)
        try "fontSizes:\n  title: banana\n  nte: 9\n"
            .write(to: folder.appendingPathComponent("themes/t.yaml"), atomically: true, encoding: .utf8)
        let config = folder.appendingPathComponent("report.yaml").path
        try "quarter: 2026Q4\nhorizon: 2023\ntheme: themes/t.yaml\nseries:\n  - id: s\n    data: data.csv\n"
            .write(toFile: config, atomically: true, encoding: .utf8)
        let report = RunValidation.check(configPath: config)
        let theme = folder.appendingPathComponent("themes/t.yaml").path
        XCTAssertEqual(report.problems.map { "\($0.location): \($0.severity.rawValue)" }, [
            "\(theme):1:1: warning", "\(theme):2:10: error", "\(theme):3:3: error",
        ])
        XCTAssertTrue(report.files.contains(theme))

        // Only the warning left: the config is valid, and the warning is listed.
        try "fontSizes:\n  title: 20\n".write(to: folder.appendingPathComponent("themes/t.yaml"), atomically: true, encoding: .utf8)
        let warned = RunValidation.check(configPath: config)
        XCTAssertTrue(warned.isValid, warned.problems.map(\.description).joined(separator: "\n"))
        XCTAssertEqual(warned.warnings.map(\.location.description), ["\(theme):1:1"])
        let loaded = try ReportConfig.load(path: config)
        XCTAssertEqual(loaded.themeDisplayName, theme)
        XCTAssertNoThrow(try RunValidation.validated(loaded), "a warning does not stop a run")
    }

    func testTheDisplayNameIsThePathFromTheCurrentFolder() {
        XCTAssertEqual(ReportConfig.displayName("themes/house.yaml", configFile: "report.yaml"), "themes/house.yaml")
        XCTAssertEqual(ReportConfig.displayName("themes/house.yaml", configFile: "q4/report.yaml"), "q4/themes/house.yaml")
        XCTAssertEqual(ReportConfig.displayName("/srv/house.yaml", configFile: "q4/report.yaml"), "/srv/house.yaml")
    }
}
