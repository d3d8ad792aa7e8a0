// The expression tree flattened into a postfix program whose instructions work on whole
// columns: each instruction runs over every data row at once, so the cost of interpreting
// an instruction is paid once per evaluation, not once per row. Gradients ride along
// (forward-mode AD). Three things are settled at compile time so that no row-by-row work
// is wasted:
// - where each operand lives: a data column (read in place, never copied), a stack slot
//   (one value per row), or a scalar register (parameters, numbers and expressions of only
//   those, such as b1*b2 or exp(b3): one value for all rows, broadcast when combined with
//   a column, so no column is ever filled with a constant, and b*x's derivative w.r.t. b
//   is 1·x read straight from the data);
// - which parameters each operand depends on, so gradient work is done only where a
//   derivative can be non-zero;
// - constant subtrees, which are folded into numbers.
// Slot 0's values and gradient block are the caller's output and column-major n×p Jacobian,
// so the result is never copied.
import Foundation

public struct CompiledFormula: Sendable {
    /// Where an operand's values (and gradients) live while the program runs.
    enum Location: Sendable, Equatable {
        /// Column j of the caller's data (no gradient).
        case data(Int)
        /// A stack slot: one value per row, gradients as one column per parameter.
        case column(Int)
        /// A scalar register: one value for every row, one gradient entry per parameter.
        case scalar(Int)

        var isColumn: Bool { if case .column = self { return true } else { return false } }
        var isScalar: Bool { if case .scalar = self { return true } else { return false } }
    }

    enum Operation: Sendable {
        /// Loads a number into a scalar register.
        case constant(Double)
        /// Loads a parameter into a scalar register (gradient 1 w.r.t. itself).
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
        let result: Location
        /// The (left) operand; a unary operation reads only this.
        let left: Location
        let right: Location
        /// Parameters only the left (or only) operand depends on.
        let leftOnly: ParameterSet
        /// Parameters only the right operand depends on.
        let rightOnly: ParameterSet
        /// Parameters both operands depend on.
        let both: ParameterSet
    }

    /// The same instruction with its parameter lists as ranges into `parameterIndices`:
    /// a plain value with no references, so the evaluation loop does no reference counting.
    struct FlatInstruction: Sendable {
        let operation: Operation
        let result: Location
        let left: Location
        let right: Location
        let leftOnly: Range<Int>
        let rightOnly: Range<Int>
        let both: Range<Int>
    }

    /// The expression this program was compiled from.
    public let expression: Expression
    let code: [FlatInstruction]
    let parameterIndices: [Int]
    /// Where the formula's value ends up.
    let resultLocation: Location
    /// Parameters the whole formula depends on (the non-zero Jacobian columns).
    let resultDependencies: [Int]
    /// Parameters it does not depend on (zero Jacobian columns).
    let resultIndependent: [Int]
    /// Stack slots used (slot 0 is the caller's output).
    let stackDepth: Int
    let scalarCount: Int
    public let parameterCount: Int
    public let variableCount: Int

    init(expression: Expression, parameterCount: Int, variableCount: Int) {
        self.expression = expression
        var code: [Instruction] = []
        code.reserveCapacity(expression.nodeCount)   // at most one instruction a node
        var maxDepth = 1
        var scalars = 0
        let none = Location.scalar(0)   // placeholder for an unused operand
        let noParameters = ParameterSet()
        /// Emits e's instructions, using stack slots from `slot` up, and returns where its
        /// value lives, its parameter dependencies and whether it is a plain number. A
        /// column-valued result is always in `slot`. One bottom-up pass: a subtree found
        /// constant after its children are emitted has their instructions replaced by its
        /// value (folding), so nothing is walked twice.
        func emit(_ e: Expression, slot: Int) -> (at: Location, deps: ParameterSet, constant: Double?) {
            let mark = code.count, scalarMark = scalars
            func load(_ operation: Operation) -> Location {
                scalars += 1
                let at = Location.scalar(scalars - 1)
                code.append(Instruction(operation: operation, result: at, left: none, right: none,
                                        leftOnly: noParameters, rightOnly: noParameters, both: noParameters))
                return at
            }
            func fold(_ value: Double) -> (at: Location, deps: ParameterSet, constant: Double?) {
                code.removeSubrange(mark...)
                scalars = scalarMark
                return (load(.constant(value)), noParameters, value)
            }
            /// A unary operation: a scalar stays in its register, anything else becomes
            /// (or stays) the column in `slot`.
            func unary(_ operation: Operation, _ a: Location, _ deps: ParameterSet) -> (at: Location, deps: ParameterSet, constant: Double?) {
                let result = a.isScalar ? a : .column(slot)
                if result.isColumn { maxDepth = max(maxDepth, slot + 1) }
                code.append(Instruction(operation: operation, result: result, left: a, right: none,
                                        leftOnly: deps, rightOnly: noParameters, both: noParameters))
                return (result, deps, nil)
            }
            switch e {
            case .number(let v):
                return (load(.constant(v)), noParameters, v)
            case .variable(let i):
                return (.data(i), noParameters, nil)
            case .parameter(let k):
                return (load(.parameter(k)), ParameterSet(k), nil)
            case .negate(let a):
                let (at, deps, c) = emit(a, slot: slot)
                if let c { return fold(-c) }
                return unary(.negate, at, deps)
            case .call(let f, let a):
                let (at, deps, c) = emit(a, slot: slot)
                if let c { return fold(f.value(c)) }
                return unary(.call(f), at, deps)
            case .binary(let op, let a, let b):
                let (l, ld, ca) = emit(a, slot: slot)
                let (r, rd, cb) = emit(b, slot: l.isColumn ? slot + 1 : slot)
                if let ca, let cb { return fold(op.apply(ca, cb)) }
                if op == .power, let cb {
                    // a^c: drop the exponent's instruction, keep the number in the operation.
                    code.removeLast()
                    scalars -= 1
                    return unary(.powerConstant(cb), l, ld)
                }
                let result = l.isScalar && r.isScalar ? l : .column(slot)
                if result.isColumn { maxDepth = max(maxDepth, slot + 1) }
                code.append(Instruction(operation: .binary(op), result: result, left: l, right: r,
                                        leftOnly: ld.subtracting(rd), rightOnly: rd.subtracting(ld),
                                        both: ld.intersection(rd)))
                return (result, ld.union(rd), nil)
            }
        }
        let (at, dependencies, _) = emit(expression, slot: 0)
        var indices: [Int] = []
        // An instruction's three lists are disjoint sets of parameters: at most
        // parameterCount entries each, which bounds the growth of this array.
        indices.reserveCapacity(min(code.count * parameterCount, 1 << 16))
        var flat: [FlatInstruction] = []
        flat.reserveCapacity(code.count)
        for ins in code {
            let a = indices.count
            ins.leftOnly.append(to: &indices)
            let b = indices.count
            ins.rightOnly.append(to: &indices)
            let c = indices.count
            ins.both.append(to: &indices)
            flat.append(FlatInstruction(operation: ins.operation, result: ins.result, left: ins.left, right: ins.right,
                                        leftOnly: a..<b, rightOnly: b..<c, both: c..<indices.count))
        }
        self.code = flat
        self.parameterIndices = indices
        self.resultLocation = at
        var dependent: [Int] = []
        dependencies.append(to: &dependent)
        self.resultDependencies = dependent
        self.resultIndependent = (0..<parameterCount).filter { !dependencies.contains($0) }
        self.stackDepth = maxDepth
        self.scalarCount = scalars
        self.parameterCount = parameterCount
        self.variableCount = variableCount
    }

    /// Number of instructions (for tests and diagnostics).
    public var instructionCount: Int { code.count }
}

/// Parameter indices as a bit set. The compiler combines the dependencies of both
/// operands at every node; with the usual handful of parameters (fewer than 65) these are
/// single words and nothing is allocated.
struct ParameterSet: Sendable, Equatable {
    private var low: UInt64 = 0
    /// Bits for parameters 64, 65, ...; empty (no allocation) for the first 64.
    private var high: [UInt64] = []

    init() {}

    init(_ k: Int) {
        if k < 64 {
            low = 1 << UInt64(k)
        } else {
            high = [UInt64](repeating: 0, count: (k - 64) / 64 + 1)
            high[(k - 64) / 64] = 1 << UInt64((k - 64) % 64)
        }
    }

    func contains(_ k: Int) -> Bool {
        if k < 64 { return k >= 0 && low & (1 << UInt64(k)) != 0 }
        let w = (k - 64) / 64
        return w < high.count && high[w] & (1 << UInt64((k - 64) % 64)) != 0
    }

    private func combined(_ other: ParameterSet, _ f: (UInt64, UInt64) -> UInt64) -> ParameterSet {
        var result = ParameterSet()
        result.low = f(low, other.low)
        if !high.isEmpty || !other.high.isEmpty {
            let count = max(high.count, other.high.count)
            result.high = (0..<count).map { w in
                f(w < high.count ? high[w] : 0, w < other.high.count ? other.high[w] : 0)
            }
        }
        return result
    }

    func union(_ other: ParameterSet) -> ParameterSet { combined(other) { $0 | $1 } }
    func intersection(_ other: ParameterSet) -> ParameterSet { combined(other) { $0 & $1 } }
    func subtracting(_ other: ParameterSet) -> ParameterSet { combined(other) { $0 & ~$1 } }

    /// Appends the members in ascending order.
    func append(to list: inout [Int]) {
        func appendBits(_ word: UInt64, offset: Int) {
            var bits = word
            while bits != 0 {
                list.append(offset + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        appendBits(low, offset: 0)
        for (w, word) in high.enumerated() { appendBits(word, offset: 64 + 64 * w) }
    }
}

/// Evaluates a CompiledFormula over a fixed number of rows. Owns its scratch buffers, so
/// one evaluator per thread; creating one is cheap. The buffers are raw allocations
/// (freed in deinit) rather than arrays: the evaluator runs millions of times in a
/// bootstrap, and array properties of a class cost a runtime exclusivity check per access.
/// They are not initialised: the program writes every value before reading it.
public final class FormulaEvaluator {
    public let program: CompiledFormula
    public let rows: Int
    /// One allocation, carved into: values and gradients of stack slots 1... (slot 0 is
    /// the caller's output and Jacobian), scalar registers and their gradients, scratch.
    private let storage: UnsafeMutablePointer<Double>
    private let values: UnsafeMutablePointer<Double>
    private let gradients: UnsafeMutablePointer<Double>
    private let scalarValues: UnsafeMutablePointer<Double>
    private let scalarGradients: UnsafeMutablePointer<Double>
    private let scratch: UnsafeMutablePointer<Double>

    public init(_ program: CompiledFormula, rows: Int) {
        self.program = program
        let n = max(rows, 0), p = program.parameterCount
        self.rows = n
        let extraSlots = max(program.stackDepth - 1, 0)
        let sizes = [extraSlots * n, extraSlots * p * n, program.scalarCount, program.scalarCount * p, max(n, 1)]
        storage = .allocate(capacity: sizes.reduce(0, +))
        values = storage
        gradients = values + sizes[0]
        scalarValues = gradients + sizes[1]
        scalarGradients = scalarValues + sizes[2]
        scratch = scalarGradients + sizes[3]
    }

    deinit {
        storage.deallocate()
    }

    /// Model values at every row. `data` is column-major rows × variableCount.
    public func evaluate(parameters: [Double], data: [Double], into output: inout [Double]) {
        precondition(parameters.count == program.parameterCount && data.count >= rows * program.variableCount
                     && output.count >= rows, "FormulaEvaluator: caller passed mismatched sizes")
        guard rows > 0 else { return }
        var unused = 0.0
        output.withUnsafeMutableBufferPointer { out in
            withUnsafeMutablePointer(to: &unused) { noJacobian in
                run(parameters: parameters, data: data, output: out.baseAddress!, jacobian: noJacobian, gradients: false)
            }
        }
    }

    /// Model values and the Jacobian (column-major rows × parameterCount) at every row.
    public func evaluate(parameters: [Double], data: [Double], into output: inout [Double],
                         jacobian: inout [Double]) {
        let p = program.parameterCount
        precondition(parameters.count == p && data.count >= rows * program.variableCount
                     && output.count >= rows && jacobian.count >= rows * p,
                     "FormulaEvaluator: caller passed mismatched sizes")
        guard rows > 0 else { return }
        var unused = 0.0
        output.withUnsafeMutableBufferPointer { out in
            jacobian.withUnsafeMutableBufferPointer { jac in
                if let j = jac.baseAddress {
                    run(parameters: parameters, data: data, output: out.baseAddress!, jacobian: j, gradients: true)
                } else {   // no parameters
                    withUnsafeMutablePointer(to: &unused) { noJacobian in
                        run(parameters: parameters, data: data, output: out.baseAddress!, jacobian: noJacobian, gradients: true)
                    }
                }
            }
        }
    }

    /// An operand resolved to memory: its values, and its gradient w.r.t. parameter k at
    /// `gradient + k * stride` (a column for stack slots, one number for scalar registers).
    private struct Place {
        let value: UnsafeMutablePointer<Double>
        let gradient: UnsafeMutablePointer<Double>
        let stride: Int
        @inline(__always) func gradient(_ k: Int) -> UnsafeMutablePointer<Double> { gradient + k * stride }
    }

    private func run(parameters: [Double], data: [Double], output: UnsafeMutablePointer<Double>,
                     jacobian: UnsafeMutablePointer<Double>, gradients withGradients: Bool) {
        let n = rows, p = program.parameterCount
        let v = values, g = gradients, sv = scalarValues, sg = scalarGradients, d = scratch
        data.withUnsafeBufferPointer { db in
        parameters.withUnsafeBufferPointer { pb in
        program.parameterIndices.withUnsafeBufferPointer { idx in
        program.code.withUnsafeBufferPointer { code in
            @inline(__always) func place(_ at: CompiledFormula.Location) -> Place {
                switch at {
                case .data(let j):
                    return Place(value: UnsafeMutablePointer(mutating: db.baseAddress!) + j * n, gradient: d, stride: 0)
                case .column(0):
                    return Place(value: output, gradient: jacobian, stride: n)
                case .column(let c):
                    return Place(value: v + (c - 1) * n, gradient: g + (c - 1) * p * n, stride: n)
                case .scalar(let r):
                    return Place(value: sv + r, gradient: sg + r * p, stride: 1)
                }
            }
            for ins in code {
                switch ins.operation {
                case .constant(let c):
                    place(ins.result).value.pointee = c
                case .parameter(let k):
                    let at = place(ins.result)
                    at.value.pointee = pb[k]
                    at.gradient(k).pointee = 1
                case .negate, .call, .powerConstant:
                    let out = place(ins.result)
                    Self.unary(ins, input: place(ins.left), out: out, count: ins.result.isScalar ? 1 : n,
                               idx: idx, scratch: d, gradients: withGradients)
                case .binary(let op):
                    let out = place(ins.result), a = place(ins.left), b = place(ins.right)
                    let count = ins.result.isScalar ? 1 : n
                    // A scalar operand of a column result is broadcast; everything else is
                    // read element by element (a scalar result has count 1).
                    switch (count > 1 && ins.left.isScalar, count > 1 && ins.right.isScalar) {
                    case (false, false):
                        Self.binary(op, ins, Column.self, Column.self, a, b, out, count, idx, d, withGradients)
                    case (false, true):
                        Self.binary(op, ins, Column.self, Broadcast.self, a, b, out, count, idx, d, withGradients)
                    case (true, false):
                        Self.binary(op, ins, Broadcast.self, Column.self, a, b, out, count, idx, d, withGradients)
                    case (true, true):
                        Self.binary(op, ins, Broadcast.self, Broadcast.self, a, b, out, count, idx, d, withGradients)
                    }
                }
            }
            // The result normally is slot 0, already in place; a formula that is a single
            // scalar or data column is broadcast or copied into it.
            switch program.resultLocation {
            case .column: break
            case .scalar, .data:
                let at = place(program.resultLocation)
                let scalar = program.resultLocation.isScalar
                for i in 0..<n { output[i] = at.value[scalar ? 0 : i] }
                if withGradients {
                    for k in program.resultDependencies {
                        let gk = at.gradient(k).pointee, jk = jacobian + k * n
                        for i in 0..<n { jk[i] = gk }
                    }
                }
            }
            // Parameters the result does not depend on were never written: zero columns.
            if withGradients {
                for k in program.resultIndependent { let jk = jacobian + k * n; for i in 0..<n { jk[i] = 0 } }
            }
        }}}}
    }

    /// Reading an operand row by row: a column, or one value broadcast to every row.
    private protocol Operand {
        init(_ p: UnsafeMutablePointer<Double>)
        subscript(_ i: Int) -> Double { get }
        /// The memory read, for a column.
        var pointer: UnsafeMutablePointer<Double>? { get }
    }
    private struct Column: Operand {
        let p: UnsafeMutablePointer<Double>
        @inline(__always) init(_ p: UnsafeMutablePointer<Double>) { self.p = p }
        @inline(__always) subscript(_ i: Int) -> Double { p[i] }
        @inline(__always) var pointer: UnsafeMutablePointer<Double>? { p }
    }
    private struct Broadcast: Operand {
        let v: Double
        @inline(__always) init(_ p: UnsafeMutablePointer<Double>) { v = p.pointee }
        @inline(__always) subscript(_ i: Int) -> Double { v }
        @inline(__always) var pointer: UnsafeMutablePointer<Double>? { nil }
    }

    // Element-wise loops o[i] = f(x[i], ...). Operations often run in place (o is an
    // operand's memory); the compiler's overlap check would then send the loop down its
    // scalar path, so the in-place case gets a loop of its own, which vectorises.
    @inline(__always)
    private static func map<X: Operand>(_ o: UnsafeMutablePointer<Double>, _ x: X, _ n: Int,
                                        _ f: (Double) -> Double) {
        if x.pointer == o { for i in 0..<n { o[i] = f(o[i]) } }
        else { for i in 0..<n { o[i] = f(x[i]) } }
    }

    @inline(__always)
    private static func map<X: Operand, Y: Operand>(_ o: UnsafeMutablePointer<Double>, _ x: X, _ y: Y, _ n: Int,
                                                    _ f: (Double, Double) -> Double) {
        if x.pointer == o { for i in 0..<n { o[i] = f(o[i], y[i]) } }
        else if y.pointer == o { for i in 0..<n { o[i] = f(x[i], o[i]) } }
        else { for i in 0..<n { o[i] = f(x[i], y[i]) } }
    }

    /// o[i] = f(x[i], y[i], z[i]) where o may be x's or z's memory (y never is: it is
    /// values while o, x and z are gradients).
    @inline(__always)
    private static func map<X: Operand, Y: Operand, Z: Operand>(
        _ o: UnsafeMutablePointer<Double>, _ x: X, _ y: Y, _ z: Z, _ n: Int, _ f: (Double, Double, Double) -> Double
    ) {
        if x.pointer == o { for i in 0..<n { o[i] = f(o[i], y[i], z[i]) } }
        else if z.pointer == o { for i in 0..<n { o[i] = f(x[i], y[i], o[i]) } }
        else { for i in 0..<n { o[i] = f(x[i], y[i], z[i]) } }
    }

    /// negate, elementary functions and a^c: reads `input`, writes `out` (which may be the
    /// same memory: every element is read before it is written).
    @inline(__always)
    private static func unary(_ ins: CompiledFormula.FlatInstruction, input a: Place, out: Place, count n: Int,
                              idx: UnsafeBufferPointer<Int>, scratch d: UnsafeMutablePointer<Double>, gradients: Bool) {
        let s = out.value, x = a.value
        let derivatives = gradients && !ins.leftOnly.isEmpty
        /// out.gradient(k) = a.gradient(k) · d (the chain rule) for every dependency.
        @inline(__always) func chain(_ d: UnsafeMutablePointer<Double>) {
            for q in ins.leftOnly {
                let k = idx[q]
                map(out.gradient(k), Column(a.gradient(k)), Column(d), n) { $0 * $1 }
            }
        }
        switch ins.operation {
        case .negate:
            map(s, Column(x), n) { -$0 }
            if derivatives {
                for q in ins.leftOnly { let k = idx[q]; map(out.gradient(k), Column(a.gradient(k)), n) { -$0 } }
            }
        case .powerConstant(let c):
            if derivatives {
                if c == 2 { for i in 0..<n { d[i] = 2 * x[i] } }
                else if c == 3 { for i in 0..<n { d[i] = 3 * x[i] * x[i] } }
                else if c == -1 { for i in 0..<n { d[i] = -1 / (x[i] * x[i]) } }
                else if c == 0.5 { for i in 0..<n { d[i] = 0.5 / x[i].squareRoot() } }
                else {
                    d.update(from: x, count: n)
                    VectorMath.pow(d, constant: c - 1, n)
                    for i in 0..<n { d[i] *= c }
                }
            }
            if c == 2 { map(s, Column(x), n) { $0 * $0 } }
            else if c == 3 { map(s, Column(x), n) { $0 * $0 * $0 } }
            else if c == 0.5 { map(s, Column(x), n) { $0.squareRoot() } }
            else if c == -1 { map(s, Column(x), n) { 1 / $0 } }
            else {
                if s != x { s.update(from: x, count: n) }
                VectorMath.pow(s, constant: c, n)
            }
            if derivatives { chain(d) }
        case .call(let f):
            if !derivatives {
                callValues(f, x, s, n)
            } else if f == .exp {
                // exp is its own derivative: the values are the factor.
                if s != x { s.update(from: x, count: n) }
                VectorMath.exp(s, n)
                chain(s)
            } else {
                callValuesAndDerivatives(f, x, s, d, n)
                chain(d)
            }
        case .constant, .parameter, .binary:
            break
        }
    }

    /// One loop per function, so the choice of function is not made again for every row.
    @inline(__always)
    private static func callValues(_ f: ElementaryFunction, _ x: UnsafeMutablePointer<Double>,
                                   _ s: UnsafeMutablePointer<Double>, _ n: Int) {
        @inline(__always) func each(_ body: (Double) -> Double) { for i in 0..<n { s[i] = body(x[i]) } }
        switch f {
        case .exp:
            if s != x { s.update(from: x, count: n) }
            VectorMath.exp(s, n)
        case .log:
            if s != x { s.update(from: x, count: n) }
            VectorMath.log(s, n)
        case .sqrt: each { ElementaryFunction.sqrt.value($0) }
        case .sin: each { ElementaryFunction.sin.value($0) }
        case .cos: each { ElementaryFunction.cos.value($0) }
        case .tan: each { ElementaryFunction.tan.value($0) }
        case .atan: each { ElementaryFunction.atan.value($0) }
        case .abs: each { ElementaryFunction.abs.value($0) }
        }
    }

    @inline(__always)
    private static func callValuesAndDerivatives(_ f: ElementaryFunction, _ x: UnsafeMutablePointer<Double>,
                                                 _ s: UnsafeMutablePointer<Double>, _ d: UnsafeMutablePointer<Double>, _ n: Int) {
        @inline(__always) func each(_ body: (Double) -> (Double, Double)) {
            for i in 0..<n { let (fx, dx) = body(x[i]); d[i] = dx; s[i] = fx }
        }
        switch f {
        case .exp:
            if s != x { s.update(from: x, count: n) }
            VectorMath.exp(s, n)
            d.update(from: s, count: n)
        case .log:
            // 1/x before the logarithm may overwrite x (s and x can be the same memory).
            for i in 0..<n { d[i] = 1 / x[i] }
            if s != x { s.update(from: x, count: n) }
            VectorMath.log(s, n)
        case .sqrt: each { ElementaryFunction.sqrt.valueAndDerivative($0) }
        case .sin: each { ElementaryFunction.sin.valueAndDerivative($0) }
        case .cos: each { ElementaryFunction.cos.valueAndDerivative($0) }
        case .tan: each { ElementaryFunction.tan.valueAndDerivative($0) }
        case .atan: each { ElementaryFunction.atan.valueAndDerivative($0) }
        case .abs: each { ElementaryFunction.abs.valueAndDerivative($0) }
        }
    }

    /// a op b into `out`, which may be the memory of a or b (every element is read before
    /// it is written, and values are overwritten only after the gradients that need them).
    /// A and B say how each operand is read; gradients are read the same way as values.
    @inline(__always)
    private static func binary<A: Operand, B: Operand>(
        _ op: BinaryOperator, _ ins: CompiledFormula.FlatInstruction, _: A.Type, _: B.Type,
        _ left: Place, _ right: Place, _ out: Place, _ n: Int,
        _ idx: UnsafeBufferPointer<Int>, _ d: UnsafeMutablePointer<Double>, _ gradients: Bool
    ) {
        let a = A(left.value), b = B(right.value), s = out.value
        let leftOnly = gradients ? ins.leftOnly : 0..<0
        let rightOnly = gradients ? ins.rightOnly : 0..<0
        let both = gradients ? ins.both : 0..<0
        switch op {
        case .add, .subtract:
            for q in leftOnly {
                let k = idx[q], o = out.gradient(k)
                if o != left.gradient(k) { let ga = A(left.gradient(k)); for i in 0..<n { o[i] = ga[i] } }
            }
            for q in rightOnly {
                let k = idx[q], o = out.gradient(k), gb = B(right.gradient(k))
                if op == .add {
                    if o != right.gradient(k) { for i in 0..<n { o[i] = gb[i] } }
                } else {
                    map(o, gb, n) { -$0 }
                }
            }
            for q in both {
                let k = idx[q], o = out.gradient(k), ga = A(left.gradient(k)), gb = B(right.gradient(k))
                if op == .add { map(o, ga, gb, n) { $0 + $1 } }
                else { map(o, ga, gb, n) { $0 - $1 } }
            }
            if op == .add { map(s, a, b, n) { $0 + $1 } }
            else { map(s, a, b, n) { $0 - $1 } }
        case .multiply:
            for q in leftOnly {
                let k = idx[q]
                map(out.gradient(k), A(left.gradient(k)), b, n) { $0 * $1 }
            }
            for q in rightOnly {
                let k = idx[q]
                map(out.gradient(k), a, B(right.gradient(k)), n) { $0 * $1 }
            }
            for q in both {
                let k = idx[q], ga = A(left.gradient(k)), gb = B(right.gradient(k))
                let o = out.gradient(k)
                if ga.pointer == o { for i in 0..<n { o[i] = o[i] * b[i] + a[i] * gb[i] } }
                else if gb.pointer == o { for i in 0..<n { o[i] = ga[i] * b[i] + a[i] * o[i] } }
                else { for i in 0..<n { o[i] = ga[i] * b[i] + a[i] * gb[i] } }
            }
            map(s, a, b, n) { $0 * $1 }
        case .divide:
            // Division is the slowest arithmetic: the derivatives multiply by 1/b, taken
            // once (once in all for a scalar b), while the value keeps its exactly rounded
            // quotient q. 1/b is taken before q overwrites b when they share memory.
            let needsReciprocal = !leftOnly.isEmpty || !rightOnly.isEmpty || !both.isEmpty
            if needsReciprocal {
                if B.self == Broadcast.self { d[0] = 1 / b[0] } else { for i in 0..<n { d[i] = 1 / b[i] } }
            }
            map(s, a, b, n) { $0 / $1 }
            if needsReciprocal {
                if B.self == Broadcast.self {
                    divideGradients(ins, A.self, B.self, Broadcast(d), left, right, out, n, idx, leftOnly, rightOnly, both)
                } else {
                    divideGradients(ins, A.self, B.self, Column(d), left, right, out, n, idx, leftOnly, rightOnly, both)
                }
            }
        case .power:
            // Exponent depends on the rows or the parameters.
            for i in 0..<n { d[i] = a[i] }
            if let exponents = b.pointer { VectorMath.pow(d, exponents, n) } else { VectorMath.pow(d, constant: b[0], n) }
            for q in leftOnly {
                let k = idx[q], o = out.gradient(k), ga = A(left.gradient(k))
                // b·a^(b−1) = b·(a^b)/a, reusing the power; a = 0 needs pow itself.
                for i in 0..<n {
                    o[i] = ga[i] * (a[i] != 0 ? b[i] * d[i] / a[i] : b[i] * Foundation.pow(a[i], b[i] - 1))
                }
            }
            for q in rightOnly {
                let k = idx[q], o = out.gradient(k), gb = B(right.gradient(k))
                for i in 0..<n { o[i] = d[i] * Foundation.log(a[i]) * gb[i] }
            }
            for q in both {
                let k = idx[q], o = out.gradient(k), ga = A(left.gradient(k)), gb = B(right.gradient(k))
                for i in 0..<n { o[i] = d[i] * (gb[i] * Foundation.log(a[i]) + b[i] * ga[i] / a[i]) }
            }
            for i in 0..<n { s[i] = d[i] }
        }
    }

    /// Gradients of q = a/b with r = 1/b: a′r, −q·b′·r, (a′ − q·b′)·r.
    @inline(__always)
    private static func divideGradients<A: Operand, B: Operand, R: Operand>(
        _ ins: CompiledFormula.FlatInstruction, _: A.Type, _: B.Type, _ r: R,
        _ left: Place, _ right: Place, _ out: Place, _ n: Int, _ idx: UnsafeBufferPointer<Int>,
        _ leftOnly: Range<Int>, _ rightOnly: Range<Int>, _ both: Range<Int>
    ) {
        let q = out.value
        for j in leftOnly {
            let k = idx[j]
            map(out.gradient(k), A(left.gradient(k)), r, n) { $0 * $1 }
        }
        for j in rightOnly {
            let k = idx[j]
            map(out.gradient(k), B(right.gradient(k)), Column(q), r, n) { -$1 * $0 * $2 }
        }
        for j in both {
            let k = idx[j], ga = A(left.gradient(k)), gb = B(right.gradient(k)), o = out.gradient(k)
            if ga.pointer == o { for i in 0..<n { o[i] = (o[i] - q[i] * gb[i]) * r[i] } }
            else if gb.pointer == o { for i in 0..<n { o[i] = (ga[i] - q[i] * o[i]) * r[i] } }
            else { for i in 0..<n { o[i] = (ga[i] - q[i] * gb[i]) * r[i] } }
        }
    }
}
