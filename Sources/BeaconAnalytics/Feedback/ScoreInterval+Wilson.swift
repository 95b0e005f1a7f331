extension ScoreInterval {
    /// Wilson's score interval (Wilson 1927) for `successes` of `trials`, in percent; NaN for no trials.
    public static func wilson(successes: Int, trials: Int, z: Double = z95, level: Double = 0.95) -> ScoreInterval {
        guard trials > 0 else { return ScoreInterval(lower: .nan, upper: .nan, level: level) }
        let n = Double(trials)
        let p = Double(successes) / n
        let z2 = z * z
        let centre = (p + z2 / (2 * n)) / (1 + z2 / n)
        let halfWidth = z / (1 + z2 / n) * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot()
        return ScoreInterval(
            lower: 100 * max(0, centre - halfWidth), upper: 100 * min(1, centre + halfWidth), level: level)
    }
}
