/// Finds the columns of an attribution input file by name: an exact match first, then a
/// case-insensitive one. Shared by the path-file and event-file readers.
struct AttributionColumnLookup {
    let header: [String]

    /// The column's index, or nil when the file has no such column.
    func index(_ name: String) -> Int? {
        header.firstIndex(of: name) ?? header.firstIndex { $0.lowercased() == name.lowercased() }
    }

    /// The column's index.
    /// - Throws: `AttributionInputError` on line 1 naming the column and the columns the file has.
    func require(_ name: String) throws -> Int {
        guard let i = index(name) else {
            throw AttributionInputError(
                line: 1, column: name,
                message: "column '\(name)' not found; the file has: \(header.joined(separator: ", "))")
        }
        return i
    }
}
