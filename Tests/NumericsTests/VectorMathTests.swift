import XCTest
import Foundation
@testable import Numerics

/// libmvec against libm: within the 4 ulp glibc documents, the same special values, and
/// a value that does not depend on where in the column it sits.
final class VectorMathTests: XCTestCase {
    private func ulps(_ a: Double, _ b: Double) -> Double {
        if a == b || (a.isNaN && b.isNaN) { return 0 }
        return abs(a - b) / max(b.ulp, Double.leastNonzeroMagnitude)
    }

    private func apply(_ values: [Double], _ f: (UnsafeMutablePointer<Double>, Int) -> Void) -> [Double] {
        var out = values
        out.withUnsafeMutableBufferPointer { f($0.baseAddress!, $0.count) }
        return out
    }

    func testExpLogPowAgreeWithLibmWithin4Ulp() {
        let xs = (0..<2001).map { -700 + 1400 * Double($0) / 2000 }
        for (x, y) in zip(xs, apply(xs, VectorMath.exp)) {
            XCTAssertLessThanOrEqual(ulps(y, Foundation.exp(x)), 4, "exp(\(x))")
        }
        let positive = (1..<2001).map { pow(10, -300 + 600 * Double($0) / 2000) }
        for (x, y) in zip(positive, apply(positive, VectorMath.log)) {
            XCTAssertLessThanOrEqual(ulps(y, Foundation.log(x)), 4, "log(\(x))")
        }
        let bases = (1..<501).map { Double($0) / 7 }
        let exponents = bases.map { 3.5 - $0 / 10 }
        var powered = bases
        powered.withUnsafeMutableBufferPointer { b in
            exponents.withUnsafeBufferPointer { VectorMath.pow(b.baseAddress!, $0.baseAddress!, b.count) }
        }
        for i in bases.indices {
            XCTAssertLessThanOrEqual(ulps(powered[i], Foundation.pow(bases[i], exponents[i])), 4,
                                     "pow(\(bases[i]), \(exponents[i]))")
        }
        let cubed = apply(bases) { VectorMath.pow($0, constant: -1.5, $1) }
        for i in bases.indices {
            XCTAssertLessThanOrEqual(ulps(cubed[i], Foundation.pow(bases[i], -1.5)), 4)
        }
    }

    func testSpecialValuesMatchLibm() {
        let specials: [Double] = [0, -0.0, 1, -1, 710, -746, .infinity, -.infinity, .nan, 1e-320, -2]
        for (x, y) in zip(specials, apply(specials, VectorMath.exp)) {
            XCTAssertEqual(ulps(y, Foundation.exp(x)), 0, accuracy: 4, "exp(\(x)) = \(y)")
        }
        for (x, y) in zip(specials, apply(specials, VectorMath.log)) {
            let expected = Foundation.log(x)
            if expected.isNaN { XCTAssertTrue(y.isNaN, "log(\(x)) = \(y)") } else {
                XCTAssertEqual(ulps(y, expected), 0, accuracy: 4, "log(\(x)) = \(y)")
            }
        }
        // Negative bases with integral exponents stay real, as with libm.
        let powered = apply([-2, -2, 0, -8]) { x, n in
            var e: [Double] = [3, 2, 0, 1.0 / 3]
            e.withUnsafeBufferPointer { VectorMath.pow(x, $0.baseAddress!, n) }
        }
        XCTAssertEqual(powered[0], -8)
        XCTAssertEqual(powered[1], 4)
        XCTAssertEqual(powered[2], 1)
        XCTAssertTrue(powered[3].isNaN)
    }

    func testAValueDoesNotDependOnItsPositionInTheColumn() {
        let x = 0.123456789
        let alone = apply([x], VectorMath.exp)[0]
        let first = apply([x, 3], VectorMath.exp)[0]
        let last = apply([3, 4, x], VectorMath.exp)[2]
        XCTAssertEqual(alone.bitPattern, first.bitPattern)
        XCTAssertEqual(alone.bitPattern, last.bitPattern)
    }
}
