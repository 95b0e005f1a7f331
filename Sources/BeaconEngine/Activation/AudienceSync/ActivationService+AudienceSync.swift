import BeaconCore
import BeaconStore
import Foundation

extension ActivationService {
    /// The settings each audience vendor takes beside `listId`.
    static let audienceSettings: [Destination.Kind: Set<String>] = [
        .hubspot: ["userIdProperty"], .mailchimp: ["userIdMergeField"], .klaviyo: [],
    ]

    /// A new audience sync destination (`type` hubspot, mailchimp or klaviyo) for the vendor
    /// list `listId`, its `apiKey` sealed like a webhook secret and never shown again.
    ///
    /// `url` replaces the vendor's API base (a proxy, or a test server); by default it is the
    /// vendor's own (for Mailchimp, the data centre the key names). `settings` may hold the
    /// vendor's optional settings (`userIdProperty` for HubSpot, `userIdMergeField` for Mailchimp).
    /// - Throws: `ActivationError` naming the field (`name`, `type`, `apiKey`, `listId`, `url`,
    ///   `settings.<key>`); nothing is stored then.
    public func createAudienceDestination(
        workspaceId: String, name: String, type: String, apiKey: String, listId: String, url: String? = nil,
        settings: [String: String] = [:]
    ) async throws -> Destination {
        let name = try Self.checkName(name)
        guard let kind = Destination.Kind(rawValue: type), kind.isAudienceSync,
            let vendor = AudienceSyncSender.vendor(kind, settings: settings)
        else {
            throw ActivationError(field: "type", "must be one of hubspot, mailchimp, klaviyo")
        }
        guard !apiKey.isEmpty, apiKey.count <= 512, !apiKey.contains(where: { $0.isWhitespace }) else {
            throw ActivationError(field: "apiKey", "must be the vendor's API key: 1 to 512 characters, no spaces")
        }
        // The key names its data centre even when `url` points elsewhere (a proxy or a replay server).
        if kind == .mailchimp, MailchimpAudience.dataCentre(of: apiKey) == nil {
            throw ActivationError(field: "apiKey", "a Mailchimp API key ends with its data centre, like …-us6")
        }
        guard !listId.isEmpty, listId.count <= 100, !listId.contains(where: { $0.isWhitespace || $0 == "/" }) else {
            throw ActivationError(field: "listId", "must name the vendor's list: 1 to 100 characters, no spaces or '/'")
        }
        if let url { try Self.checkURL(url) }
        let allowed = Self.audienceSettings[kind] ?? []
        for (key, value) in settings {
            guard allowed.contains(key) else {
                let known = allowed.isEmpty ? "none" : allowed.sorted().joined(separator: ", ")
                throw ActivationError(field: "settings.\(key)", "is not a \(kind.rawValue) setting (known: \(known))")
            }
            guard !value.isEmpty, value.count <= 100 else {
                throw ActivationError(field: "settings.\(key)", "must be 1 to 100 characters")
            }
        }
        var all = settings
        all["listId"] = listId
        let destination = Destination(
            workspaceId: workspaceId, id: "dst_" + Self.token(), name: name, kind: kind,
            url: url ?? vendor.defaultBaseURL(apiKey: apiKey), sealedSecrets: [try secrets().seal(apiKey)],
            settings: all, createdAt: Timestamp.truncated(clock()))
        do {
            try await stores.activations.createDestination(destination)
        } catch let error as StoreError where error.code == .conflict {
            throw ActivationError(field: "name", "a destination named '\(name)' already exists", conflict: true)
        }
        try await engine.reloadActivations(workspaceId: workspaceId)
        return destination
    }
}
