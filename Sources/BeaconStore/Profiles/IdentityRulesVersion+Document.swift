import BeaconCore
import Foundation

extension IdentityRulesVersion {
    /// The stored document of the rules.
    var document: String { rules.json.serialized() }

    static func rules(_ document: String) throws -> IdentityRules {
        do {
            return try IdentityRules.parse(JSONValue.parse(Data(document.utf8)))
        } catch {
            throw StoreError(.corrupt, "stored identity rules cannot be read: \(error)")
        }
    }
}
