import BeaconCore
import Foundation

/// The columns of one profile's rows as stored: in clear, or sealed and blind-indexed when the
/// store's personal fields are protected (`PersonalFieldKeys`).
///
/// Protected, `profiles.document` (identifiers, email, name, traits) is sealed, `profiles.email`
/// and `profile_identifiers.value` hold blind indexes, so look-ups by a whole identifier or email
/// still work, and `profiles.name_key` is left empty (no search by name).
struct ProfileRowFields {
    var document: String
    var email: String?
    var nameKey: String?
    let keys: PersonalFieldKeys?

    init(_ p: Profile, keys: PersonalFieldKeys?) throws {
        self.keys = keys
        let text = ProfileDocument.text(of: p)
        guard let keys else {
            document = text
            email = ProfileCoding.key(p.email)
            nameKey = ProfileCoding.key(p.name)
            return
        }
        document = try keys.seal(text)
        email = ProfileCoding.key(p.email).map(keys.index)
        nameKey = nil
    }

    /// An identifier value as `profile_identifiers.value` holds it.
    func identifier(_ value: String) -> String { keys?.index(value) ?? value }

    /// The profile a stored document holds, opened first when sealed.
    static func profile(from stored: String, keys: PersonalFieldKeys?) throws -> Profile {
        try ProfileDocument.profile(from: try keys?.open(stored) ?? stored)
    }
}
