import BeaconCore

/// The union–find forest behind identity resolution: one node per profile ever created, each
/// identifier owned by the node it was first attached to, and merges as unions.
///
/// `root(of:)` answers "which profile holds this identifier now" in near-constant time (path
/// halving; Tarjan 1975). Merging never moves identifiers: the absorbed node's parent
/// becomes the survivor, so a merge costs O(1) however many identifiers it carries.
struct IdentityGraph {
    private(set) var parent: [Int] = []
    private var owner: [Identifier: Int] = [:]

    /// A new singleton node.
    mutating func makeNode() -> Int {
        parent.append(parent.count)
        return parent.count - 1
    }

    mutating func find(_ node: Int) -> Int {
        var n = node
        while parent[n] != n {
            parent[n] = parent[parent[n]]
            n = parent[n]
        }
        return n
    }

    /// The root node currently holding `identifier`, or nil when it was never seen.
    mutating func root(of identifier: Identifier) -> Int? {
        owner[identifier].map { find($0) }
    }

    func contains(_ identifier: Identifier) -> Bool { owner[identifier] != nil }

    mutating func attach(_ identifier: Identifier, to node: Int) {
        owner[identifier] = node
    }

    /// Makes `from`'s tree part of `into`'s (both must be roots).
    mutating func union(from: Int, into: Int) {
        parent[from] = into
    }
}
