extension DashboardAssets {
    /// The cohort heat-map's shades: `h0` (none) to `h9` (the table's largest value), white to
    /// the accent blue; black text up to `h7` and white on `h8`–`h9`, each at least 4.5:1 (WCAG AA).
    static let cohortsCSS = """
        table.heat td.h0 { background: #ffffff; } table.heat td.h1 { background: #eef4fa; }
        table.heat td.h2 { background: #dce9f5; } table.heat td.h3 { background: #c6dbef; }
        table.heat td.h4 { background: #a9cae6; } table.heat td.h5 { background: #86b4da; }
        table.heat td.h6 { background: #5f9acb; color: #000; } table.heat td.h7 { background: #3b80bb; color: #000; }
        table.heat td.h8 { background: #1d68a8; color: #fff; } table.heat td.h9 { background: #0b4f8f; color: #fff; }
        table.heat td.na { background: #f4f4f4; }
        table.heat { width: auto; } table.heat td, table.heat th { padding: 4px 8px; }
        .table-scroll { overflow-x: auto; }
        """
}
