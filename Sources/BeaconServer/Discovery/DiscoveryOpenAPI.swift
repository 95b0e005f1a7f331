import BeaconCore

/// The OpenAPI description of the recommendation and lookalike routes, merged into the token
/// API's document.
enum DiscoveryOpenAPI {
    static let asOf = ProfilesOpenAPI.query(
        "as_of", "the date the answer is computed as of, YYYY-MM-DD (default: the workspace's last event)",
        constraints: ["format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"])

    static let paths: [String: JSONValue] = [
        "/api/profiles/{id}/recommendations": [
            "get": ProfilesOpenAPI.operation(
                "Recommended products for a profile (by id or any identifier), from the orders up to as_of: co-occurrence (items bought with theirs, new to them), personal-popularity (their own favourites) or popularity",
                params: [
                    ProfilesOpenAPI.id, ProfilesOpenAPI.integer("k", "how many products", 1, 100),
                    ProfilesOpenAPI.query(
                        "strategy", "how items are scored",
                        constraints: ["enum": ["co-occurrence", "personal-popularity", "popularity"]]),
                    ProfilesOpenAPI.query(
                        "seed", "the seed that breaks ties (same seed, same list)", type: "integer",
                        constraints: ["minimum": 0, "maximum": 9_007_199_254_740_991]),
                    asOf,
                ],
                responses: ["200": "`{\"profile\", \"strategy\", \"asOf\", \"products\": [{item, name, score}]}`"])
        ],
        "/api/recommendations/rules": [
            "get": ProfilesOpenAPI.operation(
                "Item-to-item association rules (Apriori) over the orders up to as_of, with support, confidence, lift, leverage and conviction (null when the rule always holds), strongest by metric first",
                params: [
                    ProfilesOpenAPI.query(
                        "min_support", "the least share of orders holding a rule's items", type: "number",
                        constraints: ["minimum": 0.005, "maximum": 1]),
                    ProfilesOpenAPI.query(
                        "metric", "the measure rules are kept and ranked by",
                        constraints: ["enum": ["support", "confidence", "lift", "leverage", "conviction"]]),
                    ProfilesOpenAPI.query(
                        "min_threshold", "the least value of the metric", type: "number",
                        constraints: ["minimum": -1_000_000, "maximum": 1_000_000]),
                    ProfilesOpenAPI.integer("max_length", "the most items in a rule", 2, 6),
                    ProfilesOpenAPI.integer("limit", "how many rules", 1, 1_000), asOf,
                ],
                responses: ["200": "`{\"asOf\", \"baskets\", \"metric\", \"rules\": [{antecedents, consequents, support, confidence, lift, leverage, conviction}]}`"])
        ],
        "/api/segments/{id}/lookalike": [
            "post": ProfilesOpenAPI.operation(
                "Grow a lookalike audience from a seed segment of at least 100 buyers: everyone else ranked by behavioural similarity (recency, orders, spend, tenure, categories), the top size_percent % of the workspace saved as a segment; each member with the three features that made them similar",
                params: [ProfilesOpenAPI.id], body: "LookalikeInput",
                responses: ["201": "`{\"segment\", \"seedSegment\", \"sizePercent\", \"asOf\", \"seedBuyers\", \"population\", \"features\", \"members\": [{profile, rank, score, reasons}]}`"])
        ],
    ]

    static let schemas: [String: JSONValue] = [
        "LookalikeInput": [
            "type": "object", "required": ["size_percent"], "properties": [
                "size_percent": ["type": "number", "minimum": 1, "maximum": 10,
                                 "description": "the audience's size as a share of the workspace's profiles"],
                "name": ["type": "string", "minLength": 1, "maxLength": 200, "pattern": "\\S"],
                "as_of": ["type": "string", "format": "date", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"],
            ],
        ]
    ]
}
