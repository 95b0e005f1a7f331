/// One regression tree of the boosted ensemble, stored as flat node arrays.
///
/// Internal nodes send a row left when `x[feature] ≤ threshold` (equivalently, when its bin
/// is `≤ binThreshold`). Every node, internal ones included, keeps its Newton value
/// `−η·G/(H + λ)`, which is what the per-feature contributions need: walking a row from the
/// root to its leaf, the change in node value at each split is credited to the split's
/// feature (Saabas 2014, "Interpreting random forests", the `treeinterpreter` method; the
/// path-wise decomposition that Lundberg et al. 2020, *Nature Machine Intelligence* 2:56,
/// compare TreeSHAP against), so that the
/// root value plus the contributions equals the leaf value exactly.
public struct ChurnTree: Codable, Sendable {
    /// Split feature per node, or −1 for a leaf.
    public var feature: [Int32]
    public var threshold: [Double]
    public var binThreshold: [UInt8]
    public var left: [Int32]
    public var right: [Int32]
    public var value: [Double]

    public init() {
        feature = []
        threshold = []
        binThreshold = []
        left = []
        right = []
        value = []
    }

    /// Appends a leaf with `value` and returns its index.
    mutating func addNode(value v: Double) -> Int {
        feature.append(-1)
        threshold.append(0)
        binThreshold.append(0)
        left.append(-1)
        right.append(-1)
        value.append(v)
        return value.count - 1
    }

    /// The leaf value for a row of raw feature values starting at `base` in `x`.
    @inline(__always)
    func predict(_ x: UnsafeBufferPointer<Double>, base: Int) -> Double {
        var node = 0
        while feature[node] >= 0 {
            node = Int(x[base + Int(feature[node])] <= threshold[node] ? left[node] : right[node])
        }
        return value[node]
    }

    /// The leaf value for a row of bins starting at `base`.
    @inline(__always)
    func predict(bins: UnsafeBufferPointer<UInt8>, base: Int) -> Double {
        var node = 0
        while feature[node] >= 0 {
            node = Int(bins[base + Int(feature[node])] <= binThreshold[node] ? left[node] : right[node])
        }
        return value[node]
    }

    /// Adds the path contributions of a row to `contributions` (one slot per feature) and
    /// returns the root value (this tree's share of the bias).
    func contribute(_ x: Matrix, row i: Int, into contributions: inout [Double]) -> Double {
        var node = 0
        let base = i * x.columns
        while feature[node] >= 0 {
            let f = Int(feature[node])
            let child = Int(x.elements[base + f] <= threshold[node] ? left[node] : right[node])
            contributions[f] += value[child] - value[node]
            node = child
        }
        return value[0]
    }
}
