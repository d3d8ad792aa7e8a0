// Standard errors and covariance at a least-squares solution, from the SVD of the
// Jacobian (never by inverting JᵀJ): Cov = V diag(1/s²) Vᵀ · RSS/dof, truncated at the
// numerical rank, with the undetermined directions named in warnings.
import Foundation

extension LevenbergMarquardt {
    /// Singular values and right singular vectors of a (the left ones are not needed for
    /// the covariance). A tall matrix is first reduced by QR, A P = Q R, and the SVD taken
    /// of the small n×n factor R Pᵀ, which has the same singular values and right vectors.
    static func rightSingularSystem(_ a: Matrix) throws -> SingularValueDecomposition {
        let n = a.columns
        guard a.rows > 2 * n, n > 0 else { return try SingularValueDecomposition(a) }
        let qr = try PivotedQR(a)
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
                       warnings initialWarnings: [String],
                       solution: (residuals: [Double], jacobian: [Double])? = nil) throws -> LeastSquaresResult {
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
        for k in free {
            let lo = constraints.lowerBound(k), hi = constraints.upperBound(k)
            if theta[k] <= lo || theta[k] >= hi {
                let side = theta[k] <= lo ? "lower" : "upper"
                warnings.append("\(names[k]) = \(theta[k]) sits on its \(side) bound; the data would move it further, so its standard error is not reported")
            } else {
                estimated.append(k)
            }
        }

        if !estimated.isEmpty, jac.allSatisfy({ $0.isFinite }), rss.isFinite {
            var a = Matrix(rows: m, columns: estimated.count)
            for (c, k) in estimated.enumerated() {
                for i in 0..<m { a[i, c] = jac[k * m + i] }
            }
            let svd = try Self.rightSingularSystem(a)
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
                let list = involved.sorted().map { names[$0] }.joined(separator: ", ")
                let whose = involved.count == 1 ? "its standard error is" : "their standard errors are"
                warnings.append("the Jacobian is rank deficient (rank \(rank) of \(estimated.count)): the data do not determine \(list) separately; \(whose) not reported")
                for k in involved { standardErrors[k] = .infinity }
            }
            let scale = dof > 0 ? rss / Double(dof) : Double.nan
            if dof == 0 {
                warnings.append("no degrees of freedom left (as many observations as parameters): standard errors are undefined")
            }
            let g = svd.inverseGram(rank: rank)
            for (a1, k1) in estimated.enumerated() {
                for (a2, k2) in estimated.enumerated() { covariance[k1, k2] = g[a1, a2] * scale }
            }
            for k in estimated where standardErrors[k] != .infinity {
                standardErrors[k] = covariance[k, k].squareRoot()
            }
            for k in estimated where standardErrors[k] == .infinity { standardErrors[k] = .nan }
        }
        if !stop.converged {
            warnings.append("the fit did not converge: \(stop.text)")
        }
        return LeastSquaresResult(parameterNames: names, parameters: theta, standardErrors: standardErrors,
                                  covariance: covariance, residuals: f, residualSumOfSquares: rss,
                                  observationCount: m, degreesOfFreedom: dof, rank: rank, rankDeficient: rankDeficient,
                                  converged: stop.converged, iterations: iterations, evaluations: evaluations,
                                  reason: stop.text, warnings: warnings)
    }
}
