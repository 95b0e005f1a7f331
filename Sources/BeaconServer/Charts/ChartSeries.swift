/// One named series of values, aligned with a chart's categories (dates, spends).
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    public var values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }
}
