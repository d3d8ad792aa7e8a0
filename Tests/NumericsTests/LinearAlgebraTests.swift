import XCTest
@testable import Numerics

final class LinearAlgebraTests: XCTestCase {
    func testPivotedQRSolvesOverdeterminedSystemExactly() throws {
        // y = 2 - 3x + 0.5x² sampled without noise: least squares must recover it.
        let xs: [Double] = [-2, -1, 0, 1, 2, 3, 4]
        let a = try Matrix(rowArrays: xs.map { [1, $0, $0 * $0] })
        let b = xs.map { 2 - 3 * $0 + 0.5 * $0 * $0 }
        let qr = try PivotedQR(a)
        let x = try qr.leastSquares(b)
        XCTAssertEqual(x[0], 2, accuracy: 1e-12)
        XCTAssertEqual(x[1], -3, accuracy: 1e-12)
        XCTAssertEqual(x[2], 0.5, accuracy: 1e-12)
        XCTAssertEqual(qr.rank(relativeTolerance: 1e-12), 3)
        // The permutation is a permutation of 0..<3.
        XCTAssertEqual(qr.permutation.sorted(), [0, 1, 2])
    }

    func testQTransposePreservesNorm() throws {
        let a = try Matrix(rowArrays: [[1, 2], [3, 4], [5, 6], [7, 9]])
        let qr = try PivotedQR(a)
        let b: [Double] = [1, -2, 3, 0.5]
        let qtb = try qr.applyQTranspose(b)
        XCTAssertEqual(euclideanNorm(qtb), euclideanNorm(b), accuracy: 1e-13)
    }

    func testRankDeficiencyIsDetected() throws {
        // Third column = first + second.
        let a = try Matrix(rowArrays: [[1, 0, 1], [0, 1, 1], [1, 1, 2], [2, 1, 3]])
        XCTAssertEqual(try PivotedQR(a).rank(relativeTolerance: 1e-10), 2)
        XCTAssertEqual(try SingularValueDecomposition(a).rank(relativeTolerance: 1e-10), 2)
    }

    func testSVDOfKnownMatrix() throws {
        // [[3,0],[4,5]] has singular values sqrt(45) and sqrt(5).
        let a = try Matrix(rowArrays: [[3, 0], [4, 5]])
        let svd = try SingularValueDecomposition(a)
        XCTAssertEqual(svd.singularValues[0], 45.0.squareRoot(), accuracy: 1e-13)
        XCTAssertEqual(svd.singularValues[1], 5.0.squareRoot(), accuracy: 1e-13)
        // (AᵀA)⁻¹ computed by hand: AᵀA = [[25,20],[20,25]], det = 225.
        let g = svd.inverseGram(rank: 2)
        XCTAssertEqual(g[0, 0], 25.0 / 225, accuracy: 1e-14)
        XCTAssertEqual(g[0, 1], -20.0 / 225, accuracy: 1e-14)
    }

    func testNonFiniteInputIsAnErrorNotATrap() {
        let a = Matrix(rows: 2, columns: 2, repeating: .nan)
        XCTAssertThrowsError(try PivotedQR(a))
        // One infinite entry among finite ones; huge finite entries are fine.
        XCTAssertThrowsError(try PivotedQR(Matrix(rowArrays: [[1, 2], [.infinity, 4], [5, 6]])))
        XCTAssertThrowsError(try PivotedQR(Matrix(rowArrays: [[1, 2], [3, -.infinity], [5, 6]])))
        XCTAssertNoThrow(try PivotedQR(Matrix(rowArrays: [[1e300, 2], [-1e300, 4], [5, 6]])))
        XCTAssertThrowsError(try SingularValueDecomposition(a))
        XCTAssertThrowsError(try SingularValueDecomposition(Matrix(rows: 0, columns: 3)))
    }

    func testSingularTriangularSolveThrows() throws {
        let a = try Matrix(rowArrays: [[1, 1], [1, 1]])
        let qr = try PivotedQR(a)
        XCTAssertThrowsError(try qr.solveUpper([1, 1], order: 2)) { error in
            XCTAssertEqual((error as? NumericsError)?.kind, .singular)
        }
    }
}
