/// Squared Euclidean distance between two rows, unrolled for the small feature counts that
/// customer clustering uses (RFM is 3-D).
///
/// The terms are added left to right in every branch, exactly as the generic loop does, so
/// the unrolling changes speed, never results.
enum KMeansDistance {
    @inline(__always)
    static func squared(_ p: UnsafePointer<Double>, _ q: UnsafePointer<Double>, _ d: Int) -> Double {
        switch d {
        case 2:
            let a = p[0] - q[0]
            let b = p[1] - q[1]
            return a * a + b * b
        case 3:
            let a = p[0] - q[0]
            let b = p[1] - q[1]
            let c = p[2] - q[2]
            return a * a + b * b + c * c
        case 4:
            let a = p[0] - q[0]
            let b = p[1] - q[1]
            let c = p[2] - q[2]
            let e = p[3] - q[3]
            return a * a + b * b + c * c + e * e
        default:
            var s = 0.0
            var f = 0
            while f < d {
                let diff = p[f] - q[f]
                s += diff * diff
                f &+= 1
            }
            return s
        }
    }
}
