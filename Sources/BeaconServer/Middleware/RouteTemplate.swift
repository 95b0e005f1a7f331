/// How the router chooses among path templates that match one path: a literal segment beats a
/// capture at the first place they differ (`/api/segments/overlap` before `/api/segments/:id`),
/// whatever the method. The 405 answer and the access policy both follow this one rule.
enum RouteTemplate {
    /// Per segment of a template, whether it is literal (not `:name`, `{name}`, `*` or `**`).
    static func literalness(_ template: [Substring]) -> [Bool] {
        template.map { !($0.hasPrefix(":") || $0.hasPrefix("{") || $0 == "*" || $0 == "**") }
    }

    /// Whether `a` is less literal than `b`: at the first segment where they differ, `a` captures.
    static func lessLiteral(_ a: [Bool], _ b: [Bool]) -> Bool {
        for (x, y) in zip(a, b) where x != y { return !x }
        return a.count < b.count
    }
}
