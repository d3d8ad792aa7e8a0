// Thin, checked calls into reference LAPACK. Every routine's `info` is turned into a
// NumericsError (never a trap), and every routine that takes a workspace is first asked
// for its optimal size (lwork = -1), as LAPACK documents.
import CLAPACK

enum LAPACK {
    /// Converts a Swift size to the Fortran INTEGER LAPACK takes, refusing sizes that do
    /// not fit instead of letting the conversion trap.
    static func int32(_ value: Int, _ what: String) throws -> Int32 {
        guard let v = Int32(exactly: value) else {
            throw NumericsError(.invalidInput, "\(what) = \(value) is too large for LAPACK")
        }
        return v
    }

    static func check(_ info: Int32, _ routine: String) throws {
        if info < 0 {
            throw NumericsError(.lapack, "\(routine): argument \(-info) had an illegal value (a bug in Numerics)")
        }
        if info > 0 {
            throw NumericsError(.lapack, "\(routine) failed (info = \(info))")
        }
    }

    /// Optimal workspace size reported in work[0] by a query call, as an Int ≥ minimum.
    static func workspaceSize(_ reported: Double, minimum: Int) -> Int {
        guard reported.isFinite, reported < Double(Int32.max) else { return max(minimum, 1) }
        return max(Int(reported), minimum, 1)
    }

    // MARK: QR with column pivoting

    /// In-place dlaqp2, the unblocked pivoted QR that dgeqp3 runs for small matrices,
    /// for callers that already have the column norms (`norms`, overwritten). `jpvt`
    /// holds a 1-based label per column, which dlaqp2 carries along when it swaps columns:
    /// on return jpvt[j] labels the column pivoted to position j. `work` has n entries.
    static func laqp2(m: Int, n: Int, a: UnsafeMutablePointer<Double>, jpvt: UnsafeMutablePointer<Int32>,
                      tau: UnsafeMutablePointer<Double>, norms: UnsafeMutablePointer<Double>,
                      partialNorms: UnsafeMutablePointer<Double>, work: UnsafeMutablePointer<Double>) throws {
        var mm = try int32(m, "rows"), nn = try int32(n, "columns")
        var lda = max(mm, 1), offset: Int32 = 0
        dlaqp2_(&mm, &nn, &offset, a, &lda, jpvt, tau, norms, partialNorms, work)
    }

    /// Solves op(A) X = B for an upper-triangular A (leading n×n block of an lda-strided array).
    /// A zero on the diagonal is reported as singular, not divided by.
    static func trtrs(trans: String, n: Int, nrhs: Int, a: UnsafePointer<Double>, lda: Int,
                      b: UnsafeMutablePointer<Double>, ldb: Int) throws {
        var nn = try int32(n, "order"), nr = try int32(nrhs, "right-hand sides")
        var ld = try int32(max(lda, 1), "lda"), ldbb = try int32(max(ldb, 1), "ldb"), info: Int32 = 0
        dtrtrs_("U", trans, "N", &nn, &nr, a, &ld, b, &ldbb, &info, 1, 1, 1)
        if info > 0 {
            throw NumericsError(.singular, "triangular factor is singular: diagonal element \(info) is zero")
        }
        try check(info, "dtrtrs")
    }

    /// (RᵀR)⁻¹ in place from an upper-triangular R (the leading n×n block of an
    /// lda-strided array), by dpotri: the upper triangle of the result is written.
    static func potri(n: Int, a: UnsafeMutablePointer<Double>, lda: Int) throws {
        var nn = try int32(n, "order"), ld = try int32(max(lda, 1), "lda"), info: Int32 = 0
        dpotri_("U", &nn, a, &ld, &info, 1)
        if info > 0 {
            throw NumericsError(.singular, "triangular factor is singular: diagonal element \(info) is zero")
        }
        try check(info, "dpotri")
    }

    // MARK: SVD

    /// Thin SVD A = U diag(s) Vᵀ by divide and conquer (dgesdd, jobz = "S").
    static func gesdd(m: Int, n: Int, a: inout [Double]) throws -> (u: [Double], s: [Double], vt: [Double]) {
        let k = min(m, n)
        var mm = try int32(m, "rows"), nn = try int32(n, "columns")
        var lda = max(mm, 1), ldu = max(mm, 1), ldvt = try int32(max(k, 1), "ldvt")
        var s = [Double](repeating: 0, count: max(k, 1))
        var u = [Double](repeating: 0, count: max(m * k, 1))
        var vt = [Double](repeating: 0, count: max(k * n, 1))
        var iwork = [Int32](repeating: 0, count: max(8 * k, 1))
        var work = [Double](repeating: 0, count: 1)
        var lwork: Int32 = -1, info: Int32 = 0
        dgesdd_("S", &mm, &nn, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info, 1)
        try check(info, "dgesdd (workspace query)")
        let minimum = 3 * k * k + max(max(m, n), 4 * k * k + 4 * k)
        let size = workspaceSize(work[0], minimum: minimum)
        work = [Double](repeating: 0, count: size)
        lwork = try int32(size, "workspace")
        dgesdd_("S", &mm, &nn, &a, &lda, &s, &u, &ldu, &vt, &ldvt, &work, &lwork, &iwork, &info, 1)
        if info > 0 {
            throw NumericsError(.lapack, "singular value decomposition did not converge (dgesdd info = \(info))")
        }
        try check(info, "dgesdd")
        return (u, Array(s.prefix(k)), vt)
    }
}
