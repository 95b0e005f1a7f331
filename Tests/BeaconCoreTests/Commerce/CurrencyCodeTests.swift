import BeaconCore
import Foundation
import Testing

@Suite("Currency codes")
struct CurrencyCodeTests {
    @Test("ISO 4217 codes in common use are accepted in any case and trimmed")
    func accepted() throws {
        #expect(try CurrencyCode.validated("EUR") == "EUR")
        #expect(try CurrencyCode.validated(" gbp ") == "GBP")
        #expect(try CurrencyCode.validated("jpy") == "JPY")
        #expect(CurrencyCode.default == "USD")
    }

    @Test("Anything else is refused with a message naming currency", arguments: ["", "EU", "EURO", "€", "E1R", "ABC"])
    func refused(_ raw: String) {
        #expect {
            try CurrencyCode.validated(raw)
        } throws: { error in
            (error as? CurrencyCodeError)?.message.hasPrefix("currency: ") == true
        }
    }

    @Test("A workspace stored before currencies existed decodes as US dollars; one with a currency keeps it")
    func decoding() throws {
        let old = #"{"id":"w1","name":"shop","createdAt":0}"#
        #expect(try JSONDecoder().decode(Workspace.self, from: Data(old.utf8)).currency == "USD")
        let euro = Workspace(id: "w2", name: "boutique", createdAt: Date(timeIntervalSince1970: 0), currency: "EUR")
        #expect(try JSONDecoder().decode(Workspace.self, from: JSONEncoder().encode(euro)) == euro)
    }
}
