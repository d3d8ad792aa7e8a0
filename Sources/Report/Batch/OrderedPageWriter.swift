import Charts
import Foundation
import Rendering

/// Writes the batch's combined PDF on a thread of its own, in series order, while workers
/// finish series in any order. Workers hand over a finished page (or nil for a failed
/// series); the writer takes them strictly in index order. At most `window` finished pages
/// wait in memory: a worker about to start a series that far ahead waits instead, so
/// memory does not grow with the number of series even when one series is slow.
///
/// The PDF writer and its text measurer are created and used on the writer thread only
/// (Pango measurers are not thread-safe).
final class OrderedPageWriter: @unchecked Sendable {
    struct Page {
        var scene: Scene
        var bookmark: String
        /// The chart as a native object, for batch.pptx.
        var native: NativeContent? = nil
    }

    private let condition = NSCondition()
    private var pending: [Int: Page?] = [:]
    private var next = 0
    private let total: Int
    private let window: Int
    private var failure: Error?
    private var done = false
    private var thread: Thread?

    init(total: Int, window: Int) {
        self.total = total
        self.window = max(1, window)
    }

    /// Starts the writer thread; `makeDocument` runs on it to create the PDF writer.
    func start(makeDocument: @escaping @Sendable () throws -> PDFDocumentWriter) {
        let thread = Thread { [self] in self.drain(makeDocument: makeDocument) }
        thread.stackSize = 8 << 20
        self.thread = thread
        thread.start()
    }

    /// Blocks while `index` is more than `window` pages ahead of the writer.
    func waitForTurn(_ index: Int) {
        condition.lock()
        while index >= next + window && failure == nil { condition.wait() }
        condition.unlock()
    }

    /// Hands over series `index`'s page; nil when the series failed and has no page.
    func deliver(_ index: Int, _ page: Page?) {
        condition.lock()
        pending[index] = .some(page)
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until every page is written and the PDF finished; rethrows the writer's error.
    func finish() throws {
        condition.lock()
        while !done { condition.wait() }
        let error = failure
        condition.unlock()
        if let error { throw error }
    }

    private func drain(makeDocument: () throws -> PDFDocumentWriter) {
        var document: PDFDocumentWriter?
        var written = 0
        var error: Error?
        do {
            document = try makeDocument()
        } catch let caught {
            error = caught
        }
        for index in 0..<total {
            condition.lock()
            while pending[index] == nil { condition.wait() }
            let page = pending.removeValue(forKey: index) ?? nil
            condition.unlock()
            if error == nil, let page, let document {
                do {
                    try document.addPage(page.scene, bookmark: page.bookmark)
                    written += 1
                } catch let caught {
                    error = caught
                }
            }
            condition.lock()
            next = index + 1
            if error != nil { failure = error }
            condition.broadcast()
            condition.unlock()
        }
        if error == nil, written > 0, let document {
            do { try document.finish() } catch let caught { error = caught }
        }
        condition.lock()
        failure = error
        done = true
        condition.broadcast()
        condition.unlock()
    }
}
