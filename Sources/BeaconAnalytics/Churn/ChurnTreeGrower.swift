import Foundation

/// Grows one regression tree on binned features from gradient and Hessian histograms.
///
/// The second-order split search of XGBoost (Chen & Guestrin 2016, KDD, eq. 7: the gain
/// `G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)`, leaf value eq. 5 `−G/(H+λ)`) over per-bin
/// histograms as in LightGBM (Ke et al. 2017, §2 and the histogram-subtraction trick: only the
/// smaller child's histogram is built, the larger one is the parent's minus it). Leaves are
/// split best-first by gain until `maxLeafNodes` leaves exist, no leaf deeper than `maxDepth`,
/// each child keeping at least `minSamplesLeaf` rows and a Hessian sum of at least 1e−3 —
/// scikit-learn's `HistGradientBoostingClassifier` growth rules.
struct ChurnTreeGrower {
    struct Options {
        var maxLeafNodes: Int
        var maxDepth: Int?
        var minSamplesLeaf: Int
        var l2: Double
        var learningRate: Double
        var threads: Int
    }

    private struct Split {
        var feature: Int
        var bin: Int
        var gain: Double
    }

    private struct Leaf {
        var node: Int
        var start: Int
        var end: Int
        var depth: Int
        var g: Double
        var h: Double
        var histogram: [Double]
        var split: Split?
    }

    let binCounts: [Int]
    let thresholds: [[Double]]
    let options: Options
    private let offsets: [Int]

    private let sparse: ChurnSparseBins

    init(thresholds: [[Double]], sparse: ChurnSparseBins, options: Options) {
        self.thresholds = thresholds
        self.sparse = sparse
        self.options = options
        binCounts = thresholds.map { $0.count + 1 }
        var offsets: [Int] = []
        var total = 0
        for count in binCounts {
            offsets.append(total)
            total += count
        }
        self.offsets = offsets
    }

    /// Grows a tree on `rows` (reordered in place so each leaf's rows are contiguous).
    /// - Returns: the tree, the leaves as `(start, end, value)` ranges of `rows`, and the split
    ///   gain added per feature.
    func grow(bins: UnsafeBufferPointer<UInt8>, gradients: [Double], hessians: [Double], rows: inout [Int])
        -> (tree: ChurnTree, leaves: [(Int, Int, Double)], gains: [(Int, Double)])
    {
        var tree = ChurnTree()
        var gains: [(Int, Double)] = []
        let rootHistogram = sparse.histogram(
            rows: rows[...], gradients: gradients, hessians: hessians, threads: options.threads)
        var g = 0.0
        var h = 0.0
        for k in 0..<binCounts[0] {
            g += rootHistogram[3 * k]
            h += rootHistogram[3 * k + 1]
        }
        var open = [
            Leaf(
                node: tree.addNode(value: value(g, h)), start: 0, end: rows.count, depth: 0, g: g, h: h,
                histogram: rootHistogram, split: nil)
        ]
        open[0].split = bestSplit(open[0])
        var closed: [Leaf] = []
        var right: [Int] = []
        while open.count + closed.count < options.maxLeafNodes {
            guard
                let pick = open.indices.filter({ open[$0].split != nil }).max(by: {
                    open[$0].split!.gain < open[$1].split!.gain
                })
            else { break }
            let parent = open.remove(at: pick)
            let split = parent.split!
            let p = binCounts.count
            // Stable partition of the parent's rows, bin ≤ split.bin first: rows stay ascending
            // within every node, so histogram passes read memory in increasing order.
            var mid = parent.start
            right.removeAll(keepingCapacity: true)
            for k in parent.start..<parent.end {
                let r = rows[k]
                if bins[r * p + split.feature] <= UInt8(split.bin) {
                    rows[mid] = r
                    mid += 1
                } else {
                    right.append(r)
                }
            }
            for (k, r) in right.enumerated() { rows[mid + k] = r }
            let leftSmaller = mid - parent.start <= parent.end - mid
            let small = leftSmaller ? rows[parent.start..<mid] : rows[mid..<parent.end]
            let smallHistogram = sparse.histogram(
                rows: small, gradients: gradients, hessians: hessians, threads: options.threads)
            var largeHistogram = parent.histogram
            for k in 0..<largeHistogram.count { largeHistogram[k] -= smallHistogram[k] }
            let leftHistogram = leftSmaller ? smallHistogram : largeHistogram
            let rightHistogram = leftSmaller ? largeHistogram : smallHistogram
            var gl = 0.0
            var hl = 0.0
            for k in 0..<binCounts[split.feature] where k <= split.bin {
                gl += leftHistogram[3 * (offsets[split.feature] + k)]
                hl += leftHistogram[3 * (offsets[split.feature] + k) + 1]
            }
            let leftNode = tree.addNode(value: value(gl, hl))
            let rightNode = tree.addNode(value: value(parent.g - gl, parent.h - hl))
            tree.feature[parent.node] = Int32(split.feature)
            tree.binThreshold[parent.node] = UInt8(split.bin)
            tree.threshold[parent.node] = thresholds[split.feature][split.bin]
            tree.left[parent.node] = Int32(leftNode)
            tree.right[parent.node] = Int32(rightNode)
            gains.append((split.feature, split.gain))
            for var child in [
                Leaf(
                    node: leftNode, start: parent.start, end: mid, depth: parent.depth + 1, g: gl, h: hl,
                    histogram: leftHistogram, split: nil),
                Leaf(
                    node: rightNode, start: mid, end: parent.end, depth: parent.depth + 1, g: parent.g - gl,
                    h: parent.h - hl, histogram: rightHistogram, split: nil),
            ] {
                child.split = bestSplit(child)
                if child.split == nil {
                    child.histogram = []
                    closed.append(child)
                } else {
                    open.append(child)
                }
            }
        }
        let leaves = (open + closed).map { ($0.start, $0.end, tree.value[$0.node]) }
        return (tree, leaves, gains)
    }

    private func value(_ g: Double, _ h: Double) -> Double {
        -options.learningRate * g / (h + options.l2 + 1e-15)
    }

    /// The best split of a leaf, or nil when none satisfies the constraints.
    private func bestSplit(_ leaf: Leaf) -> Split? {
        if let maxDepth = options.maxDepth, leaf.depth >= maxDepth { return nil }
        let count = leaf.end - leaf.start
        let minLeaf = Double(options.minSamplesLeaf)
        guard count >= 2 * options.minSamplesLeaf else { return nil }
        let lambda = options.l2
        let parentScore = leaf.g * leaf.g / (leaf.h + lambda)
        var best: Split? = nil
        leaf.histogram.withUnsafeBufferPointer { hist in
            for f in 0..<binCounts.count {
                var gl = 0.0
                var hl = 0.0
                var cl = 0.0
                let base = 3 * offsets[f]
                for b in 0..<(binCounts[f] - 1) {
                    gl += hist[base + 3 * b]
                    hl += hist[base + 3 * b + 1]
                    cl += hist[base + 3 * b + 2]
                    if cl < minLeaf { continue }
                    if Double(count) - cl < minLeaf { break }
                    let hr = leaf.h - hl
                    if hl < 1e-3 || hr < 1e-3 { continue }
                    let gr = leaf.g - gl
                    let gain = gl * gl / (hl + lambda) + gr * gr / (hr + lambda) - parentScore
                    if gain > 1e-10 && gain > (best?.gain ?? 0) { best = Split(feature: f, bin: b, gain: gain) }
                }
            }
        }
        return best
    }
}
