import Foundation
import XCTest
@testable import Charts

final class ThemeTests: XCTestCase {
    func testStandardThemeIsASixteenByNineSlide() {
        let theme = Theme.standard
        XCTAssertEqual(theme.pageSize, Size(width: 960, height: 540))
        XCTAssertEqual(theme.pageSize.width / theme.pageSize.height, 16.0 / 9.0, accuracy: 1e-12)
        XCTAssertEqual(theme.fontFamily, "Noto Sans CJK SC")
        XCTAssertEqual(theme.palette.actual.hexString, "#004488")
    }

    func testEstimateColourIsLighterThanActualSoItReadsInGreyscale() {
        func luminance(_ c: Color) -> Double { 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue }
        let palette = Theme.standard.palette
        XCTAssertGreaterThan(luminance(palette.estimate) - luminance(palette.actual), 0.3)
    }

    func testSeriesColoursStayApartFromTheAccent() {
        let palette = Theme.standard.palette
        XCTAssertGreaterThanOrEqual(palette.series.count, 4)
        XCTAssertFalse(palette.series.contains(palette.accent))
        XCTAssertEqual(Set(palette.series.map(\.hexString)).count, palette.series.count)
    }

    func testHexColourParsing() {
        XCTAssertEqual(Color(hexString: "#004488"), Color(hex: 0x004488))
        XCTAssertEqual(Color(hexString: "00448880")?.alpha ?? 0, 128.0 / 255, accuracy: 1e-12)
        XCTAssertNil(Color(hexString: "#00448"))
        XCTAssertNil(Color(hexString: "#GG4488"))
        XCTAssertEqual(Color(hex: 0xBB5566).hexString, "#BB5566")
    }
}

final class ValueFormatTests: XCTestCase {
    func testChartFormattersAreMarketDataNumbers() {
        let f = ValueFormat.groupedDecimal(decimals: 0)
        XCTAssertEqual(f(7470), "7,470")
        XCTAssertEqual(f(12_345.6), "12,346")
        XCTAssertEqual(f(1_234_567), "1,234,567")
        XCTAssertEqual(f(-0.4), "0")
        XCTAssertEqual(ValueFormat.groupedDecimal(decimals: 1)(1234.56), "1,234.6")
        XCTAssertEqual(ValueFormat.groupedDecimal(decimals: 2)(0.5), "0.50")
    }

    func testDefaultCAGRLabel() {
        XCTAssertEqual(MarketSizeChart.CAGRSpan(from: 0, to: 3, rate: 0.1804).label, "CAGR 18.0%")
    }
}
