import XCTest
@testable import MarketData

final class NumberFormatTests: XCTestCase {
    func testGroupedThousands() {
        XCTAssertEqual(NumberFormat.grouped(12345), "12,345")
        XCTAssertEqual(NumberFormat.grouped(1234.5, decimals: 1), "1,234.5")
        XCTAssertEqual(NumberFormat.grouped(1234.5), "1,235")
        XCTAssertEqual(NumberFormat.grouped(999), "999")
        XCTAssertEqual(NumberFormat.grouped(1000), "1,000")
        XCTAssertEqual(NumberFormat.grouped(1_234_567_890.126, decimals: 2), "1,234,567,890.13")
        XCTAssertEqual(NumberFormat.grouped(0.5), "1")
        XCTAssertEqual(NumberFormat.grouped(0.4999), "0")
        XCTAssertEqual(NumberFormat.grouped(1e21), "1,000,000,000,000,000,000,000")
    }

    func testRoundingHalfAwayFromZeroOnTheNumberAsWritten() {
        XCTAssertEqual(NumberFormat.fixed(2.5, decimals: 0), "3")
        XCTAssertEqual(NumberFormat.fixed(-2.5, decimals: 0), "−3")
        XCTAssertEqual(NumberFormat.fixed(-1234.5, decimals: 0), "−1235")
        XCTAssertEqual(NumberFormat.grouped(-1234.5), "−1,235")
        // 2.675 and 1.005 are stored just below the half; the analyst typed the half.
        XCTAssertEqual(NumberFormat.fixed(2.675, decimals: 2), "2.68")
        XCTAssertEqual(NumberFormat.fixed(1.005, decimals: 2), "1.01")
        XCTAssertEqual(NumberFormat.fixed(9.995, decimals: 2), "10.00")
        XCTAssertEqual(NumberFormat.fixed(999.96, decimals: 1), "1000.0")
        XCTAssertEqual(NumberFormat.fixed(0.000123, decimals: 5), "0.00012")
        XCTAssertEqual(NumberFormat.fixed(0.000125, decimals: 5), "0.00013")
        XCTAssertEqual(NumberFormat.fixed(1e-7, decimals: 3), "0.000")
        XCTAssertEqual(NumberFormat.fixed(0.0005, decimals: 3), "0.001")
        XCTAssertEqual(NumberFormat.fixed(0.0004, decimals: 3), "0.000")
        XCTAssertEqual(NumberFormat.fixed(12, decimals: 3), "12.000")
        XCTAssertEqual(NumberFormat.fixed(1.5e-5, decimals: 5), "0.00002")
    }

    func testNegativeZeroAndNonFinite() {
        XCTAssertEqual(NumberFormat.fixed(-0.0, decimals: 0), "0")
        XCTAssertEqual(NumberFormat.fixed(-0.0, decimals: 2), "0.00")
        XCTAssertEqual(NumberFormat.fixed(-0.004, decimals: 2), "0.00")
        XCTAssertEqual(NumberFormat.fixed(-0.005, decimals: 2), "−0.01")
        XCTAssertEqual(NumberFormat.grouped(.nan), "n/a")
        XCTAssertEqual(NumberFormat.grouped(.infinity), "n/a")
        XCTAssertEqual(NumberFormat.percent(-.infinity), "n/a")
        XCTAssertEqual(NumberFormat.fixed(3, decimals: -2), "3", "negative decimals mean none")
    }

    func testPercentages() {
        XCTAssertEqual(NumberFormat.percent(0.18), "18.0%")
        XCTAssertEqual(NumberFormat.percent(0.151), "15.1%")
        XCTAssertEqual(NumberFormat.percent(0.0285), "2.9%", "scaled by moving the point, so 2.85 stays a half")
        XCTAssertEqual(NumberFormat.percent(-0.0525), "−5.3%")
        XCTAssertEqual(NumberFormat.percent(1.1602, decimals: 2), "116.02%")
        XCTAssertEqual(NumberFormat.percent(12.5, decimals: 0), "1,250%")
        XCTAssertEqual(NumberFormat.percent(0), "0.0%")
    }

    func testAgreesWithPythonOnRandomValues() throws {
        // Independent oracle: Python's decimal module, ROUND_HALF_UP (half away from zero)
        // applied to repr(x), the shortest round-trip string, as these values were produced:
        //   from decimal import Decimal, ROUND_HALF_UP
        //   f"{Decimal(repr(x)).quantize(Decimal('0.01'), ROUND_HALF_UP):,}"
        let cases: [(Double, String)] = [
            (4305.125, "4,305.13"), (-0.015, "−0.02"), (123456.785, "123,456.79"),
            (0.045, "0.05"), (7470.0, "7,470.00"), (99999.995, "100,000.00"),
        ]
        for (value, expected) in cases {
            XCTAssertEqual(NumberFormat.grouped(value, decimals: 2), expected, "\(value)")
        }
    }

    func testCommonDecimals() {
        XCTAssertEqual(NumberFormat.commonDecimals(for: [4305, 5080]), 0)
        XCTAssertEqual(NumberFormat.commonDecimals(for: [4305, 141.34]), 2)
        XCTAssertEqual(NumberFormat.commonDecimals(for: [0.123456]), 2, "capped")
        XCTAssertEqual(NumberFormat.commonDecimals(for: [4305], powerOfTen: -1), 1)
        XCTAssertEqual(NumberFormat.commonDecimals(for: [.nan, 1.5]), 1)
    }

    func testChartDecimalsFollowTheActualsUpToACapSetByTheLargestValue() {
        // Exhibit 2: actuals 15, 70, 141.34 on a chart up to 2,514.36 -> one decimal, not "15.00".
        XCTAssertEqual(NumberFormat.chartDecimals(actuals: [15, 70, 141.34], largest: 2514.36), 1)
        // Below 100 two decimals are kept; never more than the actuals carry.
        XCTAssertEqual(NumberFormat.chartDecimals(actuals: [1.5, 7, 14.134], largest: 25.1), 2)
        XCTAssertEqual(NumberFormat.chartDecimals(actuals: [15, 70], largest: 99.9), 0)
        XCTAssertEqual(NumberFormat.chartDecimals(actuals: [4305, 5080], largest: 13192), 0)
        // The cap looks at the displayed number: 亿元 shown as CNY bn (÷10).
        XCTAssertEqual(NumberFormat.chartDecimals(actuals: [15, 70, 141.34], largest: 999, powerOfTen: -1), 2)
        XCTAssertEqual(NumberFormat.chartDecimals(actuals: [15, 70, 141.34], largest: 2514.36, powerOfTen: -1), 1)
        XCTAssertEqual(NumberFormat.chartDecimals(actuals: [4305], largest: 13192, powerOfTen: -1), 1)
        XCTAssertEqual(NumberFormat.chartDecimals(actuals: [], largest: .nan), 0)
    }

    func testAmountsInChineseAndEnglish() {
        XCTAssertEqual(NumberFormat.amount(4305, unit: "亿元", language: .zh), "4,305亿元")
        XCTAssertEqual(NumberFormat.amount(4305, unit: "亿元", language: .en), "CNY 430.5 bn")
        XCTAssertEqual(NumberFormat.amount(1, unit: "亿元", language: .en), "CNY 0.1 bn")
        XCTAssertEqual(NumberFormat.amount(141.34, unit: "亿元", language: .en), "CNY 14.13 bn")
        XCTAssertEqual(NumberFormat.amount(141.34, unit: "亿元", language: .en, decimals: 3), "CNY 14.134 bn")
        XCTAssertEqual(NumberFormat.amount(7470, unit: "亿元", language: .zh, decimals: 1), "7,470.0亿元")
        // 万亿元 only when asked and when the value reaches 10,000 亿元.
        XCTAssertEqual(NumberFormat.amount(12345, unit: "亿元", language: .zh), "12,345亿元")
        XCTAssertEqual(NumberFormat.amount(12345, unit: "亿元", language: .zh, allowLargerUnit: true), "1.23万亿元")
        XCTAssertEqual(NumberFormat.amount(12345, unit: "亿元", language: .en, decimals: 1, allowLargerUnit: true), "CNY 1.2 tn")
        XCTAssertEqual(NumberFormat.amount(9999, unit: "亿元", language: .zh, allowLargerUnit: true), "9,999亿元")
        XCTAssertEqual(NumberFormat.amount(-10000, unit: "亿元", language: .zh, allowLargerUnit: true), "−1万亿元")
        XCTAssertEqual(NumberFormat.amount(250, unit: "万元", language: .en), "CNY 2.5 m")
        XCTAssertEqual(NumberFormat.amount(1.6, unit: "B visits", language: .zh), "1.6 B visits")
        XCTAssertEqual(NumberFormat.amount(3, unit: "", language: .en), "3")
    }

    func testDisplayUnitsAndCaptions() {
        let bn = NumberFormat.displayUnit(for: "亿元", language: .en)
        XCTAssertEqual(bn, DisplayUnit(label: "CNY bn", powerOfTen: -1))
        XCTAssertEqual(bn.convert(4305), 430.5)
        XCTAssertEqual(bn.convert(7470), 747)
        XCTAssertEqual(DisplayUnit(label: "x", powerOfTen: 2).convert(0.18), 18)
        XCTAssertEqual(NumberFormat.displayUnit(for: "亿元", language: .zh).convert(4305), 4305)
        XCTAssertEqual(NumberFormat.unitCaption(for: "亿元", language: .zh), "单位：亿元")
        XCTAssertEqual(NumberFormat.unitCaption(for: "亿元", language: .en), "Unit: CNY bn")
        XCTAssertEqual(NumberFormat.unitCaption(for: "亿元", language: .zh, largeValue: 20000, allowLargerUnit: true), "单位：万亿元")
    }

    func testDecimalDigitsOfAwkwardDoubles() {
        XCTAssertEqual(DecimalDigits(1e16), DecimalDigits(isNegative: false, digits: [1], pointPosition: 17))
        XCTAssertEqual(DecimalDigits(1.5e-5), DecimalDigits(isNegative: false, digits: [1, 5], pointPosition: -4))
        XCTAssertEqual(DecimalDigits(0), DecimalDigits(isNegative: false, digits: [], pointPosition: 0))
        XCTAssertEqual(DecimalDigits(-120.5), DecimalDigits(isNegative: true, digits: [1, 2, 0, 5], pointPosition: 3))
        XCTAssertEqual(NumberFormat.grouped(Double.greatestFiniteMagnitude).count, 309 + 102)
        XCTAssertEqual(NumberFormat.fixed(Double.leastNonzeroMagnitude, decimals: 17), "0.00000000000000000")
        XCTAssertNil(DecimalDigits(.nan))
    }

    /// A range prints its unit once, where the unit's style puts it.
    func testARangePrintsItsUnitOnce() {
        XCTAssertEqual(NumberFormat.amountRange(9998.99, 27313.8, unit: "亿元", language: .zh, decimals: 0), "9,999–27,314亿元")
        XCTAssertEqual(NumberFormat.amountRange(9998.99, 27313.8, unit: "亿元", language: .en, decimals: 1), "CNY 999.9–2,731.4 bn")
        XCTAssertEqual(NumberFormat.amountRange(1.5, 2.25, unit: "%", language: .en), "1.50–2.25 %")
        XCTAssertEqual(NumberFormat.amountRange(.nan, 2, unit: "亿元", language: .zh), NumberFormat.notANumber)
    }
}
