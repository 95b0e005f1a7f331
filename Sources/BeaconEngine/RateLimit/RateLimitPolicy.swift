import Foundation

/// One rate limit: up to `quota` requests per `window` seconds, as a token bucket of capacity
/// `quota` refilled at `quota / window` per second, under a name the `RateLimit-Policy` field shows.
public struct RateLimitPolicy: Sendable, Equatable {
    public var name: String
    public var quota: Int
    public var window: Int

    public init(name: String, quota: Int, window: Int) {
        self.name = name
        self.quota = quota
        self.window = window
    }

    public var refillPerSecond: Double { Double(quota) / Double(window) }

    /// Parses `N/Ws`, `N/Wm` or `N/Wh` (`600/60s`, `100/1m`).
    /// - Throws: `AuditError` naming `variable` when the text is not of that form.
    public init(name: String, parsing text: String, variable: String) throws {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let quota = Int(parts[0]), quota > 0, let unit = parts[1].last,
            let amount = Int(parts[1].dropLast()), amount > 0, let scale = ["s": 1, "m": 60, "h": 3600][String(unit)]
        else {
            throw AuditError(field: variable, "'\(text)' must be requests per window, like 600/60s, 100/1m or 5000/1h, or off")
        }
        self.init(name: name, quota: quota, window: amount * scale)
    }
}

/// The rate limits a server applies; each is off when nil.
///
/// Ingest is limited per write key and per workspace, apart from the token API (per token and
/// per workspace) and sign-in (per client address), so a burst of tracking never slows down
/// queries or locks people out. Defaults are generous (`standard`); `off` is what tests use unless
/// they set limits.
public struct RateLimitSettings: Sendable, Equatable {
    public var ingestPerKey: RateLimitPolicy?
    public var ingestPerWorkspace: RateLimitPolicy?
    public var queryPerToken: RateLimitPolicy?
    public var queryPerWorkspace: RateLimitPolicy?
    public var signInPerClient: RateLimitPolicy?

    public init(
        ingestPerKey: RateLimitPolicy? = nil, ingestPerWorkspace: RateLimitPolicy? = nil,
        queryPerToken: RateLimitPolicy? = nil, queryPerWorkspace: RateLimitPolicy? = nil,
        signInPerClient: RateLimitPolicy? = nil
    ) {
        self.ingestPerKey = ingestPerKey
        self.ingestPerWorkspace = ingestPerWorkspace
        self.queryPerToken = queryPerToken
        self.queryPerWorkspace = queryPerWorkspace
        self.signInPerClient = signInPerClient
    }

    /// No limits.
    public static let off = RateLimitSettings()

    /// The defaults of `beacon serve`: far above what one client needs, low enough to stop a runaway one.
    public static let standard = RateLimitSettings(
        ingestPerKey: RateLimitPolicy(name: "ingest-key", quota: 120_000, window: 60),
        ingestPerWorkspace: RateLimitPolicy(name: "ingest-workspace", quota: 300_000, window: 60),
        queryPerToken: RateLimitPolicy(name: "query-token", quota: 1_200, window: 60),
        queryPerWorkspace: RateLimitPolicy(name: "query-workspace", quota: 3_000, window: 60),
        signInPerClient: RateLimitPolicy(name: "sign-in", quota: 30, window: 60))

    /// The variables that override each limit (`N/Ws` or `off`).
    static var variables: [(String, WritableKeyPath<RateLimitSettings, RateLimitPolicy?>, String)] {
        [
        ("BEACON_RATE_LIMIT_INGEST_KEY", \.ingestPerKey, "ingest-key"),
        ("BEACON_RATE_LIMIT_INGEST_WORKSPACE", \.ingestPerWorkspace, "ingest-workspace"),
        ("BEACON_RATE_LIMIT_QUERY_TOKEN", \.queryPerToken, "query-token"),
        ("BEACON_RATE_LIMIT_QUERY_WORKSPACE", \.queryPerWorkspace, "query-workspace"),
        ("BEACON_RATE_LIMIT_SIGN_IN", \.signInPerClient, "sign-in"),
        ]
    }

    /// `standard`, with `BEACON_RATE_LIMITS=off` turning every limit off and each variable of
    /// `variables` replacing one. - Throws: `AuditError` naming the variable.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> RateLimitSettings
    {
        var settings = environment["BEACON_RATE_LIMITS"] == "off" ? RateLimitSettings.off : .standard
        for (variable, path, name) in variables {
            guard let text = environment[variable], !text.isEmpty else { continue }
            settings[keyPath: path] = text == "off" ? nil : try RateLimitPolicy(name: name, parsing: text, variable: variable)
        }
        return settings
    }
}
