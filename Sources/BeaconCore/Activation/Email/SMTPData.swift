/// The body of an SMTP `DATA` command (RFC 5321 §4.5.2): the message with CRLF line ends,
/// every line that starts with `.` given a second one (dot-stuffing, so that no line of the
/// message ends the transfer early), then the `CRLF.CRLF` end marker.
public enum SMTPData {
    public static func encode(_ message: String) -> [UInt8] {
        let normalised = message.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var out: [UInt8] = []
        out.reserveCapacity(normalised.utf8.count + 64)
        var atLineStart = true
        for b in normalised.utf8 {
            if b == UInt8(ascii: "\n") {
                out += [UInt8(ascii: "\r"), UInt8(ascii: "\n")]
                atLineStart = true
                continue
            }
            if atLineStart && b == UInt8(ascii: ".") { out.append(UInt8(ascii: ".")) }
            out.append(b)
            atLineStart = false
        }
        if !atLineStart { out += [UInt8(ascii: "\r"), UInt8(ascii: "\n")] }
        out += Array(".\r\n".utf8)
        return out
    }
}
