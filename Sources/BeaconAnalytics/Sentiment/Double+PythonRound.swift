extension Double {
    /// This value rounded to `digits` decimals exactly as Python's `round(x, digits)` does.
    ///
    /// Python rounds the exact binary value, half to even, and returns the double nearest the
    /// decimal result, so `round(0.0625, 3)` is 0.062 and `round(2.675, 2)` is 2.67. Scaling by
    /// 10^digits alone would misplace such near-ties; the product's rounding error is recovered
    /// with a fused multiply-add, which makes the comparison with one half exact. Non-finite values
    /// are returned unchanged; `digits` is meant for 0…15.
    public func pythonRounded(digits: Int) -> Double {
        guard isFinite else { return self }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let product = self * scale
        guard product.magnitude < 0x1p52 else { return self }
        // self × scale = product + error exactly.
        let error = (-product).addingProduct(self, scale)
        let floor = product.rounded(.down)
        let aboveHalf = ((product - floor) - 0.5) + error
        let rounded: Double
        if aboveHalf > 0 {
            rounded = floor + 1
        } else if aboveHalf < 0 {
            rounded = floor
        } else {
            rounded = floor.truncatingRemainder(dividingBy: 2) == 0 ? floor : floor + 1
        }
        return rounded / scale
    }
}
