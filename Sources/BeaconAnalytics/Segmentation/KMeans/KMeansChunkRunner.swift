import Dispatch

/// Runs a loop body over fixed-size chunks of rows on up to `threads` threads.
///
/// The chunking never depends on the thread count, and callers keep one partial result per
/// chunk and combine them in chunk order, so k-means gives bit-identical results for any
/// number of threads.
struct KMeansChunkRunner {
    static let chunkSize = 4096

    let rows: Int
    let threads: Int

    var chunks: Int { (rows + Self.chunkSize - 1) / Self.chunkSize }

    /// Calls `body(chunk, rowRange)` once for every chunk. Bodies must write only to their
    /// own rows and their own chunk's slots.
    func forEach(_ body: (Int, Range<Int>) -> Void) {
        let size = Self.chunkSize
        let (n, chunks) = (rows, self.chunks)
        if threads <= 1 || chunks <= 1 {
            for c in 0..<chunks { body(c, (c * size)..<min(n, (c + 1) * size)) }
            return
        }
        let workers = min(threads, chunks)
        withoutActuallyEscaping(body) { body in
            let shared = Body(call: body)
            DispatchQueue.concurrentPerform(iterations: workers) { t in
                var c = t
                while c < chunks {
                    shared.call(c, (c * size)..<min(n, (c + 1) * size))
                    c += workers
                }
            }
        }
    }

    /// The body shared across worker threads; safe because chunks touch disjoint memory.
    private struct Body: @unchecked Sendable {
        let call: (Int, Range<Int>) -> Void
    }
}
