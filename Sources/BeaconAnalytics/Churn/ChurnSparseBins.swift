import Foundation

/// Binned rows stored sparsely for histogram building: per row only the bins that differ from
/// their feature's most frequent bin.
///
/// One-hot columns are mostly one value, so a Telco row has about 18 such bins out of 45
/// features; the most frequent bin's sums are recovered by subtraction from the node totals.
/// This is how LightGBM builds histograms of sparse features, from the non-zero entries only
/// (Ke et al. 2017, §4), with each feature's own mode in the role of zero.
struct ChurnSparseBins {
    /// Global index of bin 0 of each feature; feature `f`'s bins are `offsets[f]..<offsets[f+1]`.
    let offsets: [Int]
    let binCounts: [Int]
    /// The most frequent bin of each feature (over the fitting rows).
    let defaultBin: [Int]
    /// Row `r`'s non-default global bin indices are `entries[rowStart[r]..<rowStart[r + 1]]`.
    let rowStart: [Int]
    let entries: [UInt16]
    let totalBins: Int

    init(bins: UnsafeBufferPointer<UInt8>, rowCount n: Int, binCounts: [Int], fitRows: [Int]) {
        let p = binCounts.count
        var offsets: [Int] = []
        var total = 0
        for count in binCounts {
            offsets.append(total)
            total += count
        }
        var frequency = [Int](repeating: 0, count: total)
        for r in fitRows { for f in 0..<p { frequency[offsets[f] + Int(bins[r * p + f])] += 1 } }
        let defaults = (0..<p).map { f in
            (0..<binCounts[f]).max { frequency[offsets[f] + $0] < frequency[offsets[f] + $1] }!
        }
        var rowStart = [Int](repeating: 0, count: n + 1)
        var entries: [UInt16] = []
        entries.reserveCapacity(n * p / 2)
        for r in 0..<n {
            for f in 0..<p where Int(bins[r * p + f]) != defaults[f] {
                entries.append(UInt16(offsets[f] + Int(bins[r * p + f])))
            }
            rowStart[r + 1] = entries.count
        }
        precondition(total <= Int(UInt16.max), "too many bins for the sparse layout")
        self.offsets = offsets
        self.binCounts = binCounts
        defaultBin = defaults
        self.rowStart = rowStart
        self.entries = entries
        totalBins = total
    }

    /// The (gradient, Hessian, count) histogram of `rows`, three doubles per bin.
    func histogram(rows: ArraySlice<Int>, gradients: [Double], hessians: [Double], threads: Int) -> [Double] {
        let width = 3 * totalBins + 3  // the last three slots hold the node totals
        // A fixed chunking (not one per thread) keeps the summation order, and so the trees,
        // identical whatever the thread count.
        let chunks = rows.count >= 32_768 ? 8 : 1
        var partial = [Double](repeating: 0, count: chunks * width)
        rowStart.withUnsafeBufferPointer { starts in
            entries.withUnsafeBufferPointer { es in
                gradients.withUnsafeBufferPointer { gs in
                    hessians.withUnsafeBufferPointer { hs in
                        rows.withUnsafeBufferPointer { rs in
                            partial.withUnsafeMutableBufferPointer { out in
                                let shared = SparseHistogramBuffers(
                                    rowStart: starts.baseAddress!, entries: es.baseAddress!,
                                    gradients: gs.baseAddress!, hessians: hs.baseAddress!, rows: rs.baseAddress!,
                                    out: out.baseAddress!, totalsAt: 3 * totalBins)
                                let count = rs.count
                                let work: @Sendable (Int) -> Void = { c in
                                    shared.accumulate(
                                        into: c * width, lo: count * c / chunks, hi: count * (c + 1) / chunks)
                                }
                                if threads > 1 {
                                    DispatchQueue.concurrentPerform(iterations: chunks, execute: work)
                                } else {
                                    for c in 0..<chunks { work(c) }
                                }
                            }
                        }
                    }
                }
            }
        }
        var hist = [Double](partial[0..<width])
        for c in 1..<max(chunks, 1) { for k in 0..<width { hist[k] += partial[c * width + k] } }
        let totals = (hist[width - 3], hist[width - 2], hist[width - 1])
        hist.removeLast(3)
        for f in 0..<binCounts.count {
            var g = totals.0
            var h = totals.1
            var n = totals.2
            let d = offsets[f] + defaultBin[f]
            for k in offsets[f]..<(offsets[f] + binCounts[f]) where k != d {
                g -= hist[3 * k]
                h -= hist[3 * k + 1]
                n -= hist[3 * k + 2]
            }
            hist[3 * d] = g
            hist[3 * d + 1] = max(h, 0)
            hist[3 * d + 2] = n.rounded()
        }
        return hist
    }
}

/// Raw views shared by the histogram worker threads; each writes only its own histogram.
private struct SparseHistogramBuffers: @unchecked Sendable {
    let rowStart: UnsafePointer<Int>
    let entries: UnsafePointer<UInt16>
    let gradients: UnsafePointer<Double>
    let hessians: UnsafePointer<Double>
    let rows: UnsafePointer<Int>
    let out: UnsafeMutablePointer<Double>
    let totalsAt: Int

    func accumulate(into start: Int, lo: Int, hi: Int) {
        let hist = out + start
        var gSum = 0.0
        var hSum = 0.0
        for k in lo..<hi {
            let r = rows[k]
            let g = gradients[r]
            let h = hessians[r]
            gSum += g
            hSum += h
            for e in rowStart[r]..<rowStart[r + 1] {
                let idx = 3 * Int(entries[e])
                hist[idx] += g
                hist[idx + 1] += h
                hist[idx + 2] += 1
            }
        }
        hist[totalsAt] += gSum
        hist[totalsAt + 1] += hSum
        hist[totalsAt + 2] += Double(hi - lo)
    }
}
