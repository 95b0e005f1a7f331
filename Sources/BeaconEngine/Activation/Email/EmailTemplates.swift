import BeaconCore
import Foundation
import Mustache

/// An email destination's subject, text and HTML templates, compiled once: Mustache over
/// the profile's traits.
///
/// A template sees every trait of the profile by name (`{{first_name}}`), its computed
/// traits (`{{lifetime_value}}`), and `email`, `user_id`, `profile_id` and
/// `unsubscribe_url`. The subject and the text part are rendered without HTML escaping; the
/// HTML part escapes values (`{{{name}}}` does not).
public struct EmailTemplates: Sendable {
    let subject: MustacheTemplate
    let text: MustacheTemplate
    let html: MustacheTemplate

    /// The names every template may use besides the workspace's traits.
    public static let builtInNames: Set<String> = ["email", "user_id", "profile_id", "unsubscribe_url"]

    /// Compiles the three templates.
    /// - Parameter knownNames: when given, every name a template uses must be in it or in
    ///   `builtInNames`.
    /// - Throws: `ActivationError` naming `subject`, `text` or `html`.
    public init(_ settings: EmailSettings, knownNames: Set<String>?) throws {
        func compile(_ field: String, _ source: String, escaped: Bool) throws -> MustacheTemplate {
            let names: [String]
            do {
                names = try MustacheVariables.names(in: source)
            } catch {
                throw ActivationError(field: field, "cannot be read as a Mustache template: \(error)")
            }
            if let knownNames {
                let unknown = names.filter { !knownNames.contains($0) && !Self.builtInNames.contains($0) }
                if !unknown.isEmpty {
                    throw ActivationError(
                        field: field,
                        "refers to \(unknown.count == 1 ? "a trait" : "traits") no profile in this workspace has: "
                            + unknown.map { "{{\($0)}}" }.joined(separator: ", "))
                }
            }
            do {
                return try MustacheTemplate(string: (escaped ? "" : "{{% CONTENT_TYPE: TEXT}}") + source)
            } catch {
                throw ActivationError(field: field, "cannot be read as a Mustache template: \(error)")
            }
        }
        subject = try compile("subject", settings.subject, escaped: false)
        text = try compile("text", settings.text, escaped: false)
        html = try compile("html", settings.html, escaped: true)
    }

    /// The values a profile's templates see.
    public static func context(profile: Profile?, email: String, unsubscribeURL: String, asOf: Date) -> [String: Any] {
        var out: [String: Any] = [:]
        if let profile {
            for (name, value) in profile.computedTraits(asOf: asOf) { out[name] = plain(value) }
            for (name, value) in profile.traits { out[name] = plain(value.value) }
            out["profile_id"] = profile.id
            out["user_id"] = profile.identifier(Identifier.userId)
        }
        out["email"] = email
        out["unsubscribe_url"] = unsubscribeURL
        return out
    }

    /// A JSON value as Mustache renders it: strings and numbers as text (whole numbers
    /// without a decimal point), objects and arrays as sections.
    static func plain(_ value: JSONValue) -> Any? {
        switch value {
        case .null: return nil
        case .bool(let b): return b
        case .number(let n): return n.rounded() == n && abs(n) < 1e15 ? String(Int64(n)) : String(n)
        case .string(let s): return s
        case .array(let a): return a.compactMap(plain)
        case .object(let o): return o.compactMapValues(plain)
        }
    }

    /// The subject (one line), the text and the HTML for `context`.
    public func render(_ context: [String: Any]) -> (subject: String, text: String, html: String) {
        let line = subject.render(context).split(whereSeparator: \.isNewline).joined(separator: " ")
        return (line.trimmingCharacters(in: .whitespaces), text.render(context), html.render(context))
    }
}
