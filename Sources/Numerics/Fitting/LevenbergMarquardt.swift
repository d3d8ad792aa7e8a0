// Levenberg–Marquardt with Moré's scaled trust region (the design of MINPACK's lmder):
// the Jacobian is factored J P = Q R by LAPACK's pivoted QR every iteration; the trust
// region is measured in the norm ‖D p‖ with D the running maximum of the Jacobian's
// column norms; the region grows or shrinks by the ratio of actual to predicted
// reduction; a trial point whose residuals overflow or are NaN is simply a failed step
// (the region shrinks, the iteration goes on). Fixed parameters are left out of the
// problem; bounds are handled by projection, with parameters that sit on a bound and
// are pushed outward by the gradient frozen for that iteration. Three departures from
// lmder, each explained where it is made: a run stops once the reductions are rounding
// noise; a small Gauss–Newton step that the sum of squares cannot judge is taken; and in
// the linear convergence of large-residual fits Gauss–Newton steps are scaled by the
// curvature they meet.
import Foundation

public enum LevenbergMarquardt {
    /// Minimises ‖r(θ)‖² from `start`. Throws only for unusable input (sizes, non-finite
    /// start values or model values at the start); a fit that stops without meeting a
    /// convergence test is returned with `converged == false` and the reason.
    public static func minimize(_ function: ResidualFunction, start: [Double],
                                parameterNames: [String]? = nil,
                                constraints: ParameterConstraints = .none,
                                options: LevenbergMarquardtOptions = .init()) throws -> LeastSquaresResult {
        let p = function.parameterCount
        let m = function.residualCount
        let names = parameterNames ?? (1...max(p, 1)).prefix(p).map { "p\($0)" }
        guard start.count == p else {
            throw NumericsError(.invalidInput, "\(start.count) start values for \(p) parameters")
        }
        guard names.count == p else {
            throw NumericsError(.invalidInput, "\(names.count) parameter names for \(p) parameters")
        }
        if let k = start.firstIndex(where: { !$0.isFinite }) {
            throw NumericsError(.invalidInput, "start value of \(names[k]) is \(start[k]); give a finite number")
        }
        for k in 0..<p where constraints.lowerBound(k) > constraints.upperBound(k) {
            throw NumericsError(.invalidInput, "lower bound of \(names[k]) is above its upper bound")
        }
        let free = (0..<p).filter { !constraints.fixed.contains($0) }
        guard m >= free.count else {
            throw NumericsError(.invalidInput,
                                "\(m) observations cannot determine \(free.count) parameters; give at least \(free.count) points or fix some parameters")
        }
        var theta = start
        var warnings: [FitWarning] = []
        for k in free {
            let clamped = min(max(theta[k], constraints.lowerBound(k)), constraints.upperBound(k))
            if clamped != theta[k] {
                warnings.append(.startMovedInsideBounds(parameter: names[k], from: theta[k], to: clamped))
                theta[k] = clamped
            }
        }
        var f = [Double](repeating: 0, count: m)
        // The solver's first evaluation (with the Jacobian) doubles as the check.
        let run = free.isEmpty ? nil : try Run(function: function, free: free, constraints: constraints, options: options)
        if let run { run.evaluateStart(theta: theta, residuals: &f) } else { function.residuals(at: theta, into: &f) }
        if let i = f.firstIndex(where: { !$0.isFinite }) {
            throw NumericsError(.invalidInput,
                                "the model is not finite at observation \(i + 1) with the start values; choose other start values")
        }

        var iterations = 0, evaluations = 1
        var stop = StopReason.exactFit
        var solution: (residuals: [Double], jacobian: [Double])? = nil
        var factorization: PivotedQR? = nil
        var factorized = false
        if let run {
            let outcome = try run.solveWithRestarts(theta: &theta, residuals: &f, startIsEvaluated: true)
            iterations = outcome.iterations
            evaluations += outcome.evaluations
            stop = outcome.reason
            solution = run.jacobianAtSolution().map { (f, $0) }
            factorization = run.qr
            factorized = run.factorizationIsNearSolution && solution != nil
        }
        return try finish(function: function, theta: theta, names: names, free: free, constraints: constraints,
                          options: options, iterations: iterations, evaluations: evaluations, stop: stop,
                          warnings: warnings, solution: solution, factorization: factorization,
                          factorizationIsNearSolution: factorized)
    }

    static func sumOfSquares(_ v: [Double]) -> Double {
        let norm = euclideanNorm(v)
        return norm * norm
    }

    enum StopReason {
        case exactFit, functionTolerance, stepTolerance, bothTolerances, gradientTolerance
        case evaluationLimit, functionPrecision, stepPrecision, gradientPrecision
        case jacobianNotFinite, stepFailed

        var converged: Bool {
            switch self {
            case .evaluationLimit, .jacobianNotFinite, .stepFailed: return false
            default: return true
            }
        }

        var text: String {
            switch self {
            case .exactFit: return "the residuals are zero"
            case .functionTolerance: return "the relative reduction of the sum of squares is below the tolerance"
            case .stepTolerance: return "the relative step size is below the tolerance"
            case .bothTolerances: return "both the reduction of the sum of squares and the step size are below the tolerances"
            case .gradientTolerance: return "the residuals are orthogonal to the Jacobian (gradient test)"
            case .evaluationLimit: return "the limit on model evaluations was reached before convergence"
            case .functionPrecision: return "the sum of squares cannot be reduced further at machine precision"
            case .stepPrecision: return "the step size is at machine precision"
            case .gradientPrecision: return "the gradient is zero at machine precision"
            case .jacobianNotFinite: return "the Jacobian is not finite at the current parameters"
            case .stepFailed: return "no step reduces the sum of squares (the trust region collapsed)"
            }
        }
    }

    /// One lmder-style run over the free parameters, with buffers sized once.
    final class Run {
        let function: ResidualFunction
        let constraints: ParameterConstraints
        let options: LevenbergMarquardtOptions
        let m: Int, n: Int, p: Int
        let qr: PivotedQR
        let trs: TrustRegionStep
        var jacobianFull: [Double]
        var jacobian: [Double]
        var trialResiduals: [Double]
        var trialJacobian: [Double]
        /// The trial point, in all p parameters (what the residual function is called at).
        var trial: [Double]
        let work: Workspace
        let epsilon = Double.ulpOfOne

        /// Work vectors of a run (n entries each unless noted) and the free parameters'
        /// indices and bounds, as raw buffers: the loop writes them element by element every
        /// iteration, where array writes would pay a uniqueness and a bounds check each.
        final class Workspace {
            let diag, columnNorms, x, scaledStep, stepVector, qtb, rp, lower, upper: UnsafeMutablePointer<Double>
            /// m entries each.
            let qtf, js: UnsafeMutablePointer<Double>
            let free: UnsafeMutablePointer<Int>
            private let storage: UnsafeMutablePointer<Double>

            init(m: Int, free indices: [Int], constraints: ParameterConstraints) {
                let n = indices.count
                storage = .allocate(capacity: 9 * n + 2 * m + 1)
                storage.initialize(repeating: 0, count: 9 * n + 2 * m + 1)
                diag = storage; columnNorms = storage + n; x = storage + 2 * n; scaledStep = storage + 3 * n
                stepVector = storage + 4 * n; qtb = storage + 5 * n; rp = storage + 6 * n
                lower = storage + 7 * n; upper = storage + 8 * n
                qtf = storage + 9 * n; js = storage + 9 * n + m
                free = .allocate(capacity: max(n, 1))
                for (j, k) in indices.enumerated() {
                    (free + j).initialize(to: k)
                    lower[j] = constraints.lowerBound(k)
                    upper[j] = constraints.upperBound(k)
                }
            }

            deinit {
                storage.deallocate()
                free.deallocate()
            }
        }

        init(function: ResidualFunction, free: [Int], constraints: ParameterConstraints,
             options: LevenbergMarquardtOptions) throws {
            self.function = function
            self.constraints = constraints
            self.options = options
            m = function.residualCount
            n = free.count
            p = function.parameterCount
            qr = try PivotedQR(rows: m, columns: n)
            trs = TrustRegionStep(n: n)
            // With no fixed parameters the free Jacobian is the full one (see solve).
            // The Jacobian buffers are written in full (by the residual function, or the
            // copy of the free columns) before anything reads them, so they are not cleared:
            // for a tall data set clearing them was a visible part of a small fit.
            func unset(_ count: Int) -> [Double] {
                [Double](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
            }
            jacobianFull = unset(n == p ? 0 : m * p)
            jacobian = unset(m * n)
            trialResiduals = [Double](repeating: 0, count: m)
            trialJacobian = unset(m * p)
            trial = [Double](repeating: 0, count: p)
            work = Workspace(m: m, free: free, constraints: constraints)
        }

        struct Outcome {
            var iterations: Int
            var evaluations: Int
            var reason: StopReason
            /// The last step was cut by the trust region (λ > 0), rather than being the
            /// Gauss–Newton step itself. Only then can a fresh region do better.
            var regionLimited = false
        }

        /// Whether the work buffers hold the residuals' Jacobian at the point the last
        /// solve ended on. They do unless bounds froze (zeroed) columns of it.
        private var jacobianIsCurrent = false
        /// Whether `qr` holds the factorisation of a Jacobian taken within a relative
        /// scaled distance of 1e-6 of where the last solve ended (its last iteration, when
        /// only rounding-level steps followed). The covariance then comes from it, as
        /// MINPACK's lmder (and scipy's curve_fit) report it from the last factored
        /// Jacobian; the difference is of the order of that distance.
        private(set) var factorizationIsNearSolution = false

        /// Runs the solver, then, when the trust region shrank to nothing (a step test)
        /// while the Gauss–Newton step was still longer than the region, restarts it from
        /// where it stopped with a fresh region and scaling, as long as that keeps lowering
        /// the sum of squares. When the last step was the Gauss–Newton step itself, it was
        /// at rounding level and a restart would only repeat it. `residuals` (length m)
        /// receives the residuals at the end; what it holds on entry is not used.
        /// With `startIsEvaluated`, `f` and the Jacobian buffers already hold the values at
        /// `theta` (see evaluateStart).
        func solveWithRestarts(theta: inout [Double], residuals f: inout [Double],
                               startIsEvaluated: Bool = false) throws -> Outcome {
            var total = Outcome(iterations: 0, evaluations: 0, reason: .exactFit)
            var rss = Double.infinity
            var attempt = 0
            while true {
                // A restart starts where the last run ended, whose residuals and Jacobian
                // are already at hand.
                let outcome = try solve(theta: &theta, residuals: &f, startIsEvaluated: startIsEvaluated || attempt > 0)
                total.iterations += outcome.iterations
                total.evaluations += outcome.evaluations
                total.reason = outcome.reason
                let newRSS = sumOfSquares(f)
                let improved = newRSS < rss * (1 - 1e-13)
                rss = newRSS
                attempt += 1
                let stalled = (outcome.reason == .stepTolerance || outcome.reason == .stepPrecision)
                    && outcome.regionLimited
                if !stalled || (attempt > 1 && !improved) || attempt > options.maxRestarts || rss == 0
                    || total.evaluations >= options.maxEvaluations { return total }
            }
        }

        /// Evaluates the residuals (into `f`) and the Jacobian (into the solver's buffers) at
        /// `theta`, for a solve that is then told its start is evaluated.
        func evaluateStart(theta: [Double], residuals f: inout [Double]) {
            if n == p {
                function.residualsAndJacobian(at: theta, residuals: &f, jacobian: &jacobian)
            } else {
                function.residualsAndJacobian(at: theta, residuals: &f, jacobian: &jacobianFull)
            }
            jacobianIsCurrent = true
        }

        /// The full m×p Jacobian at the point the last solve ended on, when the solver
        /// still holds it unchanged (not after bounds froze columns).
        func jacobianAtSolution() -> [Double]? {
            guard jacobianIsCurrent else { return nil }
            return n == p ? jacobian : jacobianFull
        }

        /// One run from `theta`. With `startIsEvaluated`, `f` and the Jacobian buffers
        /// already hold the residuals and Jacobian at `theta` (a restart), and are used.
        func solve(theta: inout [Double], residuals f: inout [Double], startIsEvaluated: Bool = false) throws -> Outcome {
            // The buffers are moved into locals for the duration of the run: the hot loops
            // then touch no class properties (no exclusivity checks, no copies).
            var jacobian: [Double] = [], jacobianFull: [Double] = [], trialResiduals: [Double] = []
            var trialJacobian: [Double] = []
            swap(&jacobian, &self.jacobian); swap(&jacobianFull, &self.jacobianFull)
            swap(&trialResiduals, &self.trialResiduals); swap(&trialJacobian, &self.trialJacobian)
            defer {
                swap(&jacobian, &self.jacobian); swap(&jacobianFull, &self.jacobianFull)
                swap(&trialResiduals, &self.trialResiduals); swap(&trialJacobian, &self.trialJacobian)
            }
            let m = self.m, n = self.n, constraints = self.constraints
            let options = self.options, function = self.function, qr = self.qr, trs = self.trs
            let allFree = n == p
            let roundingLevel = function.roundingLevel
            // Residuals and Jacobian at the start; every later point is evaluated with its
            // Jacobian as a trial point (see below), so the caller's `f` is not read.
            let reuse = startIsEvaluated && jacobianIsCurrent
            var evaluations = reuse ? 0 : 1
            var iterations = 0
            jacobianIsCurrent = !constraints.hasBounds
            factorizationIsNearSolution = false
            var movedSinceFactor = 0.0
            if reuse {
                // f and the Jacobian are those the previous run ended with.
            } else if allFree {
                // No fixed parameters: the full Jacobian is the free one, no copy needed.
                function.residualsAndJacobian(at: theta, residuals: &f, jacobian: &jacobian)
            } else {
                function.residualsAndJacobian(at: theta, residuals: &f, jacobian: &jacobianFull)
            }
            var fnorm = euclideanNorm(f)
            if fnorm == 0 { return Outcome(iterations: 0, evaluations: evaluations, reason: .exactFit) }
            // Work vectors live in `work` between runs (a bootstrap runs this 10,000 times).
            let w = self.work
            let diag = w.diag, columnNorms = w.columnNorms, qtf = w.qtf, x = w.x, js = w.js
            let scaledStep = w.scaledStep, stepVector = w.stepVector, qtb = w.qtb, rp = w.rp
            let free = w.free, lower = w.lower, upper = w.upper
            var trial: [Double] = []
            swap(&trial, &self.trial)
            defer { swap(&trial, &self.trial) }
            @inline(__always) func norm(_ v: UnsafeMutablePointer<Double>, _ count: Int) -> Double {
                euclideanNorm(UnsafeBufferPointer(start: v, count: count))
            }
            @inline(__always) func scaledNorm() -> Double {
                for j in 0..<n { scaledStep[j] = diag[j] * x[j] }
                return norm(scaledStep, n)
            }
            for j in 0..<n { x[j] = theta[free[j]] }
            for k in 0..<theta.count { trial[k] = theta[k] }
            var delta = 0.0, xnorm = 0.0, par = 0.0
            // Length of the next Gauss–Newton step as a multiple of itself, from the
            // curvature the last one met (see below).
            var stepScale = 1.0, previousCurvature = Double.nan
            var first = true
            let bounded = constraints.hasBounds

            while true {
                // The Jacobian at the current point is in `jacobian` (or, with fixed
                // parameters, in `jacobianFull`, whose free columns are copied over).
                iterations += 1
                if !allFree {
                    for c in 0..<n {
                        let k = free[c]
                        for i in 0..<m { jacobian[c * m + i] = jacobianFull[k * m + i] }
                    }
                }
                // The column norms double as the finiteness check: the overflow-safe norm is
                // ±∞/NaN exactly when an entry is.
                for c in 0..<n {
                    columnNorms[c] = jacobian.withUnsafeBufferPointer {
                        euclideanNorm(UnsafeBufferPointer(rebasing: $0[(c * m)..<((c + 1) * m)]))
                    }
                    if !columnNorms[c].isFinite {
                        return Outcome(iterations: iterations, evaluations: evaluations, reason: .jacobianNotFinite)
                    }
                }
                if bounded {
                    // Frozen columns are zeroed, so their norms are taken again.
                    freezeActiveBounds(f: f, jacobian: &jacobian)
                    for c in 0..<n {
                        columnNorms[c] = jacobian.withUnsafeBufferPointer {
                            euclideanNorm(UnsafeBufferPointer(rebasing: $0[(c * m)..<((c + 1) * m)]))
                        }
                    }
                }
                try qr.factor(jacobian, columnNorms: columnNorms)
                movedSinceFactor = 0
                factorizationIsNearSolution = !bounded
                for j in 0..<n {
                    trs.permutation[j] = qr.pivot(j)
                    for i in 0..<n { trs.r[i + j * n] = i <= j ? qr.r(i, j) : 0 }
                }
                for i in 0..<m { qtf[i] = f[i] }
                qr.applyQTranspose(qtf)

                if first {
                    for j in 0..<n { diag[j] = columnNorms[j] == 0 ? 1 : columnNorms[j] }
                    xnorm = scaledNorm()
                    delta = options.initialStepFactor * xnorm
                    if delta == 0 { delta = options.initialStepFactor }
                }

                // Gradient test: largest cosine between f and a column of J.
                var gnorm = 0.0
                for j in 0..<n {
                    let l = trs.permutation[j]
                    if columnNorms[l] == 0 { continue }
                    var sum = 0.0
                    for i in 0...j { sum += trs.r[i + j * n] * (qtf[i] / fnorm) }
                    gnorm = max(gnorm, abs(sum / columnNorms[l]))
                }
                if gnorm <= options.gradientTolerance {
                    return Outcome(iterations: iterations, evaluations: evaluations, reason: .gradientTolerance)
                }
                for j in 0..<n { diag[j] = max(diag[j], columnNorms[j]) }
                for j in 0..<n { qtb[j] = qtf[j] }

                // Inner loop: shrink the region until a step is accepted.
                while true {
                    par = trs.computeStep(diag: diag, qtb: qtb, delta: delta, lambda: par)
                    if !par.isFinite { par = 0 }
                    let regionLimited = par > 0
                    let scale = regionLimited ? 1 : stepScale
                    var clipped = false
                    var stepFinite = true
                    for j in 0..<n {
                        let k = free[j]
                        var v = x[j] - scale * trs.step[j]
                        if !v.isFinite { stepFinite = false }
                        if v < lower[j] { v = lower[j]; clipped = true }
                        if v > upper[j] { v = upper[j]; clipped = true }
                        stepVector[j] = v - x[j]
                        trial[k] = v
                    }
                    if !stepFinite {
                        // This retry evaluates nothing, so no evaluation limit ends it: a region
                        // that overflowed to ∞ (‖x‖ near 1e308 from a start value) shrinks from
                        // the largest double, and a NaN one stops.
                        delta = min(delta, .greatestFiniteMagnitude) * 0.1
                        par = 0
                        if !(delta > epsilon * xnorm) || delta == 0 {
                            return Outcome(iterations: iterations, evaluations: evaluations, reason: .stepFailed)
                        }
                        continue
                    }
                    for j in 0..<n { scaledStep[j] = diag[j] * stepVector[j] }
                    let pnorm = norm(scaledStep, n)
                    if first { delta = min(delta, pnorm) }

                    // The trial point is evaluated with its Jacobian: most trials are accepted,
                    // and the model values (exp, pow) are then computed once, not twice.
                    function.residualsAndJacobian(at: trial, residuals: &trialResiduals, jacobian: &trialJacobian)
                    evaluations += 1
                    var fnorm1 = euclideanNorm(trialResiduals)
                    if !fnorm1.isFinite { fnorm1 = .infinity }
                    let actred = 0.1 * fnorm1 < fnorm ? 1 - (fnorm1 / fnorm) * (fnorm1 / fnorm) : -1

                    // Predicted reduction of the linear model, and the directional derivative.
                    var prered: Double, dirder: Double
                    if clipped {
                        for i in 0..<m { js[i] = 0 }
                        for j in 0..<n where stepVector[j] != 0 {
                            let s = stepVector[j]
                            for i in 0..<m { js[i] += jacobian[j * m + i] * s }
                        }
                        var fjs = 0.0
                        for i in 0..<m { fjs += (f[i] / fnorm) * (js[i] / fnorm) }
                        let jsn = norm(js, m) / fnorm
                        prered = -(2 * fjs + jsn * jsn)
                        dirder = fjs
                    } else {
                        // ‖R Pᵀ p‖ with p the (unclipped) step, then MINPACK's formulas.
                        for j in 0..<n { rp[j] = 0 }
                        for j in 0..<n {
                            let s = -scale * trs.step[trs.permutation[j]]
                            for i in 0...j { rp[i] += trs.r[i + j * n] * s }
                        }
                        let temp1 = norm(rp, n) / fnorm
                        let temp2 = par.squareRoot() * pnorm / fnorm
                        prered = temp1 * temp1 + temp2 * temp2 / 0.5
                        dirder = -(temp1 * temp1 + temp2 * temp2)
                    }
                    let ratio = prered != 0 ? actred / prered : 0

                    if ratio <= 0.25 {
                        var temp = actred >= 0 ? 0.5 : 0.5 * dirder / (dirder + 0.5 * actred)
                        if 0.1 * fnorm1 >= fnorm || temp < 0.1 || !temp.isFinite { temp = 0.1 }
                        delta = temp * min(delta, pnorm / 0.1)
                        par /= temp
                    } else if par == 0 || ratio >= 0.75 {
                        delta = pnorm / 0.5
                        par *= 0.5
                    }
                    // Where the sum of squares changes only by its own rounding it cannot
                    // tell the two points apart; a small Gauss–Newton step (not cut by the
                    // region) is then the better estimate, and is taken. Nelson's b₂, poorly
                    // determined, would otherwise stay 2e-7 short of the certified value.
                    // The relative change of ‖f‖² that rounding alone makes (see the stop at
                    // precision below).
                    let noise = 2 * roundingLevel / fnorm
                    let indistinguishable = !regionLimited && pnorm <= 1e-6 * xnorm
                        && abs(actred) <= noise && prered <= noise
                    let accepted = ratio >= 1e-4 || indistinguishable
                    // Large-residual fits converge only linearly under Gauss–Newton: the sum
                    // of squares curves more (or less) along the step than JᵀJ says, by a
                    // factor the ratio reveals. For a quadratic along the step t·p, with the
                    // model's reduction 2at − at² and the actual 2at − bt², the ratio is
                    // (2 − (b/a)t)/(2 − t), and the minimum lies at t = a/b. Once two
                    // Gauss–Newton steps in a row meet the same curvature factor b/a (within
                    // 10 %) and it is at least 5 % away from 1, that linear regime has set in,
                    // and the next Gauss–Newton step is scaled by a/b (within [¼, 2]): a
                    // secant estimate of the second-order term Gauss–Newton leaves out, in one
                    // number. Small-residual fits (b/a → 1, quadratic convergence) are left
                    // alone. The 5 % is measured: Kirby2 converges at b/a ≈ 1.085, a step
                    // shrinking only 12-fold an iteration, which a 10 % margin left unscaled.
                    if !regionLimited && accepted && ratio > 0 && !indistinguishable {
                        let curvature = (2 - ratio * (2 - scale)) / scale
                        let steady = abs(curvature - previousCurvature) <= 0.1 * abs(curvature)
                        stepScale = curvature > 0 && steady && abs(curvature - 1) >= 0.05
                            ? min(max(1 / curvature, 0.25), 2) : 1
                        previousCurvature = curvature
                    } else if !accepted || regionLimited {
                        stepScale = 1
                        previousCurvature = .nan
                    }
                    if accepted {
                        // Element copies, not array assignment: sharing storage would make
                        // the next write copy the whole array.
                        for j in 0..<n { x[j] = trial[free[j]]; theta[free[j]] = trial[free[j]] }
                        swap(&f, &trialResiduals)
                        if allFree { swap(&jacobian, &trialJacobian) } else { swap(&jacobianFull, &trialJacobian) }
                        fnorm = fnorm1
                        xnorm = scaledNorm()
                        first = false
                        movedSinceFactor += xnorm > 0 ? pnorm / xnorm : .infinity
                        if !(movedSinceFactor <= 1e-6) { factorizationIsNearSolution = false }
                    } else {
                        for j in 0..<n { trial[free[j]] = theta[free[j]] }
                    }
                    if fnorm == 0 {
                        return Outcome(iterations: iterations, evaluations: evaluations, reason: .exactFit)
                    }
                    let ftolMet = abs(actred) <= options.functionTolerance && prered <= options.functionTolerance && 0.5 * ratio <= 1
                    // Both the actual and the predicted change of ‖f‖ are within the rounding
                    // of ‖f‖ itself (a near-exact fit, whose sum of squares is all noise): the
                    // ratio of two noises means nothing, so it is not asked for.
                    let atPrecision = !ftolMet && abs(actred) <= noise && prered <= noise
                    if atPrecision {
                        return Outcome(iterations: iterations, evaluations: evaluations, reason: .functionPrecision)
                    }
                    let xtolMet = delta <= options.stepTolerance * xnorm
                    if ftolMet && xtolMet { return Outcome(iterations: iterations, evaluations: evaluations, reason: .bothTolerances) }
                    if ftolMet { return Outcome(iterations: iterations, evaluations: evaluations, reason: .functionTolerance) }
                    if xtolMet {
                        return Outcome(iterations: iterations, evaluations: evaluations, reason: .stepTolerance,
                                       regionLimited: regionLimited)
                    }
                    if evaluations >= options.maxEvaluations {
                        return Outcome(iterations: iterations, evaluations: evaluations, reason: .evaluationLimit)
                    }
                    if abs(actred) <= epsilon && prered <= epsilon && 0.5 * ratio <= 1 {
                        return Outcome(iterations: iterations, evaluations: evaluations, reason: .functionPrecision)
                    }
                    if delta <= epsilon * xnorm {
                        return Outcome(iterations: iterations, evaluations: evaluations, reason: .stepPrecision,
                                       regionLimited: regionLimited)
                    }
                    if gnorm <= epsilon {
                        return Outcome(iterations: iterations, evaluations: evaluations, reason: .gradientPrecision)
                    }
                    if accepted { break }
                }
            }
        }

        /// Zeroes the Jacobian columns of parameters that sit on a bound while the gradient
        /// of the sum of squares pushes them outward, so the step leaves them there.
        private func freezeActiveBounds(f: [Double], jacobian: inout [Double]) {
            let x = work.x
            for j in 0..<n {
                let lo = work.lower[j], hi = work.upper[j]
                guard x[j] <= lo || x[j] >= hi else { continue }
                var g = 0.0
                for i in 0..<m { g += jacobian[j * m + i] * f[i] }
                if (x[j] <= lo && g > 0) || (x[j] >= hi && g < 0) {
                    for i in 0..<m { jacobian[j * m + i] = 0 }
                }
            }
        }
    }
}
