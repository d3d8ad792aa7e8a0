import XCTest
@testable import Charts

final class NiceScaleTests: XCTestCase {
    func testNiceNumberRoundingFollowsHeckbertWithTwoPointFive() {
        // Boundaries are the geometric means √2, √5, √12.5, √50 between 1, 2, 2.5, 5, 10.
        XCTAssertEqual(NiceScale.niceNumber(1.3, rounding: true), 1)
        XCTAssertEqual(NiceScale.niceNumber(1.5, rounding: true), 2)
        XCTAssertEqual(NiceScale.niceNumber(2.3, rounding: true), 2.5)
        XCTAssertEqual(NiceScale.niceNumber(3.6, rounding: true), 5)
        XCTAssertEqual(NiceScale.niceNumber(7.2, rounding: true), 10)
        XCTAssertEqual(NiceScale.niceNumber(1494, rounding: true), 2000)
        XCTAssertEqual(NiceScale.niceNumber(0.0031, rounding: true), 0.0025, accuracy: 1e-15)
    }

    func testNiceNumberCeilingNeverGoesBelowTheInput() {
        for x in [0.7, 1.0, 1.01, 2.2, 2.5, 2.51, 4.9, 5.01, 9.99, 123.0, 0.00042] {
            let nice = NiceScale.niceNumber(x, rounding: false)
            XCTAssertGreaterThanOrEqual(nice, x * (1 - 1e-12), "\(x)")
            XCTAssertTrue(NiceScale.isNice(nice), "\(nice) from \(x)")
        }
        XCTAssertEqual(NiceScale.niceNumber(2.2, rounding: false), 2.5)
        XCTAssertEqual(NiceScale.niceNumber(5.01, rounding: false), 10)
    }

    func testMarketSizeRangeGivesRoundThousands() {
        let scale = NiceScale(minimum: 0, maximum: 7470, targetTickCount: 5)
        XCTAssertEqual(scale.step, 2000)
        XCTAssertEqual(scale.ticks, [0, 2000, 4000, 6000, 8000])
    }

    func testVisitsRangeInBillions() {
        let scale = NiceScale(minimum: 0, maximum: 1.8, targetTickCount: 5)
        XCTAssertEqual(scale.step, 0.5)
        XCTAssertEqual(scale.ticks, [0, 0.5, 1, 1.5, 2])
    }

    func testTicksAreExactDecimalsWithoutFloatingPointNoise() {
        let scale = NiceScale(minimum: 0, maximum: 0.7, targetTickCount: 7)
        XCTAssertEqual(scale.step, 0.1, accuracy: 1e-15)
        XCTAssertEqual(scale.ticks.map { "\($0)" }, ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
    }

    func testHeadroomRaisesTheTopTick() {
        let plain = NiceScale(minimum: 0, maximum: 1000, targetTickCount: 5)
        let roomy = NiceScale(minimum: 0, maximum: 1000, targetTickCount: 5, headroom: 0.15)
        XCTAssertEqual(plain.upper, 1000)
        XCTAssertGreaterThanOrEqual(roomy.upper, 1150)
        XCTAssertTrue(NiceScale.isNice(roomy.step))
    }

    func testEveryScaleCoversItsDataWithNiceStepsAndFewTicks() {
        // A sweep over magnitudes and offsets, including negative ranges.
        let maxima: [Double] = [0.013, 0.9, 3, 7.5, 42, 99.9, 101, 640, 5080, 15_432, 2.7e7]
        for maximum in maxima {
            for minimum in [0, -maximum / 3, maximum / 2] {
                for target in [3, 5, 8] {
                    let scale = NiceScale(minimum: minimum, maximum: maximum, targetTickCount: target)
                    let context = "min \(minimum) max \(maximum) target \(target)"
                    XCTAssertTrue(NiceScale.isNice(scale.step), context)
                    XCTAssertLessThanOrEqual(scale.lower, minimum + 1e-12 * maximum, context)
                    XCTAssertGreaterThanOrEqual(scale.upper, maximum - 1e-12 * maximum, context)
                    let ticks = scale.ticks
                    XCTAssertGreaterThanOrEqual(ticks.count, 2, context)
                    XCTAssertLessThanOrEqual(ticks.count, 2 * target + 2, context)
                    for (a, b) in zip(ticks, ticks.dropFirst()) {
                        XCTAssertEqual(b - a, scale.step, accuracy: scale.step * 1e-9, context)
                    }
                    // Every tick is a whole multiple of the step.
                    for tick in ticks {
                        let multiple = tick / scale.step
                        XCTAssertEqual(multiple, multiple.rounded(), accuracy: 1e-6, context)
                    }
                }
            }
        }
    }

    func testDegenerateInputDoesNotTrap() {
        let flat = NiceScale(minimum: 5, maximum: 5)
        XCTAssertLessThanOrEqual(flat.lower, 0)
        XCTAssertGreaterThanOrEqual(flat.upper, 5)
        let zero = NiceScale(minimum: 0, maximum: 0)
        XCTAssertLessThan(zero.lower, zero.upper)
        let nan = NiceScale(minimum: .nan, maximum: .infinity, targetTickCount: 0)
        XCTAssertTrue(nan.lower.isFinite && nan.upper.isFinite && nan.step > 0)
        let reversed = NiceScale(minimum: 10, maximum: 0)
        XCTAssertEqual(reversed.lower, 0)
        XCTAssertEqual(reversed.upper, 10)
    }
}
