import BeaconCore
import BeaconEngine
import BeaconStore
import BeaconTestSupport
import Foundation
import Logging

/// The store backends the privacy tests run against: SQLite always, PostgreSQL when
/// `BEACON_TEST_POSTGRES_URL` is set.
enum PrivacyBackend: String, CaseIterable, Sendable {
    case sqlite, postgres

    static var available: [PrivacyBackend] { !TestPostgres.isAvailable ? [.sqlite] : [.sqlite, .postgres] }

    /// A runtime over a fresh store whose data directory (SQLite file, `exports/`) is `dir`;
    /// `encrypted` seals the profile tables' personal fields.
    /// On PostgreSQL the database is the test file's (`TestPostgres`).
    func runtime(dataDirectory dir: URL, encrypted: Bool = false, file: String = #fileID) async throws -> BeaconRuntime {
        let box = SecretBox.random()
        let stores = try await StoreFactory.open(
            databaseURL: self == .postgres ? try await TestPostgres.url(file: file) : nil, dataDirectory: dir.path, logger: Logger(label: "test"))
        return BeaconRuntime(stores: stores, secrets: { box }, dataDirectory: dir.path, personalDataEncryption: encrypted)
    }
}

/// One person's canary values: each unique, so finding it anywhere means their data is there.
struct CanarySubject {
    let tag: String
    let email: String
    let userId: String
    let anonymousIds: [String]
    let phone: String
    let trait: String
    let note: String

    init(_ tag: String) {
        let u = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        self.tag = tag
        email = "Canary.\(tag).\(u.prefix(10))@Example.org"
        userId = "usr-\(tag)-\(u.prefix(12))"
        anonymousIds = ["anon-\(tag)-\(u.suffix(10))", "anon2-\(tag)-\(u.dropFirst(5).prefix(10))"]
        phone = "+4479" + String(u.compactMap { $0.wholeNumberValue }.map(String.init).joined().prefix(8)).padding(toLength: 8, withPad: "7", startingAt: 0)
        trait = "trait-\(tag)-\(u.dropFirst(3).prefix(12))"
        note = "free text \(tag) says héllo/\(u.dropFirst(7).prefix(9))"
    }

    /// Every canary value.
    var values: [String] { [email, userId, phone, trait, note] + anonymousIds }

    /// The forms a value may be stored in: as written, lower-cased, JSON-escaped,
    /// URL-encoded and base64.
    static func forms(_ value: String) -> Set<String> {
        let json = String(JSONValue.string(value).serialized().dropFirst().dropLast())
        let url = value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? value
        return [value, value.lowercased(), json, url, Data(value.utf8).base64EncodedString()]
    }
}

/// Every regular file under `dir`, read whole.
func filesUnder(_ dir: URL) throws -> [(path: String, bytes: Data)] {
    var out: [(String, Data)] = []
    guard let walker = FileManager.default.enumerator(at: dir, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
    for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
        out.append((url.path, try Data(contentsOf: url)))
    }
    return out
}

/// The forms of `values` found in `blobs`, as `form in path`.
func occurrences(of values: [String], in blobs: [(path: String, bytes: Data)]) -> [String] {
    var found: [String] = []
    for v in values {
        for form in CanarySubject.forms(v) {
            let needle = Data(form.utf8)
            for b in blobs where b.bytes.range(of: needle) != nil { found.append("'\(form)' in \(b.path)") }
        }
    }
    return found
}
