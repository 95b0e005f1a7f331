import Foundation

/// Where the executive report's font comes from: DejaVu Sans from Debian's `fonts-dejavu-core`,
/// read at run time (the font is not shipped in the binary), or the TrueType file named by
/// `--font` or `BEACON_REPORT_FONT`.
public enum ReportFont {
    /// Debian's path for DejaVu Sans.
    public static let defaultPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    /// The environment variable naming another font file.
    public static let environmentVariable = "BEACON_REPORT_FONT"

    /// The font path to use: `explicit`, else `BEACON_REPORT_FONT`, else the Debian path.
    public static func path(_ explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment[environmentVariable], !fromEnvironment.isEmpty { return fromEnvironment }
        return defaultPath
    }

    /// Reads the font at `path(explicit)`.
    /// - Throws: `TrueTypeFontError.missing` naming the path (and how to install it) when absent.
    public static func load(_ explicit: String? = nil) throws -> TrueTypeFont {
        try TrueTypeFont(contentsOf: path(explicit))
    }
}
