// The expression tree flattened into a postfix program for a stack machine whose slots
// are whole columns: each instruction runs over every data row at once, so the cost of
// interpreting an instruction is paid once per evaluation, not once per row. Gradients
// ride along (forward-mode AD) in per-slot blocks laid out so that the result slot's block
// is exactly the column-major n×p Jacobian. Which parameters each slot depends on is known
// at compile time, so gradient work is done only where a derivative can be non-zero.
import Foundation

public struct CompiledFormula: Sendable {
    enum Operation: Sendable {
        case constant(Double)
        case variable(Int)
        case parameter(Int)
        case negate
        case call(ElementaryFunction)
        /// a^c with c a number: never takes log(a), so negative bases stay fine.
        case powerConstant(Double)
        case binary(BinaryOperator)
    }

    /// One instruction as the compiler builds it.
    struct Instruction: Sendable {
        let operation: Operation
        /// Result slot; a binary operation reads slots `slot` and `slot + 1`.
        let slot: Int
        /// Parameters only the left (or only) operand depends on.
        let leftOnly: [Int]
        /// Parameters only the right operand depends on.
        let rightOnly: [Int]
        /// Parameters both operands depend on.
        let both: [Int]
    }

    /// The same instruction with its parameter lists as ranges into `parameterIndices`:
    /// a plain value with no references, so the evaluation loop does no reference counting.
    struct FlatInstruction: Sendable {
        let operation: Operation
        let slot: Int
        let leftOnly: Range<Int>
        let rightOnly: Range<Int>
        let both: Range<Int>
    }

    /// The expression this program was compiled from.
    public let expression: Expression
    let code: [FlatInstruction]
    let parameterIndices: [Int]
    /// Parameters the whole formula depends on (the non-zero Jacobian columns).
    let resultDependencies: [Int]
    /// Parameters it does not depend on (zero Jacobian columns).
    let resultIndependent: [Int]
    let stackDepth: Int
    public let parameterCount: Int
    public let variableCount: Int

    init(expression: Expression, parameterCount: Int, variableCount: Int) {
        self.expression = expression
        var code: [Instruction] = []
        var maxDepth = 1
        /// Emits e's instructions into `slot` and returns its parameter dependencies
        /// (sorted) and whether it is a plain number. One bottom-up pass: a subtree found
        /// constant after its children are emitted has their instructions replaced by its
        /// value (folding), so nothing is walked twice.
        func emit(_ e: Expression, slot: Int) -> (deps: [Int], constant: Double?) {
            maxDepth = max(maxDepth, slot + 1)
            let mark = code.count
            func fold(_ value: Double) -> (deps: [Int], constant: Double?) {
                code.removeSubrange(mark...)
                code.append(Instruction(operation: .constant(value), slot: slot, leftOnly: [], rightOnly: [], both: []))
                return ([], value)
            }
            switch e {
            case .number(let v):
                code.append(Instruction(operation: .constant(v), slot: slot, leftOnly: [], rightOnly: [], both: []))
                return ([], v)
            case .variable(let i):
                code.append(Instruction(operation: .variable(i), slot: slot, leftOnly: [], rightOnly: [], both: []))
                return ([], nil)
            case .parameter(let k):
                code.append(Instruction(operation: .parameter(k), slot: slot, leftOnly: [k], rightOnly: [], both: []))
                return ([k], nil)
            case .negate(let a):
                let (deps, c) = emit(a, slot: slot)
                if let c { return fold(-c) }
                code.append(Instruction(operation: .negate, slot: slot, leftOnly: deps, rightOnly: [], both: []))
                return (deps, nil)
            case .call(let f, let a):
                let (deps, c) = emit(a, slot: slot)
                if let c { return fold(f.value(c)) }
                code.append(Instruction(operation: .call(f), slot: slot, leftOnly: deps, rightOnly: [], both: []))
                return (deps, nil)
            case .binary(let op, let a, let b):
                let (l, ca) = emit(a, slot: slot)
                let (r, cb) = emit(b, slot: slot + 1)
                if let ca, let cb { return fold(op.apply(ca, cb)) }
                if op == .power, let cb {
                    // a^c: drop the exponent's instruction, keep the number in the operation.
                    code.removeLast()
                    code.append(Instruction(operation: .powerConstant(cb), slot: slot, leftOnly: l, rightOnly: [], both: []))
                    return (l, nil)
                }
                let ls = Set(l), rs = Set(r)
                code.append(Instruction(operation: .binary(op), slot: slot,
                                        leftOnly: l.filter { !rs.contains($0) },
                                        rightOnly: r.filter { !ls.contains($0) },
                                        both: l.filter { rs.contains($0) }))
                return (Array(ls.union(rs)).sorted(), nil)
            }
        }
        let (dependencies, _) = emit(expression, slot: 0)
        var indices: [Int] = []
        func range(_ list: [Int]) -> Range<Int> {
            let start = indices.count
            indices.append(contentsOf: list)
            return start..<indices.count
        }
        self.code = code.map {
            FlatInstruction(operation: $0.operation, slot: $0.slot, leftOnly: range($0.leftOnly),
                            rightOnly: range($0.rightOnly), both: range($0.both))
        }
        self.parameterIndices = indices
        self.resultDependencies = dependencies
        self.resultIndependent = (0..<parameterCount).filter { !dependencies.contains($0) }
        self.stackDepth = maxDepth
        self.parameterCount = parameterCount
        self.variableCount = variableCount
    }

    /// Number of instructions (for tests and diagnostics).
    public var instructionCount: Int { code.count }
}

/// Evaluates a CompiledFormula over a fixed number of rows. Owns its scratch buffers, so
/// one evaluator per thread; creating one is cheap. The buffers are raw allocations
/// (freed in deinit) rather than arrays: the evaluator runs millions of times in a
/// bootstrap, and array properties of a class cost a runtime exclusivity check per access.
public final class FormulaEvaluator {
    public let program: CompiledFormula
    public let rows: Int
    private let valuesCount: Int, gradientsCount: Int, scratchCount: Int
    private let values: UnsafeMutablePointer<Double>
    private let gradients: UnsafeMutablePointer<Double>
    private let scratch: UnsafeMutablePointer<Double>

    public init(_ program: CompiledFormula, rows: Int) {
        self.program = program
        self.rows = max(rows, 0)
        valuesCount = max(program.stackDepth * self.rows, 1)
        gradientsCount = max(program.stackDepth * program.parameterCount * self.rows, 1)
        scratchCount = max(self.rows, 1)
        values = .allocate(capacity: valuesCount)
        values.initialize(repeating: 0, count: valuesCount)
        gradients = .allocate(capacity: gradientsCount)
        gradients.initialize(repeating: 0, count: gradientsCount)
        scratch = .allocate(capacity: scratchCount)
        scratch.initialize(repeating: 0, count: scratchCount)
    }

    deinit {
        values.deallocate()
        gradients.deallocate()
        scratch.deallocate()
    }

    /// Model values at every row. `data` is column-major rows × variableCount.
    public func evaluate(parameters: [Double], data: [Double], into output: inout [Double]) {
        precondition(parameters.count == program.parameterCount && data.count >= rows * program.variableCount
                     && output.count >= rows, "FormulaEvaluator: caller passed mismatched sizes")
        let n = rows
        do { let vb = UnsafeMutableBufferPointer(start: values, count: valuesCount)
            data.withUnsafeBufferPointer { db in
                parameters.withUnsafeBufferPointer { pb in
                  program.code.withUnsafeBufferPointer { code in
                    let v = vb.baseAddress!
                    for ins in code {
                        let s = v + ins.slot * n
                        switch ins.operation {
                        case .constant(let c): for i in 0..<n { s[i] = c }
                        case .variable(let j): s.update(from: db.baseAddress! + j * n, count: n)
                        case .parameter(let k): let c = pb[k]; for i in 0..<n { s[i] = c }
                        case .negate: for i in 0..<n { s[i] = -s[i] }
                        case .call(let f): for i in 0..<n { s[i] = f.value(s[i]) }
                        case .powerConstant(let c): Self.powerValues(s, n, c)
                        case .binary(let op):
                            let r = s + n
                            switch op {
                            case .add: for i in 0..<n { s[i] += r[i] }
                            case .subtract: for i in 0..<n { s[i] -= r[i] }
                            case .multiply: for i in 0..<n { s[i] *= r[i] }
                            case .divide: for i in 0..<n { s[i] /= r[i] }
                            case .power: for i in 0..<n { s[i] = Foundation.pow(s[i], r[i]) }
                            }
                        }
                    }
                  }
                }
            }
        }
        for i in 0..<n { output[i] = values[i] }
    }

    @inline(__always)
    private static func powerValues(_ s: UnsafeMutablePointer<Double>, _ n: Int, _ c: Double) {
        if c == 2 { for i in 0..<n { s[i] *= s[i] } }
        else if c == 3 { for i in 0..<n { s[i] = s[i] * s[i] * s[i] } }
        else if c == 0.5 { for i in 0..<n { s[i] = s[i].squareRoot() } }
        else if c == -1 { for i in 0..<n { s[i] = 1 / s[i] } }
        else { for i in 0..<n { s[i] = Foundation.pow(s[i], c) } }
    }

    /// Model values and the Jacobian (column-major rows × parameterCount) at every row.
    public func evaluate(parameters: [Double], data: [Double], into output: inout [Double],
                         jacobian: inout [Double]) {
        let p = program.parameterCount
        precondition(parameters.count == p && data.count >= rows * program.variableCount
                     && output.count >= rows && jacobian.count >= rows * p,
                     "FormulaEvaluator: caller passed mismatched sizes")
        let n = rows
        do { let vb = UnsafeMutableBufferPointer(start: values, count: valuesCount)
        do { let gb = UnsafeMutableBufferPointer(start: gradients, count: gradientsCount)
        do { let tb = UnsafeMutableBufferPointer(start: scratch, count: scratchCount)
        data.withUnsafeBufferPointer { db in
        parameters.withUnsafeBufferPointer { pb in
        program.parameterIndices.withUnsafeBufferPointer { idx in
        program.code.withUnsafeBufferPointer { code in
            let v = vb.baseAddress!, g = gb.baseAddress!, d = tb.baseAddress!
            @inline(__always) func grad(_ slot: Int, _ k: Int) -> UnsafeMutablePointer<Double> {
                g + (slot * p + k) * n
            }
            for ins in code {
                let slot = ins.slot
                let s = v + slot * n
                switch ins.operation {
                case .constant(let c): for i in 0..<n { s[i] = c }
                case .variable(let j): s.update(from: db.baseAddress! + j * n, count: n)
                case .parameter(let k):
                    let c = pb[k]
                    let gk = grad(slot, k)
                    for i in 0..<n { s[i] = c; gk[i] = 1 }
                case .negate:
                    for i in 0..<n { s[i] = -s[i] }
                    for q in ins.leftOnly { let k = idx[q]; let gk = grad(slot, k); for i in 0..<n { gk[i] = -gk[i] } }
                case .call(let f):
                    if ins.leftOnly.isEmpty {
                        // The argument does not depend on the parameters: no derivative needed.
                        for i in 0..<n { s[i] = f.value(s[i]) }
                    } else {
                        for i in 0..<n {
                            let (fa, da) = f.valueAndDerivative(s[i])
                            d[i] = da
                            s[i] = fa
                        }
                    }
                    for q in ins.leftOnly { let k = idx[q]; let gk = grad(slot, k); for i in 0..<n { gk[i] *= d[i] } }
                case .powerConstant(let c):
                    if !ins.leftOnly.isEmpty {
                        if c == 2 { for i in 0..<n { d[i] = 2 * s[i] } }
                        else if c == 3 { for i in 0..<n { d[i] = 3 * s[i] * s[i] } }
                        else if c == -1 { for i in 0..<n { d[i] = -1 / (s[i] * s[i]) } }
                        else if c == 0.5 { for i in 0..<n { d[i] = 0.5 / s[i].squareRoot() } }
                        else { for i in 0..<n { d[i] = c * Foundation.pow(s[i], c - 1) } }
                    }
                    Self.powerValues(s, n, c)
                    for q in ins.leftOnly { let k = idx[q]; let gk = grad(slot, k); for i in 0..<n { gk[i] *= d[i] } }
                case .binary(let op):
                    let r = s + n
                    switch op {
                    case .add:
                        for q in ins.rightOnly { let k = idx[q]; let gk = grad(slot, k), hk = grad(slot + 1, k); for i in 0..<n { gk[i] = hk[i] } }
                        for q in ins.both { let k = idx[q]; let gk = grad(slot, k), hk = grad(slot + 1, k); for i in 0..<n { gk[i] += hk[i] } }
                        for i in 0..<n { s[i] += r[i] }
                    case .subtract:
                        for q in ins.rightOnly { let k = idx[q]; let gk = grad(slot, k), hk = grad(slot + 1, k); for i in 0..<n { gk[i] = -hk[i] } }
                        for q in ins.both { let k = idx[q]; let gk = grad(slot, k), hk = grad(slot + 1, k); for i in 0..<n { gk[i] -= hk[i] } }
                        for i in 0..<n { s[i] -= r[i] }
                    case .multiply:
                        for q in ins.leftOnly { let k = idx[q]; let gk = grad(slot, k); for i in 0..<n { gk[i] *= r[i] } }
                        for q in ins.rightOnly { let k = idx[q]; let gk = grad(slot, k), hk = grad(slot + 1, k); for i in 0..<n { gk[i] = s[i] * hk[i] } }
                        for q in ins.both { let k = idx[q]; let gk = grad(slot, k), hk = grad(slot + 1, k); for i in 0..<n { gk[i] = gk[i] * r[i] + s[i] * hk[i] } }
                        for i in 0..<n { s[i] *= r[i] }
                    case .divide:
                        for i in 0..<n { s[i] /= r[i] }   // s now holds the quotient q
                        // Division is the slowest arithmetic: the derivatives multiply by 1/r,
                        // taken once (the value itself keeps its exactly rounded quotient).
                        if !ins.leftOnly.isEmpty || !ins.rightOnly.isEmpty || !ins.both.isEmpty {
                            for i in 0..<n { d[i] = 1 / r[i] }
                        }
                        for q in ins.leftOnly { let k = idx[q]; let gk = grad(slot, k); for i in 0..<n { gk[i] *= d[i] } }
                        for q in ins.rightOnly { let k = idx[q]; let gk = grad(slot, k), hk = grad(slot + 1, k); for i in 0..<n { gk[i] = -s[i] * hk[i] * d[i] } }
                        for q in ins.both { let k = idx[q]; let gk = grad(slot, k), hk = grad(slot + 1, k); for i in 0..<n { gk[i] = (gk[i] - s[i] * hk[i]) * d[i] } }
                    case .power:
                        // Exponent depends on the rows or the parameters.
                        for i in 0..<n { d[i] = Foundation.pow(s[i], r[i]) }
                        for q in ins.leftOnly { let k = idx[q];
                            let gk = grad(slot, k)
                            // r·a^(r−1) = r·(a^r)/a, reusing the power; a = 0 needs pow itself.
                            for i in 0..<n {
                                gk[i] *= s[i] != 0 ? r[i] * d[i] / s[i] : r[i] * Foundation.pow(s[i], r[i] - 1)
                            }
                        }
                        for q in ins.rightOnly { let k = idx[q];
                            let gk = grad(slot, k), hk = grad(slot + 1, k)
                            for i in 0..<n { gk[i] = d[i] * Foundation.log(s[i]) * hk[i] }
                        }
                        for q in ins.both { let k = idx[q];
                            let gk = grad(slot, k), hk = grad(slot + 1, k)
                            for i in 0..<n { gk[i] = d[i] * (hk[i] * Foundation.log(s[i]) + r[i] * gk[i] / s[i]) }
                        }
                        for i in 0..<n { s[i] = d[i] }
                    }
                }
            }
        }}}}}}}
        output.withUnsafeMutableBufferPointer { out in for i in 0..<n { out[i] = values[i] } }
        // Slot 0's gradient block is the Jacobian; parameters it does not depend on were
        // never written there, so they are zeroed explicitly.
        jacobian.withUnsafeMutableBufferPointer { jac in
            for k in program.resultIndependent { for i in 0..<n { jac[k * n + i] = 0 } }
            for k in program.resultDependencies { for i in 0..<n { jac[k * n + i] = gradients[k * n + i] } }
        }
    }
}
