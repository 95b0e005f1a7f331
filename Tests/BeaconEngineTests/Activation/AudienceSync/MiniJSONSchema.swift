import BeaconCore
import Foundation

/// The small part of JSON Schema the vendors' request schemas use (type, const, enum,
/// required, properties, additionalProperties, items, min/maxItems, minLength, pattern),
/// checking a request body and listing every violation with its JSON pointer.
struct MiniJSONSchema {
    let schema: JSONValue

    /// The schema in `Fixtures/AudienceSync/schemas/<name>.json`.
    init(named name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/AudienceSync/schemas/\(name).json")
        schema = try JSONValue.parse(Data(contentsOf: url))
    }

    /// Every violation of the schema by `value` ("/inputs/0/id: …"); empty when it conforms.
    func violations(_ value: JSONValue) -> [String] {
        var out: [String] = []
        check(value, schema, "", &out)
        return out
    }

    func violations(body: String) -> [String] {
        guard let value = try? JSONValue.parse(Data(body.utf8)) else { return ["(body): not JSON: \(body.prefix(80))"] }
        return violations(value)
    }

    private func typeName(_ v: JSONValue) -> String {
        switch v {
        case .null: return "null"
        case .bool: return "boolean"
        case .number(let d): return d == d.rounded() ? "integer" : "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    private func check(_ v: JSONValue, _ s: JSONValue, _ at: String, _ out: inout [String]) {
        if let t = s["type"] {
            let allowed = t.arrayValue?.compactMap(\.stringValue) ?? [t.stringValue ?? ""]
            let actual = typeName(v)
            guard allowed.contains(actual) || (actual == "integer" && allowed.contains("number")) else {
                out.append("\(at): expected \(allowed.joined(separator: "|")), got \(actual)")
                return
            }
        }
        if let c = s["const"], c != v { out.append("\(at): must be \(c.serialized())") }
        if let e = s["enum"]?.arrayValue, !e.contains(v) { out.append("\(at): \(v.serialized()) is not one of the allowed values") }
        if case .string(let text) = v {
            if let min = s["minLength"]?.doubleValue, Double(text.count) < min { out.append("\(at): shorter than \(Int(min))") }
            if let p = s["pattern"]?.stringValue, text.range(of: p, options: .regularExpression) == nil {
                out.append("\(at): '\(text)' does not match \(p)")
            }
        }
        if case .array(let items) = v {
            if let min = s["minItems"]?.doubleValue, Double(items.count) < min { out.append("\(at): fewer than \(Int(min)) items") }
            if let max = s["maxItems"]?.doubleValue, Double(items.count) > max { out.append("\(at): more than \(Int(max)) items") }
            if let item = s["items"] { for (i, x) in items.enumerated() { check(x, item, "\(at)/\(i)", &out) } }
        }
        if case .object(let members) = v {
            for r in s["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[r] == nil {
                out.append("\(at)/\(r): required")
            }
            let properties = s["properties"]?.objectValue ?? [:]
            for (k, x) in members {
                if let p = properties[k] {
                    check(x, p, "\(at)/\(k)", &out)
                } else if let extra = s["additionalProperties"] {
                    if extra == .bool(false) {
                        out.append("\(at)/\(k): not allowed")
                    } else if extra.objectValue != nil {
                        check(x, extra, "\(at)/\(k)", &out)
                    }
                }
            }
        }
    }
}
