import Foundation

extension JourneyDefinition {
    /// Reads a definition from its JSON (the API body's `definition`, a file given to the command
    /// line) and validates it.
    /// - Throws: `JourneyError` naming the field: a wrong type or missing key as well as a
    ///   validation failure, each prefixed with `path`.
    public static func decode(_ json: JSONValue, path: String = "definition") throws -> JourneyDefinition {
        let d: JourneyDefinition = try JourneyJSON.decode(json, path: path)
        do {
            try d.validate()
        } catch var e as JourneyError {
            e.field = "\(path).\(e.field)"
            throw e
        }
        return d
    }

    /// The definition as JSON (keys sorted, absent fields left out).
    public var json: JSONValue { JourneyJSON.encode(self) }
}

extension JourneyStepMapping {
    /// Reads a mapping: an object of old step id → `{"step": id}` or `{"finish": true}`, or the
    /// string `"sameIds"` (each old step to the new step of the same id, the rest finish on the old version).
    public static func decode(_ json: JSONValue, from old: JourneyDefinition, to new: JourneyDefinition,
                              path: String = "mapping") throws -> JourneyStepMapping {
        if json.stringValue == "sameIds" { return .sameIds(from: old, to: new) }
        let steps: [String: Target] = try JourneyJSON.decode(json, path: path)
        return JourneyStepMapping(steps)
    }
}

/// JSON coding of journey types with errors that name the field.
public enum JourneyJSON {
    public static func decode<T: Decodable>(_ json: JSONValue, path: String) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(json.serialized().utf8))
        } catch let e as DecodingError {
            let (context, reason): (DecodingError.Context, String) =
                switch e {
                case .keyNotFound(let key, let c): (c, "is missing \(key.stringValue)")
                case .typeMismatch(let type, let c): (c, "must be \(type)")
                case .valueNotFound(let type, let c): (c, "must be \(type), not null")
                case .dataCorrupted(let c): (c, c.debugDescription)
                @unknown default: (DecodingError.Context(codingPath: [], debugDescription: ""), "is malformed")
                }
            var field = path
            for key in context.codingPath {
                if let i = key.intValue { field += "[\(i)]" } else { field += ".\(key.stringValue)" }
            }
            if case .keyNotFound(let key, _) = e { field += ".\(key.stringValue)" }
            throw JourneyError(field: field, reason)
        }
    }

    public static func encode<T: Encodable>(_ value: T) -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value), let json = try? JSONValue.parse(data) else { return .null }
        return json
    }
}
