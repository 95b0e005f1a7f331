import BeaconCore
import BeaconEngine
import Foundation

/// Seed 003's one-click export: a segment's members as CSV, one row per profile, RFC 4180
/// quoting: the profile id, the customer's own ids a marketing tool matches on (`user_id`,
/// `email`, and `external_ids` as `type:id` joined by `;`), then the chosen traits (computed
/// or own).
enum SegmentCSVExport {
    static func csv(engine: ProfileEngine, workspaceId: String, segmentId: String, traits: [String], asOf: Date) async throws -> String {
        var out = (Self.idColumns + traits).map(quote).joined(separator: ",") + "\r\n"
        let personal = RequestAccess.showsPersonalData
        RequestAccess.noteDetail("segment \(segmentId) exported")
        var after: String? = nil
        while true {
            let ids = try await engine.profileStore.segmentMembers(workspaceId: workspaceId, segmentId: segmentId, after: after, limit: 1_000)
            for id in ids {
                guard let p = try await engine.profileStore.profile(workspaceId: workspaceId, id: id) else { continue }
                let cells = traits.map { name -> String in
                    if !personal, PersonalDataMask.isPersonal(name) { return PersonalDataMask.masked }
                    switch p.ruleTrait(name, asOf: asOf) {
                    case .none, .some(.null): return ""
                    case .some(.string(let s)): return s
                    case .some(.number(let d)): return d == d.rounded() && abs(d) < 1e15 ? String(Int64(d)) : String(d)
                    case .some(.bool(let b)): return b ? "true" : "false"
                    case .some(let other): return other.serialized()
                    }
                }
                var idCells = Self.ids(of: p)
                if !personal, !idCells[2].isEmpty { idCells[2] = PersonalDataMask.masked }
                out += (idCells + cells).map(quote).joined(separator: ",") + "\r\n"
            }
            guard ids.count == 1_000 else { break }
            after = ids.last
        }
        return out
    }

    /// The columns every export starts with.
    static let idColumns = ["profile_id", "user_id", "email", "external_ids"]

    /// A profile's values for `idColumns`.
    static func ids(of p: Profile) -> [String] {
        let external = p.identifiers.filter { $0.kind.hasPrefix("external:") }
            .map { String($0.kind.dropFirst("external:".count)) + ":" + $0.value }.sorted()
        return [p.id, p.identifier(Identifier.userId) ?? "", p.email ?? "", external.joined(separator: ";")]
    }

    static func quote(_ s: String) -> String {
        CSVRecord.field(s, protectingFormulas: true)
    }
}
