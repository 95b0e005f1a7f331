import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer
import BeaconTestSupport

/// Files uploaded on the data page, over a real socket: checked as `beacon import` checks them,
/// refused files store nothing and name the line and column, progress in the import status route.
@Suite("Data page: import upload", .liveSocket)
struct ImportUploadRoutesTests {
    static let boundary = "----beacon-test-7MA4YWxkTrZu0gW"

    /// A `multipart/form-data` body as a browser writes it.
    static func body(kind: String, fileName: String, file: String, map: String? = nil) -> ByteBuffer {
        var text = "--\(boundary)\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n\(kind)\r\n"
        if let map { text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"map\"\r\n\r\n\(map)\r\n" }
        text += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n"
        text += "Content-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n"
        return ByteBuffer(string: text)
    }

    static func upload(
        _ client: some TestClientProtocol, _ body: ByteBuffer, cookie: String, origin: String = "http://localhost",
        contentType: String = "multipart/form-data; boundary=\(boundary)"
    ) async throws -> TestResponse {
        try await client.execute(
            uri: "/dashboard/data/import?ws=shop", method: .post,
            headers: [.contentType: contentType, .origin: origin, .cookie: cookie], body: body) { $0 }
    }

    @Test("A good file is imported and listed as a finished job; a refused one stores nothing and names line and column")
    func upload() async throws {
        let server = try await DashboardTestServer.make(workspace: "shop")
        let ws = try #require(server.workspace)
        try await server.app().test(.live) { client in
            let good = "InvoiceNo,CustomerID,InvoiceDate,Total\nA1,c1,2024-03-01,10.50\nA1,c1,2024-03-01,4.50\nA2,c2,2024-03-02,20\n"
            let imported = try await Self.upload(
                client, Self.body(kind: "orders", fileName: "C:\\exports\\march.csv", file: good,
                                  map: "order_id=InvoiceNo,customer_id=CustomerID,timestamp=InvoiceDate,amount=Total"),
                cookie: server.cookie)
            let page = String(buffer: imported.body)
            #expect(imported.status == .ok, "\(page)")
            #expect(page.contains("Imported march.csv") && page.contains("events stored 2"), "\(page)")
            #expect(try await server.runtime.eventLog.eventCount(in: ws.id) == 2)
            let orders = try await server.runtime.eventLog.events(in: ws.id, after: nil, limit: 10).map(\.event)
            #expect(Set(orders.map(\.messageId)) == ["order:A1", "order:A2"])
            #expect(orders.first { $0.messageId == "order:A1" }?.properties?["revenue"] == .number(15))

            let broken = "order_id,customer_id,timestamp,amount\nB1,c3,2024-03-03,5\nB2,c3,yesterday,6\nB3,c4,2024-03-04,lots\n"
            let refused = try await Self.upload(client, Self.body(kind: "orders", fileName: "april.csv", file: broken), cookie: server.cookie)
            let refusedPage = String(buffer: refused.body)
            #expect(refused.status == .unprocessableContent)
            #expect(refusedPage.contains("Nothing imported from april.csv"))
            #expect(refusedPage.contains("line 3, column") && refusedPage.contains("timestamp") && refusedPage.contains("is not a date"))
            #expect(refusedPage.contains("line 4, column") && refusedPage.contains("is not a number"), "\(refusedPage)")
            #expect(try await server.runtime.eventLog.eventCount(in: ws.id) == 2, "a refused file stores nothing")

            let events = "{\"type\":\"track\",\"userId\":\"u1\",\"event\":\"Signed Up\",\"messageId\":\"m1\",\"timestamp\":\"2024-03-05T00:00:00Z\"}\n"
            let jsonl = try await Self.upload(client, Self.body(kind: "events", fileName: "events.jsonl", file: events), cookie: server.cookie)
            #expect(jsonl.status == .ok)
            #expect(try await server.runtime.eventLog.eventCount(in: ws.id) == 3)

            // Progress and outcome through the import status route the data page polls.
            let status = try await client.execute(
                uri: "/dashboard/api/imports?ws=shop", method: .get, headers: [.cookie: server.cookie]) { $0 }
            let jobs = try JSONValue.parse(Data(buffer: status.body))["jobs"]?.arrayValue ?? []
            let byFile = Dictionary(jobs.compactMap { j in j["file"]?.stringValue.map { ($0, j) } }, uniquingKeysWith: { a, _ in a })
            #expect(byFile["march.csv"]?["state"]?.stringValue == "finished")
            #expect(byFile["april.csv"]?["state"]?.stringValue == "failed")
            #expect(byFile["events.jsonl"]?["state"]?.stringValue == "finished")
        }
    }

    @Test("Cross-site posts, other content types, a bad kind and an oversized upload are refused naming the field")
    func refusals() async throws {
        let server = try await DashboardTestServer.make(workspace: "shop")
        let ws = try #require(server.workspace)
        let file = "order_id,customer_id,timestamp,amount\nA1,c1,2024-03-01,10\n"
        // In process: a socket would be reset while the oversized body is still being sent.
        try await server.app().test(.router) { client in
            let crossSite = try await Self.upload(
                client, Self.body(kind: "orders", fileName: "a.csv", file: file), cookie: server.cookie, origin: "https://evil.example")
            #expect(crossSite.status == .forbidden)
            let form = try await Self.upload(
                client, ByteBuffer(string: "kind=orders"), cookie: server.cookie, contentType: "application/x-www-form-urlencoded")
            #expect(form.status == .unsupportedMediaType && String(buffer: form.body).contains("\"field\":\"file\""))
            let kind = try await Self.upload(client, Self.body(kind: "spend", fileName: "a.csv", file: file), cookie: server.cookie)
            #expect(kind.status == .badRequest && String(buffer: kind.body).contains("\"field\":\"kind\""))
            let truncated = Self.body(kind: "orders", fileName: "a.csv", file: file).getString(at: 0, length: 200)!
            let cut = try await Self.upload(client, ByteBuffer(string: truncated), cookie: server.cookie)
            #expect(cut.status == .badRequest && String(buffer: cut.body).contains("\"field\":\"file\""))
            let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: ImportUploadRoutes<BasicRequestContext>.maxBytes + 1)
            let tooBig = try await Self.upload(client, big, cookie: server.cookie)
            #expect(tooBig.status == .contentTooLarge && String(buffer: tooBig.body).contains("\"field\":\"file\""))
        }
        #expect(try await server.runtime.eventLog.eventCount(in: ws.id) == 0)
    }

    @Test("A multipart body is split into its named parts, quoted parameters and all")
    func multipart() throws {
        let body = Array(Self.body(kind: "orders", fileName: "C:\\a;b %22c%22.csv", file: "x,y\r\n1,2").readableBytesView)
        let form = try MultipartFormData(body: body, boundary: Self.boundary)
        #expect(form.value("kind") == "orders")
        #expect(form.part("file")?.filename == "C:\\a;b \"c\".csv")
        #expect(form.part("file")?.contentType == "text/csv")
        #expect(form.value("file") == "x,y\r\n1,2")
        #expect(MultipartFormData.boundary(contentType: "multipart/form-data; boundary=\"abc\"") == "abc")
        #expect(MultipartFormData.boundary(contentType: "text/csv") == nil)
        #expect(ImportUploadRoutes<BasicRequestContext>.safeName("../../etc/passwd") == "passwd")
    }
}
