/// An ordered, configurable rule set that maps a visit's campaign and referrer to a marketing
/// channel (Direct, Organic Search, Paid Search, Paid Social, Email, Affiliate, Referral, …).
///
/// Rules are tried in order and the first whose conditions all hold names the channel, the
/// way Google Analytics 4's default channel group is defined (its published rule table,
/// "[GA4] Default channel group", is the model for `standard`, simplified to source and medium
/// lists). Matching is case-insensitive. Codable, so a workspace can store its own rules.
///
/// Edge cases: an explicit `channel` property wins when `useChannelProperty` is set; a
/// referrer whose host is one of `internalHosts` counts as no referrer (self-referrals are
/// Direct); an event no rule matches gets `fallback`.
public struct AttributionChannelGrouping: Sendable, Hashable, Codable {
    /// One field test.
    public struct Condition: Sendable, Hashable, Codable {
        public enum Field: String, Sendable, Hashable, Codable {
            case source, medium, campaign, referrerHost
        }

        public enum Match: Sendable, Hashable, Codable {
            /// The field equals one of the values.
            case oneOf([String])
            /// The field contains one of the values as a substring.
            case contains([String])
            /// The field is set and not empty.
            case present
            /// The field is missing or empty.
            case absent
        }

        public var field: Field
        public var match: Match

        public init(_ field: Field, _ match: Match) {
            self.field = field
            self.match = match
        }

        func holds(for value: String?) -> Bool {
            let v = (value ?? "").lowercased()
            switch match {
            case .present: return !v.isEmpty
            case .absent: return v.isEmpty
            case .oneOf(let options): return !v.isEmpty && options.contains { $0.lowercased() == v }
            case .contains(let parts): return !v.isEmpty && parts.contains { v.contains($0.lowercased()) }
            }
        }
    }

    /// A channel and the conditions (all must hold) that select it.
    public struct Rule: Sendable, Hashable, Codable {
        public var channel: String
        public var conditions: [Condition]

        public init(_ channel: String, _ conditions: [Condition]) {
            self.channel = channel
            self.conditions = conditions
        }
    }

    public var rules: [Rule]
    public var useChannelProperty: Bool
    public var internalHosts: [String]
    public var fallback: String

    public init(
        rules: [Rule], useChannelProperty: Bool = true, internalHosts: [String] = [], fallback: String = "Unassigned"
    ) {
        self.rules = rules
        self.useChannelProperty = useChannelProperty
        self.internalHosts = internalHosts
        self.fallback = fallback
    }

    /// The channel of a visit that starts with `event`.
    public func channel(for event: AttributionTouchEvent) -> String {
        if useChannelProperty, let explicit = event.channel, !explicit.isEmpty { return explicit }
        var host = event.referrerHost
        if let h = host, internalHosts.contains(where: { h == $0.lowercased() || h.hasSuffix("." + $0.lowercased()) }) {
            host = nil
        }
        for rule in rules {
            let matches = rule.conditions.allSatisfy { condition in
                switch condition.field {
                case .source: condition.holds(for: event.utmSource)
                case .medium: condition.holds(for: event.utmMedium)
                case .campaign: condition.holds(for: event.utmCampaign)
                case .referrerHost: condition.holds(for: host)
                }
            }
            if matches { return rule.channel }
        }
        return fallback
    }

    static let searchEngines = [
        "google", "bing", "yahoo", "duckduckgo", "baidu", "yandex", "ecosia", "naver", "seznam", "qwant", "startpage",
    ]
    static let socialNetworks = [
        "facebook", "fb", "instagram", "twitter", "t.co", "x.com", "linkedin", "lnkd.in", "pinterest", "reddit",
        "tiktok", "youtube", "snapchat", "threads", "mastodon", "bsky", "quora", "vk.com",
    ]
    static let paidMedia = ["cpc", "ppc", "paid", "cpv", "cpa", "cpp", "retargeting"]

    /// The default rules, after GA4's default channel group.
    public static let standard = AttributionChannelGrouping(rules: [
        Rule("Direct", [.init(.source, .absent), .init(.medium, .absent), .init(.referrerHost, .absent)]),
        Rule(
            "Direct",
            [.init(.source, .oneOf(["(direct)", "direct"])), .init(.medium, .oneOf(["(none)", "(not set)", "none"]))]),
        Rule("Display", [.init(.medium, .oneOf(["display", "banner", "cpm", "expandable", "interstitial"]))]),
        Rule("Paid Search", [.init(.medium, .contains(paidMedia)), .init(.source, .contains(searchEngines))]),
        Rule("Paid Social", [.init(.medium, .contains(paidMedia)), .init(.source, .contains(socialNetworks))]),
        Rule("Email", [.init(.medium, .oneOf(["email", "e-mail", "e_mail", "e mail", "newsletter"]))]),
        Rule("Email", [.init(.source, .oneOf(["email", "e-mail", "e_mail", "e mail", "newsletter"]))]),
        Rule("Affiliate", [.init(.medium, .oneOf(["affiliate", "affiliates", "partner"]))]),
        Rule("Paid Other", [.init(.medium, .contains(paidMedia))]),
        Rule("Organic Search", [.init(.medium, .oneOf(["organic"]))]),
        Rule("Organic Search", [.init(.medium, .absent), .init(.source, .contains(searchEngines))]),
        Rule(
            "Organic Search",
            [.init(.medium, .absent), .init(.source, .absent), .init(.referrerHost, .contains(searchEngines))]),
        Rule(
            "Organic Social",
            [
                .init(
                    .medium,
                    .oneOf(["social", "social-network", "social-media", "sm", "social network", "social media"]))
            ]),
        Rule("Organic Social", [.init(.medium, .absent), .init(.source, .contains(socialNetworks))]),
        Rule(
            "Organic Social",
            [.init(.medium, .absent), .init(.source, .absent), .init(.referrerHost, .contains(socialNetworks))]),
        Rule("Referral", [.init(.medium, .oneOf(["referral", "app", "link"]))]),
        Rule("Referral", [.init(.medium, .absent), .init(.source, .absent), .init(.referrerHost, .present)]),
    ])
}
