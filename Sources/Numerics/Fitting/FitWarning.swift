// What a least-squares fit warns about, as values: a caller acts on the case (which
// parameter sits on which bound, which ones the data cannot tell apart), and the words a
// reader sees are the description, made here once.
import Foundation

public enum FitWarning: Sendable, Equatable, CustomStringConvertible {
    public enum BoundSide: String, Sendable, Equatable {
        case lower
        case upper
    }

    /// A start value lay outside its bounds and the solver started from the nearest bound.
    case startMovedInsideBounds(parameter: String, from: Double, to: Double)
    /// A parameter ended on a bound: the data would move it further, so its standard error
    /// is not reported.
    case onBound(parameter: String, value: Double, side: BoundSide)
    /// As many observations as estimated parameters: standard errors are undefined.
    case noDegreesOfFreedom
    /// The Jacobian's rank is below the number of estimated parameters; `undetermined`
    /// names the parameters the data cannot tell apart (their standard errors are not reported).
    case rankDeficient(rank: Int, estimated: Int, undetermined: [String])
    /// The solver stopped without meeting a convergence test; `reason` says which limit.
    case notConverged(reason: String)

    public var description: String {
        switch self {
        case let .startMovedInsideBounds(name, from, to):
            return "start value of \(name) (\(from)) was outside its bounds and was moved to \(to)"
        case let .onBound(name, value, side):
            return "\(name) = \(value) sits on its \(side.rawValue) bound; the data would move it further, so its standard error is not reported"
        case .noDegreesOfFreedom:
            return "no degrees of freedom left (as many observations as parameters): standard errors are undefined"
        case let .rankDeficient(rank, estimated, undetermined):
            let whose = undetermined.count == 1 ? "its standard error is" : "their standard errors are"
            return "the Jacobian is rank deficient (rank \(rank) of \(estimated)): the data do not determine \(undetermined.joined(separator: ", ")) separately; \(whose) not reported"
        case .notConverged(let reason):
            return "the fit did not converge: \(reason)"
        }
    }
}
