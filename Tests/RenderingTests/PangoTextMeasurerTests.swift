import XCTest
import Charts
@testable import Rendering

final class PangoTextMeasurerTests: XCTestCase {
    private let font = FontSpec(family: "Noto Sans CJK SC", size: 20)

    func testSizesArePlausibleForTheFontSize() {
        let size = PangoTextMeasurer().measure("Market size", font: font, maxWidth: nil)
        // Eleven Latin glyphs at 20 pt average roughly half an em each; Noto Sans CJK's
        // line box (ascent + descent) is about 1.45 em.
        XCTAssertGreaterThan(size.width, 11 * 20 * 0.3)
        XCTAssertLessThan(size.width, 11 * 20 * 0.8)
        XCTAssertEqual(size.height, 20 * 1.448, accuracy: 20 * 0.1)
    }

    func testLongerTextIsWiderAndBiggerFontIsBigger() {
        let measurer = PangoTextMeasurer()
        let short = measurer.measure("2019", font: font, maxWidth: nil)
        let long = measurer.measure("2019–2027E", font: font, maxWidth: nil)
        XCTAssertGreaterThan(long.width, short.width)
        XCTAssertEqual(long.height, short.height, accuracy: 1e-9)
        let bigger = measurer.measure("2019", font: FontSpec(family: font.family, size: 40), maxWidth: nil)
        XCTAssertEqual(bigger.width, 2 * short.width, accuracy: 0.05, "unhinted metrics scale linearly")
        let bold = measurer.measure("2019", font: FontSpec(family: font.family, size: 20, weight: .bold), maxWidth: nil)
        XCTAssertGreaterThan(bold.width, short.width)
    }

    func testCJKIdeographsAreAboutOneEmWide() {
        // Ten ideographs in a CJK font are set on a 1 em grid.
        let size = PangoTextMeasurer().measure("中国人工智能市场规模大", font: font, maxWidth: nil)
        XCTAssertEqual(size.width, 11 * 20, accuracy: 1)
    }

    func testCJKTextWrapsAtTheGivenWidth() {
        let measurer = PangoTextMeasurer()
        let text = "中国人工智能核心产业规模持续增长，大模型应用加速落地金融、能源与制造行业。"
        let oneLine = measurer.measure(text, font: font, maxWidth: nil)
        let wrapped = measurer.measure(text, font: font, maxWidth: 200)
        XCTAssertLessThanOrEqual(wrapped.width, 200)
        // 200 pt holds ten 20 pt ideographs, so the ~37 characters need four lines.
        let lines = measurer.lineCount(text, font: font, maxWidth: 200)
        XCTAssertEqual(lines, Int((oneLine.width / 200).rounded(.up)))
        XCTAssertEqual(wrapped.height, Double(lines) * oneLine.height, accuracy: 0.5)
        XCTAssertGreaterThan(wrapped.width, 180, "CJK lines fill the width: breaks fall between ideographs")
    }

    func testLatinWrapsAtWordsAndBreaksOverlongWords() {
        let measurer = PangoTextMeasurer()
        XCTAssertEqual(measurer.lineCount("forecast model intervals", font: font, maxWidth: 120), 3)
        // A single word wider than the box must still be broken (WORD_CHAR), not overflow.
        let word = "Supercalifragilisticexpialidocious"
        let size = measurer.measure(word, font: font, maxWidth: 100)
        XCTAssertLessThanOrEqual(size.width, 100)
        XCTAssertGreaterThan(measurer.lineCount(word, font: font, maxWidth: 100), 1)
    }

    func testMeasuringIsRepeatableAcrossCallsAndInstances() {
        let first = PangoTextMeasurer(), second = PangoTextMeasurer()
        let text = "单位：亿元 (100M CNY)"
        let a = first.measure(text, font: font, maxWidth: nil)
        _ = first.measure("something else entirely", font: FontSpec(family: font.family, size: 9), maxWidth: 30)
        XCTAssertEqual(first.measure(text, font: font, maxWidth: nil), a)
        XCTAssertEqual(second.measure(text, font: font, maxWidth: nil), a)
    }

    func testFirstBaselineLiesInsideTheLine() {
        let measurer = PangoTextMeasurer()
        let height = measurer.measure("Ag中", font: font, maxWidth: nil).height
        let baseline = measurer.firstBaseline("Ag中", font: font)
        XCTAssertGreaterThan(baseline, height * 0.6)
        XCTAssertLessThan(baseline, height)
    }

    func testReportsWhetherAFontFamilyIsInstalled() {
        let measurer = PangoTextMeasurer()
        XCTAssertTrue(measurer.hasFontFamily("Noto Sans CJK SC"), "fonts-noto-cjk must be installed")
        XCTAssertTrue(measurer.hasFontFamily("noto sans cjk sc"))
        XCTAssertFalse(measurer.hasFontFamily("No Such Family 4711"))
    }
}
