import Hummingbird

/// The dashboard's HTML forms (`application/x-www-form-urlencoded`), read one way: at most
/// 16 KB, decoded into `Form`; an unreadable body is a 400 problem naming `body`.
enum DashboardForm {
    static func decode<Form: Decodable>(_ type: Form.Type, from request: Request, what: String = "the form")
        async throws -> Form
    {
        let body = try await request.body.collect(upTo: 16 * 1024)
        do {
            return try URLEncodedFormDecoder().decode(Form.self, from: String(buffer: body))
        } catch {
            throw ProblemDetails(.badRequest, detail: "\(what) could not be read: \(error)", field: "body")
        }
    }
}
