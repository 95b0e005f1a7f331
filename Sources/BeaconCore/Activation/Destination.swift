import Foundation

/// A place outside Beacon that activations send to, owned by one workspace.
///
/// A webhook destination holds its endpoint URL and its signing secrets, sealed (encrypted)
/// by the engine before they are stored: the plain `whsec_` secret is shown once, when the
/// destination is created or its secret rotated. During a rotation the previous secret keeps
/// signing too, so a receiver that has not switched yet still verifies one of the signatures.
public struct Destination: Sendable, Equatable, Codable {
    /// The kinds of destination Beacon delivers to.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case webhook
        /// An SMTP server sending templated emails to each profile's address.
        case email
        /// Audience sync: a segment's members kept on a HubSpot, Mailchimp or Klaviyo list
        /// (`settings["listId"]`, the API key sealed in `sealedSecrets`; `url` the API's base).
        case hubspot, mailchimp, klaviyo

        /// Whether this kind syncs a segment's members to a vendor's list.
        public var isAudienceSync: Bool { [.hubspot, .mailchimp, .klaviyo].contains(self) }
    }

    /// Whether a destination's worker delivers.
    public enum State: String, Sendable, Codable {
        /// Delivering.
        case active
        /// Stopped by a person; messages wait.
        case paused
        /// Stopped because the endpoint answered 410 Gone; messages wait until it is re-enabled.
        case disabled
    }

    public var workspaceId: String
    public var id: String
    public var name: String
    public var kind: Kind
    public var url: String
    /// The signing secrets, sealed, newest first (more than one during a rotation); for other
    /// kinds, the credentials the kind needs (a mail server password, a vendor API key), sealed.
    public var sealedSecrets: [String]
    /// Non-secret settings the kind needs (a mail server's host and port, a vendor's list id).
    public var settings: [String: String]
    /// The consent categories a person must have granted for a message about them to be sent
    /// here (empty: the destination needs no consent category).
    public var requiredConsent: [String]
    public var state: State
    /// Why the destination was disabled (the endpoint's answer), when it was.
    public var stateReason: String?
    public var createdAt: Date

    public init(
        workspaceId: String, id: String, name: String, kind: Kind, url: String, sealedSecrets: [String],
        settings: [String: String] = [:], requiredConsent: [String] = [], state: State = .active,
        stateReason: String? = nil, createdAt: Date
    ) {
        self.workspaceId = workspaceId
        self.id = id
        self.name = name
        self.kind = kind
        self.url = url
        self.sealedSecrets = sealedSecrets
        self.settings = settings
        self.requiredConsent = requiredConsent
        self.state = state
        self.stateReason = stateReason
        self.createdAt = createdAt
    }
}
