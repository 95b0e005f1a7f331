import Foundation

/// A linear map from a data interval onto a pixel interval, with "nice" tick values
/// (1, 2 or 5 × a power of ten) so axes read naturally.
struct ChartScale: Sendable {
    var domain: ClosedRange<Double>
    /// Pixel positions of the domain's lower and upper ends (the y axis runs bottom to top, so start > end there).
    var range: (start: Double, end: Double)

    /// A scale covering `values` (and zero when `includeZero`), widened to nice tick bounds.
    /// An empty or constant domain becomes `[v - 1, v + 1]` (or `[0, 1]`), never a division by zero.
    init(covering values: [Double], range: (start: Double, end: Double), includeZero: Bool = true, nice: Bool = true) {
        let finite = values.filter(\.isFinite)
        var lo = finite.min() ?? 0
        var hi = finite.max() ?? 1
        if includeZero { lo = min(lo, 0); hi = max(hi, 0) }
        if hi - lo <= 0 { (lo, hi) = hi == 0 ? (0, 1) : (lo - abs(lo) * 0.1, hi + abs(hi) * 0.1) }
        if nice {
            let step = Self.niceStep((hi - lo) / 5)
            lo = (lo / step).rounded(.down) * step
            hi = (hi / step).rounded(.up) * step
        }
        domain = lo...hi
        self.range = range
    }

    /// The pixel position of `value`.
    func callAsFunction(_ value: Double) -> Double {
        let span = domain.upperBound - domain.lowerBound
        let t = span > 0 ? (value - domain.lowerBound) / span : 0
        return range.start + t * (range.end - range.start)
    }

    /// About `count` tick values at nice steps inside the domain.
    func ticks(count: Int = 5) -> [Double] {
        let step = Self.niceStep((domain.upperBound - domain.lowerBound) / Double(max(count, 1)))
        guard step > 0, step.isFinite else { return [domain.lowerBound] }
        var t = (domain.lowerBound / step).rounded(.up) * step
        var out: [Double] = []
        while t <= domain.upperBound + step * 1e-9, out.count < 50 {
            out.append(abs(t) < step * 1e-9 ? 0 : t)
            t += step
        }
        return out
    }

    /// The nice step (1, 2, 2.5 or 5 × 10ⁿ) at or above `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 1 }
        let magnitude = Foundation.pow(10, (log10(raw)).rounded(.down))
        let f = raw / magnitude
        let nice: Double = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10
        return nice * magnitude
    }
}
