import BeaconCore

/// Beacon's schema migrations in the one order every database applies them.
///
/// A fresh database runs them all; an upgraded one runs those it has not recorded, in this
/// same order (a test checks that the numbers strictly increase, so a new migration can only
/// be appended). Numbers need not be consecutive.
public enum Migrations {
    public static let all: [Migration] = [
        m001Workspaces,
        m002WriteKeys,
        m003Events,
        m004Profiles,
        m005IdentityRules,
        m006SegmentMembersByProfile,
        m020DashboardUsers,
        m030ImportJobs,
        m040CommerceFacts,
        m050Activation,
        m060WebhookSources,
        m065DestinationSettings,
        m070EmailSuppressions,
        m090Privacy,
        m091ConsentBackfill,
        m092PersonalDataKeys,
        m100AuditLog,
        m101AccessRoles,
        m120Journeys,
        m121JourneySends,
        m130SinkCursors,
        m140ReportSchedules,
        m180WebhookSourceMappings,
        m190WorkspaceCurrency,
    ]
}

extension Migrations {
    /// The migrations a database that has applied `applied` still needs, in the order of `all`.
    ///
    /// A database may have applied a higher-numbered migration before a lower-numbered one
    /// landed; the lower one is then still pending and runs next.
    /// - Throws: `StoreError.invalidConfiguration` naming the ids when the database has applied
    ///   migrations this release does not know: a newer release made it, and running an older
    ///   one against it could misread its tables.
    public static func pending(applied: Set<String>, of all: [Migration] = all) throws -> [Migration] {
        let unknown = applied.subtracting(all.map(\.id))
        guard unknown.isEmpty else {
            throw StoreError(
                .invalidConfiguration,
                "the database has migrations this release of Beacon does not know (\(unknown.sorted().joined(separator: ", "))): "
                    + "it was upgraded by a newer release; run that release")
        }
        return all.filter { !applied.contains($0.id) }
    }
}
