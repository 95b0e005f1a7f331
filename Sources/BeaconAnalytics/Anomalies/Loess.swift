/// The local regression smoother STL is built on (Cleveland 1979; Cleveland et al. 1990, §2.1):
/// tricube-weighted local constant or linear fits over a window of `span` neighbours, evaluated
/// every `jump` points with linear interpolation between, as the netlib `stl` Fortran does.
enum Loess {
    /// `est`: the loess fit at 1-based position `at` from points `left…right` (1-based), or nil
    /// when every weight is zero. `scratch` receives the local weights.
    static func estimate(
        _ y: [Double], n: Int, span: Int, degree: Int, at xs: Int, left nleft: Int, right nright: Int,
        scratch w: inout [Double], weights rw: [Double]?
    ) -> Double? {
        let range = Double(n) - 1
        var h = Double(max(xs - nleft, nright - xs))
        if span > n { h += Double((span - n) / 2) }
        let h9 = 0.999 * h, h1 = 0.001 * h
        var a = 0.0
        for j in (nleft - 1)..<nright {
            w[j] = 0
            let r = abs(Double(j + 1 - xs))
            if r <= h9 {
                if r <= h1 {
                    w[j] = 1
                } else {
                    let q = r / h
                    let c = 1 - q * q * q
                    w[j] = c * c * c
                }
                if let rw { w[j] *= rw[j] }
                a += w[j]
            }
        }
        if a <= 0 { return nil }
        for j in (nleft - 1)..<nright { w[j] /= a }
        if h > 0 && degree > 0 {
            a = 0
            for j in (nleft - 1)..<nright { a += w[j] * Double(j + 1) }
            var b = Double(xs) - a
            var c = 0.0
            for j in (nleft - 1)..<nright {
                let d = Double(j + 1) - a
                c += w[j] * d * d
            }
            if c.squareRoot() > 0.001 * range {
                b /= c
                for j in (nleft - 1)..<nright { w[j] *= b * (Double(j + 1) - a) + 1 }
            }
        }
        var ys = 0.0
        for j in (nleft - 1)..<nright { ys += w[j] * y[j] }
        return ys
    }

    /// `ess`: the loess smooth of `y[0..<n]` into `out[offset..<offset + n]`, evaluated every
    /// `jump` points and interpolated between; a point whose weights all vanish keeps its value.
    static func smooth(
        _ y: [Double], n: Int, span: Int, degree: Int, jump: Int, weights rw: [Double]?,
        into out: inout [Double], offset: Int, scratch: inout [Double]
    ) {
        if n < 2 {
            out[offset] = y[0]
            return
        }
        func fit(_ i: Int, _ left: Int, _ right: Int) {
            out[offset + i] =
                estimate(
                    y, n: n, span: span, degree: degree, at: i + 1, left: left, right: right, scratch: &scratch,
                    weights: rw) ?? y[i]
        }
        let step = min(jump, n - 1)
        var nleft = 0, nright = 0
        if span >= n {
            nleft = 1
            nright = n
            for i in stride(from: 0, to: n, by: step) { fit(i, nleft, nright) }
        } else if step == 1 {
            let half = (span + 2) / 2
            nleft = 1
            nright = span
            for i in 0..<n {
                if i + 1 > half && nright != n {
                    nleft += 1
                    nright += 1
                }
                fit(i, nleft, nright)
            }
        } else {
            let half = (span + 1) / 2
            for i in stride(from: 0, to: n, by: step) {
                if i + 1 < half {
                    nleft = 1
                    nright = span
                } else if i + 1 >= n - half + 1 {
                    nleft = n - span + 1
                    nright = n
                } else {
                    nleft = i + 1 - half + 1
                    nright = span + i + 1 - half
                }
                fit(i, nleft, nright)
            }
        }
        if step == 1 { return }
        var i = 0
        while i < n - step {
            let delta = (out[offset + i + step] - out[offset + i]) / Double(step)
            for j in i..<(i + step) { out[offset + j] = out[offset + i] + delta * Double(j - i) }
            i += step
        }
        let k = ((n - 1) / step) * step + 1
        if k != n {
            fit(n - 1, nleft, nright)
            if k != n - 1 {
                let delta = (out[offset + n - 1] - out[offset + k - 1]) / Double(n - k)
                for j in k..<n { out[offset + j] = out[offset + k - 1] + delta * Double(j + 1 - k) }
            }
        }
    }

    /// `ma`: the moving average of length `length` of `x[0..<n]` into `out[0..<n − length + 1]`.
    static func movingAverage(_ x: [Double], n: Int, length: Int, into out: inout [Double]) {
        let count = n - length + 1
        let flen = Double(length)
        var v = 0.0
        for i in 0..<length { v += x[i] }
        out[0] = v / flen
        var k = length, m = 0
        for j in 1..<max(count, 1) {
            v += x[k] - x[m]
            out[j] = v / flen
            k += 1
            m += 1
        }
    }
}
