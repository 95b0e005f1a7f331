/// The dashboard's series colours: distinguishable for the common colour-vision deficiencies
/// (Okabe & Ito's palette, reordered so neighbours contrast) and readable on white.
enum ChartPalette {
    static let colors = [
        "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#6B6B6B", "#B8860B", "#332288", "#117733",
    ]

    /// The colour of series `index`, cycling when there are more series than colours.
    static func color(_ index: Int) -> String { colors[((index % colors.count) + colors.count) % colors.count] }
}
