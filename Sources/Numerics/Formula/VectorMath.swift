// exp, log and pow over whole columns through glibc's vector math library (libmvec),
// two values per call: the compiled formula evaluates a function once per data row and
// evaluation, and libm's scalar exp (with its errno wrapper) was the largest single cost
// of exponential models after the linear algebra. libmvec is within 4 ulp (exp measured
// ≤ 2 ulp from libm's here), far below what any fit resolves. Every element goes through
// the vector routine, an odd last one padded, so a value never depends on its position
// (a fitted curve and a one-row prediction agree to the bit). Other platforms use libm.
import Foundation
#if canImport(CVectorMath)
import CVectorMath
#endif

enum VectorMath {
    /// x[i] = exp(x[i]) for i < n.
    static func exp(_ x: UnsafeMutablePointer<Double>, _ n: Int) {
        #if arch(x86_64) && os(Linux)
        pairs(x, n) { _ZGVbN2v_exp($0) }
        #else
        for i in 0..<n { x[i] = Foundation.exp(x[i]) }
        #endif
    }

    /// x[i] = log(x[i]) for i < n.
    static func log(_ x: UnsafeMutablePointer<Double>, _ n: Int) {
        #if arch(x86_64) && os(Linux)
        pairs(x, n) { _ZGVbN2v_log($0) }
        #else
        for i in 0..<n { x[i] = Foundation.log(x[i]) }
        #endif
    }

    /// x[i] = x[i]^y[i] for i < n.
    static func pow(_ x: UnsafeMutablePointer<Double>, _ y: UnsafePointer<Double>, _ n: Int) {
        #if arch(x86_64) && os(Linux)
        var i = 0
        while i + 2 <= n {
            let v = _ZGVbN2vv_pow(SIMD2(x[i], x[i + 1]), SIMD2(y[i], y[i + 1]))
            x[i] = v[0]; x[i + 1] = v[1]
            i += 2
        }
        if i < n { x[i] = _ZGVbN2vv_pow(SIMD2(x[i], x[i]), SIMD2(y[i], y[i]))[0] }
        #else
        for i in 0..<n { x[i] = Foundation.pow(x[i], y[i]) }
        #endif
    }

    /// x[i] = x[i]^c for i < n.
    static func pow(_ x: UnsafeMutablePointer<Double>, constant c: Double, _ n: Int) {
        #if arch(x86_64) && os(Linux)
        let exponent = SIMD2(c, c)
        pairs(x, n) { _ZGVbN2vv_pow($0, exponent) }
        #else
        for i in 0..<n { x[i] = Foundation.pow(x[i], c) }
        #endif
    }

    #if arch(x86_64) && os(Linux)
    @inline(__always)
    private static func pairs(_ x: UnsafeMutablePointer<Double>, _ n: Int,
                              _ f: (SIMD2<Double>) -> SIMD2<Double>) {
        var i = 0
        while i + 2 <= n {
            let v = f(SIMD2(x[i], x[i + 1]))
            x[i] = v[0]; x[i + 1] = v[1]
            i += 2
        }
        if i < n { x[i] = f(SIMD2(x[i], x[i]))[0] }
    }
    #endif
}
