import BeaconCore

/// The OpenAPI description of `GET /api/audit`.
enum AuditOpenAPI {
    static var paths: [String: JSONValue] {
        [
            "/api/audit": [
                "get": ProfilesOpenAPI.operation(
                    "Audit entries of the token's workspace, oldest first (needs audit:read): with `profile`, who read or changed that profile between `from` and `to`",
                    params: [
                        ProfilesOpenAPI.query("profile", "a profile id (entries name it by pseudonym; works after erasure)", constraints: ["minLength": 1]),
                        ProfilesOpenAPI.query("from", "ISO-8601 time, inclusive", constraints: ["format": "date-time"]),
                        ProfilesOpenAPI.query("to", "ISO-8601 time, exclusive", constraints: ["format": "date-time"]),
                        ProfilesOpenAPI.query("actor", "user:<id>, token:<fingerprint>, cli:<name>"),
                        ProfilesOpenAPI.longLimit,
                    ],
                    responses: ["200": "`{\"entries\": [{sequence, at, actor, action, subject, detail, previousHash, hash}]}`"])
            ]
        ]
    }
}
