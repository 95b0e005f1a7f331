import Foundation

extension JSONValue {
    /// The largest integer a `Double` holds exactly (2⁵³): longer integer literals lose digits.
    static let exactIntegerDigits = 15

    /// Parses a JSON document, keeping integer literals of more than 15 digits as their exact
    /// text (a `.string`) instead of a rounded number.
    ///
    /// Vendors send 64-bit ids as JSON numbers (Shopify's order id 820982911946154508); read
    /// as a `Double` it would become …496, and every retry, refund and lookup would name
    /// another order. Numbers with a fraction or an exponent, and shorter integers, parse as
    /// numbers as usual.
    /// - Throws: `JSONParseError` as `parse(_:)`.
    public static func parseKeepingLargeIntegers(_ data: Data) throws -> JSONValue {
        try parse(Data(quotingLargeIntegers(Array(data))))
    }

    /// `bytes` with every integer literal longer than `exactIntegerDigits` digits, outside
    /// strings, wrapped in quotes. Leaves invalid JSON for the parser to report.
    static func quotingLargeIntegers(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var i = 0, inString = false
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), minus = UInt8(ascii: "-")
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        while i < bytes.count {
            let b = bytes[i]
            if inString {
                out.append(b)
                if b == backslash, i + 1 < bytes.count {
                    out.append(bytes[i + 1])
                    i += 2
                    continue
                }
                if b == quote { inString = false }
                i += 1
                continue
            }
            if b == quote {
                inString = true
                out.append(b)
                i += 1
                continue
            }
            if isDigit(b) || (b == minus && i + 1 < bytes.count && isDigit(bytes[i + 1])) {
                var end = b == minus ? i + 1 : i
                while end < bytes.count, isDigit(bytes[end]) { end += 1 }
                let digits = end - (b == minus ? i + 1 : i)
                let fractional =
                    end < bytes.count && [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[end])
                if digits > exactIntegerDigits, !fractional {
                    out.append(quote)
                    out.append(contentsOf: bytes[i..<end])
                    out.append(quote)
                } else {
                    out.append(contentsOf: bytes[i..<end])
                }
                i = end
                continue
            }
            out.append(b)
            i += 1
        }
        return out
    }
}
