/// The names a mistyped workspace name was probably meant to be, for "did you mean" messages.
///
/// A name is close when it differs by at most a third of the typed name's characters
/// (edits counted as the optimal-string-alignment distance, case ignored; at least one edit allowed), or when
/// one contains the other. Closest first, ties by name.
enum WorkspaceNameSuggestion {
    static func closeNames(to typed: String, among names: [String], limit: Int = 3) -> [String] {
        let t = Array(typed.lowercased())
        let allowed = max(1, t.count / 3)
        let scored: [(name: String, distance: Int)] = names.compactMap { name in
            let n = Array(name.lowercased())
            let d = distance(t, n)
            let contains = !t.isEmpty && (name.lowercased().contains(typed.lowercased()) || typed.lowercased().contains(name.lowercased()))
            return d <= allowed || contains ? (name, d) : nil
        }
        return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(limit).map { $0.name }
    }

    /// The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
    /// two neighbouring characters turning `a` into `b` (so `shpo` is one edit from `shop`).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
