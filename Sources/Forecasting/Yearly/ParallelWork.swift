// What every many-series command shares for working on all cores with output in input
// order: workers claim the next index until none is left, and each result lands in its
// own slot, so the bytes written never depend on the thread count. `forecast` uses it
// here; `batch` (Report) uses the same two types.
import Foundation

/// Hands out indices 0..<total in increasing order to the workers and counts finished ones.
public final class WorkCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var finished = 0
    public let total: Int

    public init(total: Int) { self.total = total }

    /// The next unclaimed index, nil when every one is taken.
    public func claim() -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard nextIndex < total else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    /// Records one finished item and returns how many are finished.
    public func finishOne() -> Int {
        lock.lock(); defer { lock.unlock() }
        finished += 1
        return finished
    }
}

/// One result per index, filled in by the workers in any order and read in index order.
public final class OrderedSlots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]

    public init(count: Int) { values = Array(repeating: nil, count: count) }

    public func set(_ index: Int, _ value: Value) {
        lock.lock(); values[index] = value; lock.unlock()
    }

    /// The results in index order (indices never filled are left out).
    public func all() -> [Value] {
        lock.lock(); defer { lock.unlock() }
        return values.compactMap { $0 }
    }
}

/// Results filled in by the workers in any order and handed to `emit` in index order as
/// soon as every earlier index has arrived: what streams `forecast`'s output. `emit` runs
/// under the lock, one call at a time, so it may update state without locks of its own;
/// only results that arrived ahead of an unfinished earlier one wait here.
final class InOrderDrain<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var waiting: [Int: Value] = [:]
    private var next = 0
    private let emit: (Value) -> Void

    init(emit: @escaping (Value) -> Void) {
        self.emit = emit
    }

    func put(_ index: Int, _ value: Value) {
        lock.lock(); defer { lock.unlock() }
        waiting[index] = value
        while let ready = waiting.removeValue(forKey: next) {
            emit(ready)
            next += 1
        }
    }
}

