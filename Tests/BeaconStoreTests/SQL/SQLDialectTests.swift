import BeaconCore
import BeaconStore
import Testing

@Suite("SQL dialect and rows")
struct SQLDialectTests {
    @Test("PostgreSQL numbers the placeholders outside quotes; SQLite keeps them")
    func placeholders() {
        let sql = "SELECT 'what?', \"odd?name\" FROM t WHERE a = ? AND b IN (?, ?)"
        #expect(
            SQLDialect.postgres.placeholders(sql)
                == "SELECT 'what?', \"odd?name\" FROM t WHERE a = $1 AND b IN ($2, $3)")
        #expect(SQLDialect.sqlite.placeholders(sql) == sql)
    }

    @Test("a row is read by column name; a missing column or another kind of value names the column")
    func rowsByName() throws {
        let row = SQLRow(["name": .text("shop"), "created_at": .integer(1_700_000_000_123), "error": .null])
        #expect(try row.string("name") == "shop")
        #expect(try row.date("created_at").timeIntervalSince1970 == 1_700_000_000.123)
        #expect(try row.optionalString("error") == nil)
        let missing = try #require(throws: StoreError.self) { try row.string("label") }
        #expect(missing.message.contains("'label'"))
        let mismatch = try #require(throws: StoreError.self) { try row.int64("name") }
        #expect(mismatch.code == .corrupt && mismatch.message.contains("'name'"))
    }
}
