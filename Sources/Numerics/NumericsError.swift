// One error type for everything Numerics rejects. Each case carries enough context for a
// message a person can act on; nothing in Numerics traps on bad input.
import Foundation

public struct NumericsError: Error, CustomStringConvertible, Equatable, Sendable {
    public enum Kind: String, Sendable {
        case syntax            // formula text that does not parse
        case unknownFunction   // f(...) where f is not in the language
        case missingStart      // a formula parameter with no start value
        case invalidInput      // sizes, NaN data, too few points, bad options
        case lapack            // a LAPACK routine reported a failure (info != 0)
        case singular          // the Jacobian has no usable rank at all
        case notConverged      // the fit stopped without meeting a convergence test
    }

    public let kind: Kind
    public let message: String
    /// 1-based column in the formula text, when the error is about a formula.
    public let column: Int?

    public init(_ kind: Kind, _ message: String, column: Int? = nil) {
        self.kind = kind
        self.message = message
        self.column = column
    }

    public var description: String { message }
}
