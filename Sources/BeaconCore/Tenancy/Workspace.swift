import Foundation

/// A tenant: every event, key and derived row belongs to exactly one workspace.
public struct Workspace: Sendable, Equatable, Codable {
    public var id: String
    public var name: String
    public var createdAt: Date
    /// The ISO 4217 code the workspace's amounts are in (`USD`, `EUR`): set at creation,
    /// changeable, and how every page, report and download writes money.
    public var currency: String

    public init(id: String, name: String, createdAt: Date, currency: String = CurrencyCode.default) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.currency = currency
    }

    enum CodingKeys: String, CodingKey { case id, name, createdAt, currency }

    /// Reads a workspace written before workspaces had a currency as one in `CurrencyCode.default`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        createdAt = try c.decode(Date.self, forKey: .createdAt)
        currency = try c.decodeIfPresent(String.self, forKey: .currency) ?? CurrencyCode.default
    }
}
