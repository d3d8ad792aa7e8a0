// Standard errors and covariance at a least-squares solution, never by inverting JᵀJ:
// the Jacobian is factored J P = Q R (pivoted QR). When R's diagonal proves the rank full,
// (JᵀJ)⁻¹ = P R⁻¹ R⁻ᵀ Pᵀ comes from LAPACK's dpotri on R; otherwise from the SVD of R,
// Cov = V diag(1/s²) Vᵀ · RSS/dof truncated at the numerical rank, with the undetermined
// directions named in warnings.
import Foundation

extension LevenbergMarquardt {
    /// (JᵀJ)⁻¹ from the pivoted QR of J when the rank is certainly full, else nil.
    /// With column pivoting σ_max ≤ √n·|r₁₁| and σ_min ≥ 3|r_nn| / √(4ⁿ + 6n − 1) (Higham,
    /// Accuracy and Stability of Numerical Algorithms, §20.4), so a last pivot above
    /// tol·√n·√(4ⁿ + 6n − 1)/3 times the first guarantees σ_min > tol·σ_max: the SVD would
    /// find full rank too, and its O(n³) set-up is skipped.
    static func inverseGramIfFullRank(_ qr: PivotedQR, relativeTolerance: Double) throws -> Matrix? {
        let n = qr.columns
        guard n > 0, qr.rows >= n, n < 30 else { return nil }
        let first = abs(qr.r(0, 0)), last = abs(qr.r(n - 1, n - 1))
        let nd = Double(n)
        let bound = relativeTolerance * nd.squareRoot() * (pow(4, nd) + 6 * nd - 1).squareRoot() / 3
        guard first > 0, first.isFinite, last > first * bound else { return nil }
        var r = [Double](repeating: 0, count: n * n)
        for j in 0..<n { for i in 0...j { r[i + j * n] = qr.r(i, j) } }
        try r.withUnsafeMutableBufferPointer { try LAPACK.potri(n: n, a: $0.baseAddress!, lda: n) }
        guard r.allSatisfy({ $0.isFinite }) else { return nil }
        // Entry (a, b) of the inverse in pivoted order belongs to columns P(a), P(b).
        var out = Matrix(rows: n, columns: n)
        for b in 0..<n {
            for a in 0...b {
                let v = r[a + b * n]
                out[qr.pivot(a), qr.pivot(b)] = v
                out[qr.pivot(b), qr.pivot(a)] = v
            }
        }
        return out
    }

    /// Singular values and right singular vectors of J from its pivoted QR: R Pᵀ has the
    /// same ones, and is only n×n (the left vectors are not needed for the covariance).
    static func rightSingularSystem(_ qr: PivotedQR) throws -> SingularValueDecomposition {
        let n = qr.columns
        var b = Matrix(rows: n, columns: n)
        for j in 0..<n {
            let column = qr.pivot(j)
            for i in 0...j { b[i, column] = qr.r(i, j) }
        }
        return try SingularValueDecomposition(b)
    }

    static func finish(function: ResidualFunction, theta: [Double], names: [String], free: [Int],
                       constraints: ParameterConstraints, options: LevenbergMarquardtOptions,
                       iterations: Int, evaluations: Int, stop: StopReason,
                       warnings initialWarnings: [FitWarning],
                       solution: (residuals: [Double], jacobian: [Double])? = nil,
                       factorization: PivotedQR? = nil,
                       factorizationIsNearSolution: Bool = false) throws -> LeastSquaresResult {
        let m = function.residualCount, p = function.parameterCount
        var warnings = initialWarnings
        // The solver usually ends holding the residuals and Jacobian at θ; otherwise
        // they are evaluated here.
        var f: [Double], jac: [Double]
        if let solution, solution.residuals.count == m, solution.jacobian.count == m * p {
            (f, jac) = solution
        } else {
            f = [Double](repeating: 0, count: m)
            jac = [Double](repeating: 0, count: m * p)
            function.residualsAndJacobian(at: theta, residuals: &f, jacobian: &jac)
        }
        let rss = sumOfSquares(f)
        let dof = m - free.count
        var covariance = Matrix(rows: p, columns: p)
        var standardErrors = [Double](repeating: .nan, count: p)
        var rank = 0
        var rankDeficient = false

        // Parameters on a bound are not estimated in the usual sense; leave them out.
        var estimated: [Int] = []
        estimated.reserveCapacity(free.count)
        for k in free {
            let lo = constraints.lowerBound(k), hi = constraints.upperBound(k)
            if theta[k] <= lo || theta[k] >= hi {
                warnings.append(.onBound(parameter: names[k], value: theta[k], side: theta[k] <= lo ? .lower : .upper))
            } else {
                estimated.append(k)
            }
        }

        // The sum of squares is finite unless an entry is ±∞/NaN (or it overflows, which the
        // entry-by-entry look then settles): one vectorised pass in the usual case.
        let jacobianIsFinite = jac.withUnsafeBufferPointer { j -> Bool in
            guard let base = j.baseAddress else { return true }
            return dotProduct(base, base, count: j.count).isFinite || j.allSatisfy { $0.isFinite }
        }
        if !estimated.isEmpty, jacobianIsFinite, rss.isFinite {
            // The solver's factorisation object is reused when it has the right shape; with
            // every parameter estimated the Jacobian is factored as it is, without a copy.
            let qr: PivotedQR
            if let reusable = factorization, reusable.rows == m, reusable.columns == estimated.count {
                qr = reusable
            } else {
                qr = try PivotedQR(rows: m, columns: estimated.count)
            }
            if estimated.count == p {
                // The solver's last factorisation serves when only rounding-level steps
                // followed it (see Run.factorizationIsNearSolution).
                if !(factorizationIsNearSolution && qr === factorization) {
                    try qr.factor(jac)
                }
            } else {
                var a = [Double](repeating: 0, count: m * estimated.count)
                for (c, k) in estimated.enumerated() {
                    for i in 0..<m { a[c * m + i] = jac[k * m + i] }
                }
                try qr.factor(a)
            }
            let scale = dof > 0 ? rss / Double(dof) : Double.nan
            if dof == 0 {
                warnings.append(.noDegreesOfFreedom)
            }
            let inverseGram: Matrix
            if let g = try inverseGramIfFullRank(qr, relativeTolerance: options.rankTolerance) {
                rank = estimated.count
                inverseGram = g
            } else {
                let svd = try Self.rightSingularSystem(qr)
                rank = svd.rank(relativeTolerance: options.rankTolerance)
                if rank == 0 {
                    throw NumericsError(.singular, "the Jacobian is zero at the solution: the model does not depend on its parameters there")
                }
                if rank < estimated.count {
                    rankDeficient = true
                    // Parameters with weight in the discarded right singular vectors are the
                    // ones the data cannot tell apart.
                    var involved = Set<Int>()
                    for l in rank..<min(svd.singularValues.count, estimated.count) {
                        for c in 0..<estimated.count where abs(svd.vt[l, c]) > 0.1 { involved.insert(estimated[c]) }
                    }
                    if svd.singularValues.count < estimated.count {
                        for c in 0..<estimated.count { involved.insert(estimated[c]) }
                    }
                    warnings.append(.rankDeficient(rank: rank, estimated: estimated.count,
                                                   undetermined: involved.sorted().map { names[$0] }))
                    for k in involved { standardErrors[k] = .infinity }
                }
                inverseGram = svd.inverseGram(rank: rank)
            }
            for (a1, k1) in estimated.enumerated() {
                for (a2, k2) in estimated.enumerated() { covariance[k1, k2] = inverseGram[a1, a2] * scale }
            }
            for k in estimated where standardErrors[k] != .infinity {
                standardErrors[k] = covariance[k, k].squareRoot()
            }
            for k in estimated where standardErrors[k] == .infinity { standardErrors[k] = .nan }
        }
        if !stop.converged {
            warnings.append(.notConverged(reason: stop.text))
        }
        return LeastSquaresResult(parameterNames: names, parameters: theta, standardErrors: standardErrors,
                                  covariance: covariance, residuals: f, residualSumOfSquares: rss,
                                  observationCount: m, degreesOfFreedom: dof, rank: rank, rankDeficient: rankDeficient,
                                  converged: stop.converged, iterations: iterations, evaluations: evaluations,
                                  reason: stop.text, warnings: warnings)
    }
}
