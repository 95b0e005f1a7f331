extension DashboardAssets {
    /// The one stylesheet served: the base styles and each page's own.
    static let bundledCSS = [css, segmentBuilderCSS, importStatusCSS, cohortsCSS].joined(separator: "\n")

    /// The one script served: each part starts by looking for its page's element and does
    /// nothing on other pages.
    static let bundledScript = [script, segmentBuilderScript, importStatusScript].joined(separator: "\n")
}
