// QR factorisation with column pivoting, A P = Q R (LAPACK dgeqp3), with the operations
// least squares needs: Qᵀb (dormqr), triangular solves (dtrtrs) and a rank estimate.
// The Levenberg–Marquardt engine factors a Jacobian of the same shape every iteration,
// so the workspace is sized once per shape (LAPACK's workspace query) and reused.

public final class PivotedQR {
    public let rows: Int
    public let columns: Int
    /// dgeqp3's output: R on and above the diagonal, Householder vectors below.
    public private(set) var factors: [Double]
    public private(set) var tau: [Double]
    /// 0-based: column j of A·P is column `permutation[j]` of A.
    public private(set) var permutation: [Int]

    private var jpvt: [Int32]
    private var work: [Double]
    private let ormqrWorkSize: Int

    /// Prepares buffers for m×n matrices (workspace queries happen here, once).
    public init(rows: Int, columns: Int) throws {
        guard rows >= 0, columns >= 0 else {
            throw NumericsError(.invalidInput, "matrix size \(rows)×\(columns) is invalid")
        }
        self.rows = rows
        self.columns = columns
        factors = [Double](repeating: 0, count: max(rows * columns, 1))
        tau = [Double](repeating: 0, count: max(min(rows, columns), 1))
        permutation = Array(0..<columns)
        jpvt = [Int32](repeating: 0, count: max(columns, 1))
        let qpWork = try LAPACK.geqp3WorkspaceSize(m: rows, n: columns)
        ormqrWorkSize = try LAPACK.ormqrWorkspaceSize(side: "L", trans: "T", m: rows, n: 1,
                                                       k: min(rows, columns), lda: rows)
        work = [Double](repeating: 0, count: max(qpWork, ormqrWorkSize))
    }

    /// Factors `a` (copied). Throws on non-finite entries rather than passing them to LAPACK.
    public convenience init(_ a: Matrix) throws {
        try self.init(rows: a.rows, columns: a.columns)
        try factor(a.storage)
    }

    /// Factors a column-major m×n array into this object's buffers.
    public func factor(_ a: [Double]) throws {
        guard a.count == rows * columns else {
            throw NumericsError(.invalidInput, "expected \(rows * columns) matrix entries, got \(a.count)")
        }
        guard a.allSatisfy({ $0.isFinite }) else {
            throw NumericsError(.invalidInput, "matrix has NaN or infinite entries")
        }
        if rows * columns > 0 {
            factors.withUnsafeMutableBufferPointer { f in
                a.withUnsafeBufferPointer { src in
                    f.baseAddress!.update(from: src.baseAddress!, count: src.count)
                }
            }
        }
        for j in 0..<jpvt.count { jpvt[j] = 0 }
        let (m, n, lw) = (rows, columns, work.count)
        try factors.withUnsafeMutableBufferPointer { f in
            try jpvt.withUnsafeMutableBufferPointer { p in
                try tau.withUnsafeMutableBufferPointer { t in
                    try work.withUnsafeMutableBufferPointer { w in
                        try LAPACK.geqp3(m: m, n: n, a: f.baseAddress!, jpvt: p.baseAddress!,
                                         tau: t.baseAddress!, work: w.baseAddress!, lwork: lw)
                    }
                }
            }
        }
        for j in 0..<columns { permutation[j] = Int(jpvt[j]) - 1 }
    }

    /// R(i, j) for i ≤ j < n, i < min(m, n).
    @inline(__always)
    public func r(_ i: Int, _ j: Int) -> Double { factors[i + j * rows] }

    /// The upper-triangular factor, min(m,n) × n.
    public var upperTriangle: Matrix {
        let k = min(rows, columns)
        var out = Matrix(rows: k, columns: columns)
        for j in 0..<columns { for i in 0...min(j, k - 1) where k > 0 { out[i, j] = r(i, j) } }
        return out
    }

    /// Returns Qᵀ b (length m).
    public func applyQTranspose(_ b: [Double]) throws -> [Double] {
        var c = b
        try applyQTranspose(inPlace: &c)
        return c
    }

    public func applyQTranspose(inPlace c: inout [Double]) throws {
        guard c.count == rows else {
            throw NumericsError(.invalidInput, "vector has \(c.count) entries, matrix has \(rows) rows")
        }
        let k = min(rows, columns)
        if k == 0 { return }
        let (m, lw) = (rows, work.count)
        try factors.withUnsafeBufferPointer { f in
            try tau.withUnsafeBufferPointer { t in
                try c.withUnsafeMutableBufferPointer { cc in
                    try work.withUnsafeMutableBufferPointer { w in
                        try LAPACK.ormqr(trans: "T", m: m, n: 1, k: k, a: f.baseAddress!, lda: m,
                                         tau: t.baseAddress!, c: cc.baseAddress!,
                                         work: w.baseAddress!, lwork: lw)
                    }
                }
            }
        }
    }

    /// Numerical rank: diagonal entries of R above `relativeTolerance`·|R(0,0)|.
    public func rank(relativeTolerance: Double) -> Int {
        let k = min(rows, columns)
        guard k > 0 else { return 0 }
        let threshold = abs(r(0, 0)) * relativeTolerance
        var rank = 0
        while rank < k, abs(r(rank, rank)) > threshold, abs(r(rank, rank)) > 0 { rank += 1 }
        return rank
    }

    /// Solves R z = y for the leading k×k block of R (dtrtrs).
    public func solveUpper(_ y: [Double], order k: Int) throws -> [Double] {
        guard k <= min(rows, columns), y.count >= k else {
            throw NumericsError(.invalidInput, "triangular solve of order \(k) does not fit")
        }
        var z = Array(y.prefix(k))
        if k == 0 { return z }
        let m = rows
        try factors.withUnsafeBufferPointer { f in
            try z.withUnsafeMutableBufferPointer { zz in
                try LAPACK.trtrs(trans: "N", n: k, nrhs: 1, a: f.baseAddress!, lda: m,
                                 b: zz.baseAddress!, ldb: k)
            }
        }
        return z
    }

    /// Minimum-norm-free basic least-squares solution of A x ≈ b using the numerical rank:
    /// components beyond the rank are set to zero.
    public func leastSquares(_ b: [Double], relativeTolerance: Double = 1e-12) throws -> [Double] {
        let qtb = try applyQTranspose(b)
        let k = rank(relativeTolerance: relativeTolerance)
        let z = try solveUpper(qtb, order: k)
        var x = [Double](repeating: 0, count: columns)
        for j in 0..<k { x[permutation[j]] = z[j] }
        return x
    }
}
