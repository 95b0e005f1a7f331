/// The image header of a PNG file: its signature and first chunk, IHDR (PNG specification,
/// ISO/IEC 15948 §11.2.2), read without decoding the image.
///
/// Enough to tell a rendered page from an empty or truncated file: nil when the eight-byte
/// signature is wrong, or the first chunk is not a 13-byte IHDR.
struct PNGHeader: Equatable {
    var width: Int
    var height: Int
    var bitDepth: Int
    /// 0 grey, 2 RGB, 3 palette, 4 grey with alpha, 6 RGB with alpha.
    var colourType: Int

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    init?(_ bytes: [UInt8]) {
        // signature (8), chunk length (4), "IHDR" (4), width (4), height (4), bit depth, colour type, …
        guard bytes.count >= 8 + 8 + 13, Array(bytes[0..<8]) == Self.signature,
            Self.uint32(bytes, at: 8) == 13, Array(bytes[12..<16]) == Array("IHDR".utf8)
        else { return nil }
        width = Self.uint32(bytes, at: 16)
        height = Self.uint32(bytes, at: 20)
        bitDepth = Int(bytes[24])
        colourType = Int(bytes[25])
    }

    /// The big-endian unsigned 32-bit integer at `offset` (PNG stores every integer so).
    static func uint32(_ bytes: [UInt8], at offset: Int) -> Int {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
    }
}
