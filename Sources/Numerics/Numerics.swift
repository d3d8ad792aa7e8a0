// Numerics owns the mathematics every forecast stands on: LAPACK wrappers (QR with
// column pivoting, SVD), the Levenberg–Marquardt engine, forward-mode automatic
// differentiation, the formula language, the self-starting growth-curve catalog,
// intervals (delta method, bootstrap) and model selection (AICc, BIC, backtest).
// It is the only target that links LAPACK, and glibc's vector math library (libmvec) for
// evaluating formulas over whole data columns.
// Map of the targets, the data flow and the extension points: docs/architecture.md.
import CLAPACK
