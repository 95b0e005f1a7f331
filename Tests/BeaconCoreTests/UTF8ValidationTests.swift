import BeaconCore
import Testing

@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    @Test("Well-formed text, including 4-byte scalars, passes")
    func wellFormed() {
        #expect(UTF8Validation.firstInvalid(in: Array("héllo\n😀 ok\r\n".utf8)) == nil)
    }

    @Test(
        "Ill-formed sequences are found with line and column",
        arguments: [
            ([0x61, 0x0A, 0x62, 0xE9, 0x63], 3, 2, 2),  // Latin-1 é on line 2, column 2
            ([0xC0, 0xAF], 0, 1, 1),  // overlong "/"
            ([0xED, 0xA0, 0x80], 0, 1, 1),  // surrogate U+D800
            ([0xF4, 0x90, 0x80, 0x80], 0, 1, 1),  // above U+10FFFF
            ([0x61, 0xE2, 0x82], 1, 1, 2),  // truncated euro sign at the end
            ([0xC3, 0xA9, 0xFF], 2, 1, 2),  // 0xFF after é
        ] as [([UInt8], Int, Int, Int)])
    func illFormed(_ example: ([UInt8], Int, Int, Int)) {
        let (bytes, offset, line, column) = example
        let position = UTF8Validation.firstInvalid(in: bytes)
        #expect(position?.offset == offset)
        #expect(position?.line == line)
        #expect(position?.column == column)
    }
}
