/// Where the people at each step of the live version go when another version takes over
/// (a publish or a rollback): to a step of the new version, or nowhere (they finish on the old one).
///
/// A mapping must name every step of the old version, so nobody is silently dropped or left
/// behind; `validate` says which step is missing or points nowhere.
public struct JourneyStepMapping: Sendable, Equatable, Codable {
    /// Where the people at one old step go.
    public enum Target: Sendable, Equatable, Codable {
        /// To this step of the new version.
        case step(String)
        /// They stay on the old version to the end.
        case finishOnOld

        private enum CodingKeys: String, CodingKey { case step, finish }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            if let s = try c.decodeIfPresent(String.self, forKey: .step) {
                self = .step(s)
            } else if try c.decodeIfPresent(Bool.self, forKey: .finish) == true {
                self = .finishOnOld
            } else {
                throw DecodingError.dataCorrupted(
                    .init(codingPath: c.codingPath, debugDescription: "expected {\"step\": id} or {\"finish\": true}"))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .step(let s): try c.encode(s, forKey: .step)
            case .finishOnOld: try c.encode(true, forKey: .finish)
            }
        }
    }

    /// Old step id → target.
    public var steps: [String: Target]

    public init(_ steps: [String: Target]) { self.steps = steps }

    /// Maps each old step to the new step of the same id, and steps the new version lacks to finish on the old one.
    public static func sameIds(from old: JourneyDefinition, to new: JourneyDefinition) -> Self {
        Self(Dictionary(uniqueKeysWithValues: old.steps.map { ($0.id, new.step($0.id) == nil ? .finishOnOld : .step($0.id)) }))
    }

    /// Checks that every old step is mapped and every target exists in `new`.
    /// - Throws: `JourneyError` naming `mapping[<old step>]`.
    public func validate(from old: JourneyDefinition, to new: JourneyDefinition) throws {
        for s in old.steps {
            guard let target = steps[s.id] else {
                throw JourneyError(field: "mapping[\(s.id)]", "is missing: say where the people at this step go")
            }
            if case .step(let id) = target, new.step(id) == nil {
                throw JourneyError(field: "mapping[\(s.id)]", "names no step of the new version (\(id))")
            }
        }
        for key in steps.keys.sorted() where old.step(key) == nil {
            throw JourneyError(field: "mapping[\(key)]", "names no step of the live version")
        }
    }
}
