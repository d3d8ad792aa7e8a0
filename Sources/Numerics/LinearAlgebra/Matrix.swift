// A dense column-major matrix of Doubles: the layout LAPACK expects, so a Matrix can be
// handed to Fortran without copying or transposing.

public struct Matrix: Equatable, Sendable {
    public let rows: Int
    public let columns: Int
    /// Element (i, j) lives at `storage[i + j * rows]`.
    public var storage: [Double]

    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        self.storage = [Double](repeating: value, count: self.rows * self.columns)
    }

    /// Builds a matrix from row arrays (the way people write matrices down).
    /// Rows of unequal length are rejected rather than padded.
    public init(rowArrays: [[Double]]) throws {
        let r = rowArrays.count
        let c = rowArrays.first?.count ?? 0
        guard rowArrays.allSatisfy({ $0.count == c }) else {
            throw NumericsError(.invalidInput, "matrix rows have different lengths")
        }
        self.init(rows: r, columns: c)
        for i in 0..<r { for j in 0..<c { storage[i + j * r] = rowArrays[i][j] } }
    }

    public subscript(i: Int, j: Int) -> Double {
        get { storage[i + j * rows] }
        set { storage[i + j * rows] = newValue }
    }

    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m[i, i] = 1 }
        return m
    }

    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns { for i in 0..<rows { t[j, i] = self[i, j] } }
        return t
    }

    /// Matrix product; nil when the inner dimensions disagree.
    public func multiplied(by other: Matrix) -> Matrix? {
        guard columns == other.rows else { return nil }
        var out = Matrix(rows: rows, columns: other.columns)
        for j in 0..<other.columns {
            for k in 0..<columns {
                let b = other[k, j]
                if b == 0 { continue }
                for i in 0..<rows { out.storage[i + j * rows] += storage[i + k * rows] * b }
            }
        }
        return out
    }

    public func multiplied(by vector: [Double]) -> [Double]? {
        guard vector.count == columns else { return nil }
        var out = [Double](repeating: 0, count: rows)
        for j in 0..<columns {
            let b = vector[j]
            for i in 0..<rows { out[i] += storage[i + j * rows] * b }
        }
        return out
    }
}

/// Σ xᵢyᵢ in four interleaved partial sums. One running sum is a chain of dependent
/// additions that runs at the adder's latency (about 4 cycles per term); four chains
/// overlap. The vectors of a fit are short, so this is where their time goes.
@inlinable
func dotProduct(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count n: Int) -> Double {
    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
    var i = 0
    while i + 4 <= n {
        s0 += x[i] * y[i]; s1 += x[i + 1] * y[i + 1]
        s2 += x[i + 2] * y[i + 2]; s3 += x[i + 3] * y[i + 3]
        i += 4
    }
    while i < n { s0 += x[i] * y[i]; i += 1 }
    return (s0 + s1) + (s2 + s3)
}

/// Euclidean norm that neither overflows nor underflows for extreme components
/// (scaled sum of squares, as BLAS dnrm2 does).
@inlinable
func euclideanNorm(_ x: UnsafeBufferPointer<Double>) -> Double {
    // Fast path: the plain sum of squares is exact enough unless it over- or underflows.
    guard let base = x.baseAddress else { return 0 }
    let sum = dotProduct(base, base, count: x.count)
    if sum.isFinite, sum > 1e-280 || sum == 0 {
        if sum != 0 || x.allSatisfy({ $0 == 0 }) { return sum.squareRoot() }
    }
    var scale = 0.0
    var ssq = 1.0
    for v in x where v != 0 {
        let a = abs(v)
        if scale < a {
            ssq = 1 + ssq * (scale / a) * (scale / a)
            scale = a
        } else {
            ssq += (a / scale) * (a / scale)
        }
    }
    return scale * ssq.squareRoot()
}

@inlinable
func euclideanNorm(_ x: [Double]) -> Double {
    x.withUnsafeBufferPointer { euclideanNorm($0) }
}
