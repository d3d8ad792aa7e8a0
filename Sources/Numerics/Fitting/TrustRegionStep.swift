// The Levenberg–Marquardt step for a trust region, after Moré (1978), "The Levenberg–
// Marquardt algorithm: implementation and theory": given J P = Q R, find the parameter
// λ ≥ 0 for which the solution p of min ‖J p + f‖² + λ‖D p‖² has ‖D p‖ ≈ Δ, by a
// safeguarded Newton iteration on λ, solving each damped system with Givens rotations
// on R (never by forming JᵀJ).
import Foundation

/// Scratch state for one n-parameter step computation (n = number of free parameters).
/// A class over raw buffers rather than a struct of arrays: the step is computed several
/// times per iteration, millions of times in a bootstrap, and array writes in a mutating
/// struct pay a uniqueness check and a bounds check each.
final class TrustRegionStep {
    let n: Int
    /// n×n column-major; upper triangle holds R, strict lower triangle is scratch.
    let r: UnsafeMutablePointer<Double>
    let permutation: UnsafeMutablePointer<Int>
    /// The step (in original parameter order) after computeStep.
    let step: UnsafeMutablePointer<Double>
    let sdiag: UnsafeMutablePointer<Double>
    private let wa1, wa2, wa, scaled: UnsafeMutablePointer<Double>
    private let dwarf = Double.leastNormalMagnitude
    /// One allocation for R and the six vectors (one per fit, not eight).
    private let storage: UnsafeMutablePointer<Double>

    init(n: Int) {
        self.n = n
        let size = max(n, 1)
        storage = .allocate(capacity: size * size + 6 * size)
        storage.initialize(repeating: 0, count: size * size + 6 * size)
        r = storage
        let vectors = storage + size * size
        step = vectors; sdiag = vectors + size; wa1 = vectors + 2 * size
        wa2 = vectors + 3 * size; wa = vectors + 4 * size; scaled = vectors + 5 * size
        permutation = .allocate(capacity: size)
        for j in 0..<size { (permutation + j).initialize(to: j) }
    }

    deinit {
        storage.deallocate(); permutation.deallocate()
    }

    private func norm(_ v: UnsafeMutablePointer<Double>) -> Double {
        euclideanNorm(UnsafeBufferPointer(start: v, count: n))
    }

    /// Solves (R; √λ D Pᵀ-arranged) z ≈ (Qᵀf; 0) in the least-squares sense by Givens
    /// rotations that annihilate the diagonal block row by row (MINPACK's qrsolv).
    /// On return `step` holds the solution in original parameter order, `sdiag` the
    /// diagonal of the rotated triangle S, and r's strict lower triangle Sᵀ.
    private func solveDamped(diag scaledDiag: UnsafeMutablePointer<Double>, qtb: UnsafeMutablePointer<Double>) {
        let n = self.n, r = self.r, sdiag = self.sdiag, wa = self.wa, step = self.step
        for j in 0..<n {
            for i in j..<n { r[i + j * n] = r[j + i * n] }
            step[j] = r[j + j * n]
            wa[j] = qtb[j]
        }
        for j in 0..<n {
            let l = permutation[j]
            if scaledDiag[l] != 0 {
                for k in j..<n { sdiag[k] = 0 }
                sdiag[j] = scaledDiag[l]
                var qtbpj = 0.0
                for k in j..<n where sdiag[k] != 0 {
                    let rkk = r[k + k * n]
                    let c: Double, s: Double
                    if abs(rkk) < abs(sdiag[k]) {
                        let cotan = rkk / sdiag[k]
                        s = 0.5 / (0.25 + 0.25 * cotan * cotan).squareRoot()
                        c = s * cotan
                    } else {
                        let t = sdiag[k] / rkk
                        c = 0.5 / (0.25 + 0.25 * t * t).squareRoot()
                        s = c * t
                    }
                    r[k + k * n] = c * rkk + s * sdiag[k]
                    let temp = c * wa[k] + s * qtbpj
                    qtbpj = -s * wa[k] + c * qtbpj
                    wa[k] = temp
                    var i = k + 1
                    while i < n {
                        let t2 = c * r[i + k * n] + s * sdiag[i]
                        sdiag[i] = -s * r[i + k * n] + c * sdiag[i]
                        r[i + k * n] = t2
                        i += 1
                    }
                }
            }
            sdiag[j] = r[j + j * n]
            r[j + j * n] = step[j]
        }
        var nsing = n
        for j in 0..<n {
            if sdiag[j] == 0, nsing == n { nsing = j }
            if nsing < n { wa[j] = 0 }
        }
        var j = nsing - 1
        while j >= 0 {
            var sum = 0.0
            var i = j + 1
            while i < nsing { sum += r[i + j * n] * wa[i]; i += 1 }
            wa[j] = (wa[j] - sum) / sdiag[j]
            j -= 1
        }
        for j in 0..<n { step[permutation[j]] = wa[j] }
    }

    /// Moré's lmpar: returns the new λ and leaves the step (to be subtracted, i.e. the
    /// minimiser of ‖J p − f‖ form used by MINPACK) in `step`.
    /// `diag` and `qtb` have n entries.
    func computeStep(diag: UnsafeMutablePointer<Double>, qtb: UnsafeMutablePointer<Double>, delta: Double,
                     lambda initial: Double) -> Double {
        let n = self.n, r = self.r, wa1 = self.wa1, wa2 = self.wa2, step = self.step
        var par = initial
        // Gauss–Newton direction, truncated at the first exactly-zero pivot.
        var nsing = n
        for j in 0..<n {
            wa1[j] = qtb[j]
            if r[j + j * n] == 0, nsing == n { nsing = j }
            if nsing < n { wa1[j] = 0 }
        }
        var j = nsing - 1
        while j >= 0 {
            wa1[j] /= r[j + j * n]
            let temp = wa1[j]
            for i in 0..<j { wa1[i] -= r[i + j * n] * temp }
            j -= 1
        }
        for j in 0..<n { step[permutation[j]] = wa1[j] }

        for j in 0..<n { wa2[j] = diag[j] * step[j] }
        var dxnorm = norm(wa2)
        var fp = dxnorm - delta
        if fp <= 0.1 * delta { return 0 }

        // Lower bound from the Newton step at λ = 0 (only when R is nonsingular).
        var parl = 0.0
        if nsing == n {
            for j in 0..<n { let l = permutation[j]; wa1[j] = diag[l] * (wa2[l] / dxnorm) }
            for j in 0..<n {
                var sum = 0.0
                for i in 0..<j { sum += r[i + j * n] * wa1[i] }
                wa1[j] = (wa1[j] - sum) / r[j + j * n]
            }
            let temp = norm(wa1)
            parl = ((fp / delta) / temp) / temp
            if !parl.isFinite { parl = 0 }
        }
        // Upper bound: ‖(JᵀJ)... D⁻¹ Jᵀf‖ / Δ.
        for j in 0..<n {
            var sum = 0.0
            for i in 0...j { sum += r[i + j * n] * qtb[i] }
            wa1[j] = sum / diag[permutation[j]]
        }
        let gnorm = norm(wa1)
        var paru = gnorm / delta
        if paru == 0 { paru = dwarf / min(delta, 0.1) }

        par = max(par, parl)
        par = min(par, paru)
        if par == 0 { par = gnorm / dxnorm }

        var iteration = 0
        while true {
            iteration += 1
            if par == 0 { par = max(dwarf, 0.001 * paru) }
            let root = par.squareRoot()
            for j in 0..<n { scaled[j] = root * diag[j] }
            solveDamped(diag: scaled, qtb: qtb)
            for j in 0..<n { wa2[j] = diag[j] * step[j] }
            dxnorm = norm(wa2)
            let previous = fp
            fp = dxnorm - delta
            if abs(fp) <= 0.1 * delta || (parl == 0 && fp <= previous && previous < 0) || iteration == 10 {
                break
            }
            // Newton correction to λ.
            for j in 0..<n { let l = permutation[j]; wa1[j] = diag[l] * (wa2[l] / dxnorm) }
            for j in 0..<n {
                wa1[j] /= sdiag[j]
                let temp = wa1[j]
                var i = j + 1
                while i < n { wa1[i] -= r[i + j * n] * temp; i += 1 }
            }
            let temp = norm(wa1)
            let parc = ((fp / delta) / temp) / temp
            if fp > 0 { parl = max(parl, par) }
            if fp < 0 { paru = min(paru, par) }
            par = max(parl, par + parc)
            if !par.isFinite { par = paru; break }
        }
        return par
    }
}
