import BeaconCore
import Testing

@Suite("CSV parsing")
struct CSVTableTests {
    @Test("Quotes, embedded delimiters, doubled quotes, line breaks, CRLF and BOM")
    func rfc4180() throws {
        let text = "\u{FEFF}id,name,note\r\n1,\"Smith, J\",\"said \"\"hi\"\"\"\r\n2,Ann,\"two\nlines\"\r\n\r\n3,,last"
        let t = CSVTable(text: text)
        #expect(t.header == ["id", "name", "note"])
        #expect(t.rows.count == 3)
        #expect(t.rows[0].fields == ["1", "Smith, J", "said \"hi\""])
        #expect(t.rows[1].fields == ["2", "Ann", "two\nlines"])
        #expect(t.rows[2].fields == ["3", "", "last"])
        #expect(t.rows.map(\.line) == [2, 3, 6])
        #expect(try t.requireColumn("NAME") == 1)
        #expect(throws: CSVError.self) { try t.requireColumn("email") }
    }

    @Test("Bad numbers name the line and column")
    func badNumber() {
        let t = CSVTable(text: "a,b\n1,2\n3,x\n")
        #expect(throws: CSVError.badValue(line: 3, column: "b", value: "x", expected: "a number")) {
            try t.rows[1].double(1, column: "b")
        }
    }
}
