import BeaconCore
import Foundation
import Testing

@Suite("JSON parsing and serialisation")
struct JSONValueTests {
    @Test("Parses every JSON type")
    func parsesTypes() throws {
        let v = try JSONValue.parse(Data(#"{"a": [1, -2.5e2, true, false, null, "x"], "b": {"c": "d"}}"#.utf8))
        #expect(v["a"] == .array([.number(1), .number(-250), .bool(true), .bool(false), .null, .string("x")]))
        #expect(v["b"]?["c"] == .string("d"))
    }

    @Test("Decodes escapes, including surrogate pairs")
    func escapes() throws {
        let v = try JSONValue.parse(Data(#""a\"b\\c\/\n\t\u00e9\ud83d\ude00""#.utf8))
        #expect(v == .string("a\"b\\c/\n\té😀"))
    }

    @Test("Rejects malformed documents with a position", arguments: [
        "", "{", "{\"a\":}", "[1,]", "{\"a\" 1}", "tru", "01x", "\"unterminated", "{\"a\":1} extra",
        "\"\\ud83d\"", "\"bad \\q escape\"", "1.", "-", "{'a':1}",
    ])
    func rejects(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Data(text.utf8)) }
    }

    @Test("Deep nesting is refused, not a stack overflow")
    func deepNesting() {
        let hostile = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Data(hostile.utf8)) }
    }

    @Test("Serialises compactly with sorted keys and round-trips")
    func serialises() throws {
        let v: JSONValue = .object(["b": .number(2), "a": .array([.string("q\"\n"), .null, .bool(true), .number(0.5)])])
        #expect(v.serialized() == #"{"a":["q\"\n",null,true,0.5],"b":2}"#)
        #expect(try JSONValue.parse(Data(v.serialized().utf8)) == v)
        let awkward: JSONValue = .string("tab\there\u{01}\\ é😀 \"end\"")
        #expect(awkward.serialized() == #""tab\there\u0001\\ é😀 \"end\"""#)
        #expect(try JSONValue.parse(Data(awkward.serialized().utf8)) == awkward)
    }

    @Test("64-bit ids keep every digit; fractions, exponents, short integers and strings are untouched")
    func largeIntegers() throws {
        let text = #"{"id":820982911946154508,"n":-9007199254740993,"price":12345678901234567.5,"e":1234567890123456e2,"#
            + #""small":1099,"s":"820982911946154508 \"7777777777777777\"","a":[4611686018427387904]}"#
        let v = try JSONValue.parseKeepingLargeIntegers(Data(text.utf8))
        #expect(v["id"] == .string("820982911946154508"))
        #expect(v["n"] == .string("-9007199254740993"))
        #expect(v["price"] == .number(12345678901234567.5))
        #expect(v["e"] == .number(1234567890123456e2))
        #expect(v["small"] == .number(1099))
        #expect(v["s"] == .string(#"820982911946154508 "7777777777777777""#))
        #expect(v["a"] == .array([.string("4611686018427387904")]))
        // The plain parser rounds, which is why vendor payloads are read with the other one.
        let rounded = try #require(try JSONValue.parse(Data(text.utf8))["id"]?.doubleValue)
        #expect(String(Int64(rounded)) != "820982911946154508")
        #expect(throws: JSONParseError.self) { try JSONValue.parseKeepingLargeIntegers(Data("{\"id\":12345678901234567".utf8)) }
    }
}
