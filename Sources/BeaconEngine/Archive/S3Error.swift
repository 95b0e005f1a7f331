/// A request an S3-compatible store refused or could not answer, with the store's own code.
///
/// S3 answers failures with an XML body (`<Error><Code>NoSuchBucket</Code><Message>…`); the
/// code and message are kept so a log line says what went wrong (`SignatureDoesNotMatch`: the
/// secret key is wrong; `NoSuchBucket`: the bucket name is). Transport failures (refused
/// connection, timeout) have status 0 and code `Unreachable`.
public struct S3Error: Error, CustomStringConvertible, Sendable, Equatable {
    /// The operation and object (`PUT bucket/key`).
    public var operation: String
    /// The HTTP status, or 0 when no answer came.
    public var status: Int
    /// S3's error code (`NoSuchKey`, `AccessDenied`, `PreconditionFailed`, …).
    public var code: String
    public var message: String

    public init(operation: String, status: Int, code: String, message: String) {
        self.operation = operation
        self.status = status
        self.code = code
        self.message = message
    }

    /// The error an answer's status and XML body describe.
    init(operation: String, status: Int, body: [UInt8]) {
        let xml = String(decoding: body.prefix(8_192), as: UTF8.self)[...]
        let code = S3XML.value("Code", in: xml) ?? S3Error.fallbackCode(status)
        let message = S3XML.value("Message", in: xml) ?? (xml.isEmpty ? "no error body" : String(xml.prefix(200)))
        self.init(operation: operation, status: status, code: code, message: message)
    }

    static func fallbackCode(_ status: Int) -> String {
        switch status {
        case 403: return "AccessDenied"
        case 404: return "NotFound"
        case 412: return "PreconditionFailed"
        default: return "HTTP\(status)"
        }
    }

    public var description: String {
        status == 0
            ? "S3 \(operation): \(code): \(message)"
            : "S3 \(operation): \(status) \(code): \(message)"
    }
}
