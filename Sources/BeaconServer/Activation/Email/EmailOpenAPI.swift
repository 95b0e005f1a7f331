import BeaconCore

/// The OpenAPI description of the email routes: the suppression list and the one-click
/// unsubscribe endpoint, merged into the API document.
enum EmailOpenAPI {
    static let token: JSONValue = ["name": "token", "in": "path", "required": true, "schema": ["type": "string"]]
    static let address: JSONValue = [
        "name": "address", "in": "path", "required": true, "schema": ["type": "string"],
        "description": "the suppressed email address (percent-encoded as needed)",
    ]

    static let paths: [String: JSONValue] = [
        "/api/email-suppressions": [
            "get": ProfilesOpenAPI.operation(
                "Addresses email destinations do not send to (bounces, complaints, unsubscribes, manual), newest first",
                params: [ProfilesOpenAPI.longLimit]),
            "post": ProfilesOpenAPI.operation(
                "Suppress an address by hand", body: "EmailSuppressionInput", responses: ["201": "Created"]),
        ],
        "/api/email-suppressions/{address}": [
            "delete": ProfilesOpenAPI.operation(
                "Lift a suppression (email destinations send to the address again)", params: [address],
                responses: ["204": "Deleted", "404": "problem"])
        ],
        "/u/{token}": [
            "get": [
                "summary":
                    "The unsubscribe confirmation page of an email's List-Unsubscribe link (a GET changes nothing)",
                "security": [], "parameters": [token],
                "responses": [
                    "200": ["description": "HTML page with a button"], "404": ["description": "Invalid link"],
                ],
            ],
            "post": [
                "summary":
                    "RFC 8058 one-click unsubscribe (body List-Unsubscribe=One-Click): the address is suppressed",
                "security": [], "parameters": [token],
                "responses": ["200": ["description": "Unsubscribed"], "404": IngestOpenAPI.problem("Invalid token")],
            ],
        ],
    ]

    static let schemas: [String: JSONValue] = [
        "EmailSuppressionInput": [
            "type": "object", "required": ["address"],
            "properties": [
                "address": ["type": "string"], "detail": ["type": "string"],
                "reason": ["type": "string", "enum": ["manual", "complaint", "bounce", "unsubscribe"]],
            ],
        ],
        "EmailDestinationInput": [
            "type": "object",
            "required": ["name", "type", "host", "from", "subject", "text", "html", "unsubscribeUrl"],
            "properties": [
                "name": ["type": "string"], "type": ["const": "email"],
                "host": ["type": "string", "description": "SMTP server host name or IP address"],
                "port": ["type": "integer", "description": "default 587"],
                "security": ["type": "string", "enum": ["starttls", "tls", "none"]],
                "username": ["type": "string"],
                "password": ["type": "string", "description": "sealed; never shown again"],
                "from": ["type": "string"], "fromName": ["type": "string"],
                "subject": ["type": "string", "description": "Mustache over profile traits"],
                "text": ["type": "string", "description": "Mustache over profile traits"],
                "html": ["type": "string", "description": "Mustache over profile traits (values HTML-escaped)"],
                "unsubscribeUrl": [
                    "type": "string", "description": "https base of this server; links are <base>/u/<token>",
                ],
                "verifyCertificate": ["type": "boolean"],
                "verify": ["type": "boolean", "description": "connect and log in before saving"],
            ],
        ],
    ]
}
