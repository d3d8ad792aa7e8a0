// Thin singular value decomposition A = U diag(s) Vᵀ (LAPACK dgesdd). Used where rank
// matters more than speed: covariance matrices of possibly rank-deficient fits.

public struct SingularValueDecomposition: Sendable {
    /// m × k, column-major, k = min(m, n).
    public let u: Matrix
    /// Descending, length k.
    public let singularValues: [Double]
    /// k × n, column-major.
    public let vt: Matrix

    public init(_ a: Matrix) throws {
        guard a.storage.allSatisfy({ $0.isFinite }) else {
            throw NumericsError(.invalidInput, "matrix has NaN or infinite entries")
        }
        let k = min(a.rows, a.columns)
        guard k > 0 else {
            throw NumericsError(.invalidInput, "cannot decompose an empty \(a.rows)×\(a.columns) matrix")
        }
        var copy = a.storage
        let (u, s, vt) = try LAPACK.gesdd(m: a.rows, n: a.columns, a: &copy)
        var uu = Matrix(rows: a.rows, columns: k)
        uu.storage = Array(u.prefix(a.rows * k))
        var vv = Matrix(rows: k, columns: a.columns)
        vv.storage = Array(vt.prefix(k * a.columns))
        self.u = uu
        self.singularValues = s
        self.vt = vv
    }

    /// Number of singular values above `relativeTolerance`·s_max.
    public func rank(relativeTolerance: Double) -> Int {
        guard let top = singularValues.first, top > 0 else { return 0 }
        return singularValues.filter { $0 > top * relativeTolerance }.count
    }

    /// (AᵀA)⁺ = V diag(1/s²) Vᵀ over the first `rank` singular values: the unscaled
    /// covariance of a least-squares fit whose Jacobian is A.
    public func inverseGram(rank: Int) -> Matrix {
        let n = vt.columns
        var out = Matrix(rows: n, columns: n)
        for l in 0..<min(rank, singularValues.count) {
            let w = 1 / (singularValues[l] * singularValues[l])
            for j in 0..<n {
                let vj = vt[l, j] * w
                if vj == 0 { continue }
                for i in 0..<n { out[i, j] += vt[l, i] * vj }
            }
        }
        return out
    }
}
