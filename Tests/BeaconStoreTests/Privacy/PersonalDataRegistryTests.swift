import BeaconCore
import BeaconStore
import Foundation
import Testing

/// The personal-data registry against the live schema of each backend: every table and every
/// column the migrations create is registered with a role, and nothing registered is missing.
@Suite("Personal-data registry")
struct PersonalDataRegistryTests {
    /// Table → columns as the database itself reports them.
    static func liveSchema(_ stores: Stores, _ backend: StoreBackend) async throws -> [String: Set<String>] {
        let driver = try #require((stores.lifecycle as? any SQLBackend)?.driver)
        var out: [String: Set<String>] = [:]
        switch backend {
        case .sqlite:
            for t in try await driver.query("SELECT name FROM sqlite_master WHERE type = 'table'", []) {
                let name = try t.string("name")
                for c in try await driver.query("SELECT name FROM pragma_table_info(?)", [.text(name)]) {
                    out[name, default: []].insert(try c.string("name"))
                }
            }
        case .postgres:
            let rows = try await driver.query(
                "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()", [])
            for r in rows { out[try r.string("table_name"), default: []].insert(try r.string("column_name")) }
        }
        return out.filter { !PersonalDataRegistry.systemTables.contains($0.key) }
    }

    @Test("Every live table and column is registered, and every registered one exists", arguments: StoreBackend.available)
    func registryCoversSchema(backend: StoreBackend) async throws {
        let stores = try await backend.open()
        let live = try await Self.liveSchema(stores, backend)
        #expect(live.count >= 25)
        for (table, columns) in live.sorted(by: { $0.key < $1.key }) {
            let registered = PersonalDataRegistry.table(table)
            #expect(registered != nil, "table '\(table)' is not in PersonalDataRegistry: register what its columns hold")
            guard let registered else { continue }
            let known = Set(registered.columns.keys)
            #expect(columns.subtracting(known).isEmpty, "\(table): unregistered columns \(columns.subtracting(known).sorted())")
            #expect(known.subtracting(columns).isEmpty, "\(table): registered columns not in the schema \(known.subtracting(columns).sorted())")
        }
        for t in PersonalDataRegistry.tables { #expect(live[t.name] != nil, "registered table '\(t.name)' does not exist") }
        try await stores.close()
    }

    @Test("Every table holding identifiers, profile ids or documents about people is exported and erased")
    func personalColumnsAreLocated() {
        for t in PersonalDataRegistry.tables {
            let personal = t.columns.values.contains { [.identifier, .profileId, .document, .searchedDocument, .freeText].contains($0) }
            if personal {
                #expect(t.holding.section != nil, "\(t.name) holds personal data but is neither a subject nor a derived table")
            }
            if t.columns.values.contains(.document) || t.columns.values.contains(.searchedDocument) {
                #expect(!t.identifierColumns.isEmpty || !t.profileIdColumns.isEmpty,
                        "\(t.name) has a document but no column that finds its subject")
            }
        }
    }
}
