// QR factorisation with column pivoting, A P = Q R (LAPACK's dgeqp3 algorithm), with the
// operations least squares needs: Qᵀb, triangular solves (dtrtrs) and a rank estimate.
// The Levenberg–Marquardt engine factors a small Jacobian (a few columns) every
// iteration, millions of times in a bootstrap, so the fixed cost per call matters more
// than the flops:
// - the factorisation calls dlaqp2, the unblocked code dgeqp3 itself runs below 32
//   columns, with column norms computed here; dgeqp3's own set-up (ilaenv look-ups,
//   norms by the slower overflow-safe dnrm2) cost about a third of the factorisation;
// - Qᵀb applies the k Householder reflectors in a plain loop (two passes over b each)
//   instead of dormqr, whose call chain (dorm2r, dlarf, dgemv, dger, argument
//   checking) costs more than the arithmetic for one right-hand side.
// The buffers are raw allocations (freed in deinit): array properties of a class cost a
// runtime exclusivity check per access.

public final class PivotedQR {
    public let rows: Int
    public let columns: Int

    private let factorCount: Int, tauCount: Int
    /// dgeqp3's output: R on and above the diagonal, Householder vectors below.
    private let a: UnsafeMutablePointer<Double>
    private let t: UnsafeMutablePointer<Double>
    private let jpvt: UnsafeMutablePointer<Int32>
    private let pivots: UnsafeMutablePointer<Int>
    private let norms: UnsafeMutablePointer<Double>
    private let partialNorms: UnsafeMutablePointer<Double>
    private let work: UnsafeMutablePointer<Double>
    /// One allocation for the Double buffers above (a, t, norms, partialNorms, work).
    private let storage: UnsafeMutablePointer<Double>

    /// Prepares buffers for m×n matrices.
    public init(rows: Int, columns: Int) throws {
        guard rows >= 0, columns >= 0 else {
            throw NumericsError(.invalidInput, "matrix size \(rows)×\(columns) is invalid")
        }
        self.rows = rows
        self.columns = columns
        _ = try LAPACK.int32(rows * columns, "matrix size")
        factorCount = max(rows * columns, 1)
        tauCount = max(min(rows, columns), 1)
        let n = max(columns, 1)
        let doubles = factorCount + tauCount + 3 * n
        storage = .allocate(capacity: doubles); storage.initialize(repeating: 0, count: doubles)
        a = storage; t = storage + factorCount
        norms = t + tauCount; partialNorms = norms + n; work = partialNorms + n
        jpvt = .allocate(capacity: n); jpvt.initialize(repeating: 0, count: n)
        pivots = .allocate(capacity: n)
        for j in 0..<n { (pivots + j).initialize(to: j) }
    }

    deinit {
        storage.deallocate(); jpvt.deallocate(); pivots.deallocate()
    }

    /// Factors `a` (copied). Throws on non-finite entries rather than passing them to LAPACK.
    public convenience init(_ a: Matrix) throws {
        try self.init(rows: a.rows, columns: a.columns)
        try factor(a.storage)
    }

    /// dgeqp3's output array (copy): R on and above the diagonal, reflectors below.
    public var factors: [Double] { Array(UnsafeBufferPointer(start: a, count: rows * columns)) }
    public var tau: [Double] { Array(UnsafeBufferPointer(start: t, count: min(rows, columns))) }
    /// 0-based: column j of A·P is column `permutation[j]` of A.
    public var permutation: [Int] { Array(UnsafeBufferPointer(start: pivots, count: columns)) }

    @inline(__always)
    public func pivot(_ j: Int) -> Int { pivots[j] }

    /// Factors a column-major m×n array into this object's buffers. `columnNorms` (n of
    /// them), when the caller has them (the LM engine needs them anyway, and has checked
    /// them finite), saves computing them again and the check for non-finite entries. The
    /// columns are copied in order of decreasing norm, the order dlaqp2's first pivot
    /// search would choose, so that it seldom has to swap whole columns.
    public func factor(_ matrix: [Double]) throws {
        try factor(matrix, columnNorms: nil)
    }

    func factor(_ matrix: [Double], columnNorms given: UnsafePointer<Double>?) throws {
        guard matrix.count == rows * columns else {
            throw NumericsError(.invalidInput, "expected \(rows * columns) matrix entries, got \(matrix.count)")
        }
        let m = rows, n = columns
        if let given, (0..<n).allSatisfy({ given[$0].isFinite }) {
            for j in 0..<n { norms[j] = given[j] }
        } else {
            let finite: Bool = matrix.withUnsafeBufferPointer { src in
                // The sum of squares is finite unless an entry is ±∞/NaN (or it overflows,
                // which the entry-by-entry look settles): one cheap pass in the usual case.
                guard let base = src.baseAddress else { return true }
                return dotProduct(base, base, count: src.count).isFinite || src.allSatisfy { $0.isFinite }
            }
            guard finite else { throw NumericsError(.invalidInput, "matrix has NaN or infinite entries") }
            matrix.withUnsafeBufferPointer { src in
                for j in 0..<n { norms[j] = euclideanNorm(UnsafeBufferPointer(rebasing: src[(j * m)..<((j + 1) * m)])) }
            }
        }
        // Stable insertion sort of the columns by decreasing norm (n is small).
        for j in 0..<n { pivots[j] = j }
        for j in 1..<max(n, 1) {
            let c = pivots[j], v = norms[c]
            var i = j
            while i > 0, norms[pivots[i - 1]] < v { pivots[i] = pivots[i - 1]; i -= 1 }
            pivots[i] = c
        }
        matrix.withUnsafeBufferPointer { src in
            guard let base = src.baseAddress else { return }
            for j in 0..<n {
                let c = pivots[j]
                (a + j * m).update(from: base + c * m, count: m)
                jpvt[j] = Int32(truncatingIfNeeded: c + 1)
                work[j] = norms[c]
            }
        }
        for j in 0..<n { norms[j] = work[j]; partialNorms[j] = work[j] }
        try LAPACK.laqp2(m: m, n: n, a: a, jpvt: jpvt, tau: t, norms: norms,
                         partialNorms: partialNorms, work: work)
        for j in 0..<n { pivots[j] = Int(jpvt[j]) - 1 }
    }

    /// R(i, j) for i ≤ j < n, i < min(m, n).
    @inline(__always)
    public func r(_ i: Int, _ j: Int) -> Double { a[i + j * rows] }

    /// The upper-triangular factor, min(m,n) × n.
    public var upperTriangle: Matrix {
        let k = min(rows, columns)
        var out = Matrix(rows: k, columns: columns)
        for j in 0..<columns { for i in 0...min(j, k - 1) where k > 0 { out[i, j] = r(i, j) } }
        return out
    }

    /// Returns Qᵀ b (length m).
    public func applyQTranspose(_ b: [Double]) throws -> [Double] {
        guard b.count == rows else {
            throw NumericsError(.invalidInput, "vector has \(b.count) entries, matrix has \(rows) rows")
        }
        var c = b
        c.withUnsafeMutableBufferPointer { applyQTranspose($0.baseAddress!) }
        return c
    }

    /// Qᵀb in place for a vector of `rows` entries (the caller vouches for the size).
    func applyQTranspose(_ b: UnsafeMutablePointer<Double>) {
        let m = rows
        // Qᵀ = H_k ⋯ H_1 with H_j = I − τ_j v_j v_jᵀ, v_j = (0, …, 0, 1, A[j+1..<m, j]).
        for j in 0..<min(rows, columns) where t[j] != 0 {
            let v = a + j * m
            let dot = b[j] + dotProduct(v + j + 1, b + j + 1, count: m - j - 1)
            let scale = t[j] * dot
            b[j] -= scale
            var i = j + 1
            while i < m { b[i] -= scale * v[i]; i += 1 }
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
        try z.withUnsafeMutableBufferPointer { zz in
            try LAPACK.trtrs(trans: "N", n: k, nrhs: 1, a: a, lda: m, b: zz.baseAddress!, ldb: k)
        }
        return z
    }

    /// Basic least-squares solution of A x ≈ b using the numerical rank: components
    /// beyond the rank are set to zero.
    public func leastSquares(_ b: [Double], relativeTolerance: Double = 1e-12) throws -> [Double] {
        let qtb = try applyQTranspose(b)
        let k = rank(relativeTolerance: relativeTolerance)
        let z = try solveUpper(qtb, order: k)
        var x = [Double](repeating: 0, count: columns)
        for j in 0..<k { x[pivot(j)] = z[j] }
        return x
    }
}
