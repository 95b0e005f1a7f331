import BeaconEngine
import BeaconCore
import BeaconStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite("Dashboard sign-in")
struct DashboardAuthTests {
    static func form(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-_.~")
        let body = fields.map { "\($0)=\($1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        return ByteBuffer(string: body)
    }

    static let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .origin: "http://localhost"]

    @Test("Without a session: pages redirect to sign-in keeping the target, JSON gets a 401 naming the cookie")
    func anonymous() async throws {
        let server = try await DashboardTestServer.make()
        try await server.app().test(.router) { client in
            let page = try await client.execute(uri: "/dashboard/segments?ws=demo", method: .get) { $0 }
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login?next=%2Fdashboard%2Fsegments%3Fws%3Ddemo")
            let api = try await client.execute(uri: "/dashboard/api/mmm?ws=demo", method: .get) { $0 }
            #expect(api.status == .unauthorized)
            #expect(String(buffer: api.body).contains("\"field\":\"beacon_session\""))
            let forged = try await client.execute(
                uri: "/dashboard", method: .get, headers: [.cookie: "beacon_session=bs_" + String(repeating: "a", count: 64)]
            ) { $0 }
            #expect(forged.status == .seeOther, "an unknown session is no session")
            // Assets, health and the tracking API stay open.
            #expect(try await client.execute(uri: "/dashboard/assets/dashboard.css", method: .get) { $0.status } == .ok)
            #expect(try await client.execute(uri: "/healthz", method: .get) { $0.status } == .ok)
            let login = try await client.execute(uri: "/login?next=/dashboard/data", method: .get) { $0 }
            #expect(login.status == .ok)
            let html = String(buffer: login.body)
            #expect(html.contains("<label for=\"password\">Password</label>"))
            #expect(html.contains("name=\"next\" value=\"/dashboard/data\""))
        }
    }

    @Test("Signing in sets a Secure, HttpOnly, SameSite=Strict cookie that opens the dashboard; signing out ends it")
    func signInOut() async throws {
        let server = try await DashboardTestServer.make()
        let users = server.runtime.users
        try await users.createUser(email: "ada@example.com", name: "Ada", password: "a good password", role: .admin)
        try await server.app().test(.router) { client in
            let wrong = try await client.execute(
                uri: "/login", method: .post, headers: Self.formHeaders,
                body: Self.form([("email", "ada@example.com"), ("password", "not it at all"), ("next", "/dashboard")])
            ) { $0 }
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers[.setCookie] == nil)
            #expect(String(buffer: wrong.body).contains("That email and password do not match."))
            #expect(String(buffer: wrong.body).contains("value=\"ada@example.com\""), "the email is kept in the form")

            let ok = try await client.execute(
                uri: "/login", method: .post, headers: Self.formHeaders,
                body: Self.form([("email", "ADA@example.com"), ("password", "a good password"), ("next", "/dashboard/data?ws=demo")])
            ) { $0 }
            #expect(ok.status == .seeOther)
            #expect(ok.headers[.location] == "/dashboard/data?ws=demo")
            let setCookie = try #require(ok.headers[.setCookie])
            for attribute in ["beacon_session=bs_", "HttpOnly", "Secure", "SameSite=Strict", "Path=/", "Max-Age=604800"] {
                #expect(setCookie.contains(attribute), "\(attribute) in \(setCookie)")
            }
            let cookie = String(setCookie.split(separator: ";")[0])
            let page = try await client.execute(uri: "/dashboard/data", method: .get, headers: [.cookie: cookie]) { $0 }
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("title=\"ada@example.com: account\">Ada</a>"))

            let out = try await client.execute(
                uri: "/logout", method: .post, headers: [.cookie: cookie, .origin: "http://localhost"]) { $0 }
            #expect(out.status == .seeOther && out.headers[.location] == "/login")
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            let after = try await client.execute(uri: "/dashboard/data", method: .get, headers: [.cookie: cookie]) { $0 }
            #expect(after.status == .seeOther, "the session is gone on the server, not only in the browser")
        }
    }

    @Test("Cross-origin writes are refused; redirects stay inside the dashboard")
    func forgeryAndRedirects() async throws {
        let server = try await DashboardTestServer.make()
        try await server.runtime.users.createUser(email: "bo@example.com", name: "Bo", password: "a good password", role: .admin)
        try await server.app().test(.router) { client in
            let body = #"{"ws":"demo","budgets":{}}"#
            for origin in ["https://evil.example", "http://localhost.evil.example", "null"] {
                let r = try await client.execute(
                    uri: "/dashboard/api/whatif?ws=demo", method: .post,
                    headers: [.cookie: server.cookie, .origin: origin, .contentType: "application/json"],
                    body: ByteBuffer(string: body)) { $0 }
                #expect(r.status == .forbidden, "\(origin)")
                #expect(String(buffer: r.body).contains("\"field\":\"Origin\""))
            }
            let noOrigin = try await client.execute(
                uri: "/logout", method: .post, headers: [.cookie: server.cookie]) { $0 }
            #expect(noOrigin.status == .forbidden, "a write without Origin or Sec-Fetch-Site is not from our page")
            let loginElsewhere = try await client.execute(
                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .origin: "https://evil.example"],
                body: Self.form([("email", "bo@example.com"), ("password", "a good password")])) { $0 }
            #expect(loginElsewhere.status == .forbidden, "login CSRF")
            for target in ["https://evil.example/", "//evil.example", "/\\evil.example", "/dashboard//evil", "/api/profiles"] {
                let r = try await client.execute(
                    uri: "/login", method: .post, headers: Self.formHeaders,
                    body: Self.form([("email", "bo@example.com"), ("password", "a good password"), ("next", target)])) { $0 }
                #expect(r.headers[.location] == "/dashboard", "\(target)")
            }
        }
        #expect(LoginController<BasicRequestContext>.safeNext("/dashboard/customers?q=a") == "/dashboard/customers?q=a")
    }

    @Test("Origin matching and loopback detection, IPv6 and proxies included")
    func originRules() {
        typealias M = DashboardAuthMiddleware<BasicRequestContext>
        func request(_ authority: String, _ headers: HTTPFields = [:]) -> Request {
            Request(
                head: HTTPRequest(method: .post, scheme: "http", authority: authority, path: "/login", headerFields: headers),
                body: .init(buffer: ByteBuffer()))
        }
        #expect(M.isSameOrigin(request("127.0.0.1:8080", [.origin: "http://127.0.0.1:8080"])))
        #expect(!M.isSameOrigin(request("127.0.0.1:8080", [.origin: "http://127.0.0.1:9090"])))
        #expect(M.isSameOrigin(request("beacon.example.com:8080", [.origin: "https://beacon.example.com"])), "TLS proxy")
        #expect(!M.isSameOrigin(request("beacon.example.com", [.origin: "https://beacon.example.com.evil.io"])))
        #expect(M.isSameOrigin(request("[::1]:8080", [.origin: "http://[::1]:8080"])))
        #expect(M.isSameOrigin(request("x:1", [HTTPField.Name("Sec-Fetch-Site")!: "same-origin"])))
        #expect(!M.isSameOrigin(request("x:1", [HTTPField.Name("Sec-Fetch-Site")!: "cross-site"])))
        // A form posted under a no-referrer policy carries `Origin: null`; the fetch metadata decides.
        #expect(M.isSameOrigin(request("x:1", [.origin: "null", HTTPField.Name("Sec-Fetch-Site")!: "same-origin"])))
        #expect(!M.isSameOrigin(request("x:1", [.origin: "null"])))
        #expect(M.isLoopback(request("127.0.0.1:8080")) && M.isLoopback(request("localhost")) && M.isLoopback(request("[::1]:80")))
        #expect(!M.isLoopback(request("10.0.0.5:8080")) && !M.isLoopback(request("beacon.example.com")))
    }

    @Test("A member sees only granted workspaces; others are indistinguishable from missing ones")
    func memberScope() async throws {
        let server = try await DashboardTestServer.make(workspace: "demo")
        let (other, _) = try await server.runtime.workspaces.create(name: "secret-shop")
        let cookie = try await DashboardTestServer.signedInCookie(server.runtime, role: .member)
        let users = server.runtime.users
        let member = try #require(try await users.store.listUsers().first { $0.role == .member })
        try await users.store.grantWorkspace(userId: member.id, workspaceId: server.workspace!.id)
        try await server.app().test(.router) { client in
            let page = String(buffer: try await client.execute(uri: "/dashboard/data", method: .get, headers: [.cookie: cookie]) { $0.body })
            #expect(page.contains("<option value=\"demo\" selected>"))
            #expect(!page.contains("secret-shop"), "the switcher lists granted workspaces only")
            let hidden = try await client.execute(uri: "/dashboard?ws=secret-shop", method: .get, headers: [.cookie: cookie]) { $0 }
            #expect(hidden.status == .notFound)
            #expect(String(buffer: hidden.body).contains("there is no workspace named 'secret-shop'"))
            let admin = String(buffer: try await client.execute(uri: "/dashboard/data", method: .get, headers: [.cookie: server.cookie]) { $0.body })
            #expect(admin.contains("secret-shop"), "an admin sees every workspace")
        }
        _ = other
    }

    @Test("Five wrong passwords lock the email for a while with 429 and Retry-After")
    func throttled() async throws {
        let server = try await DashboardTestServer.make(workspace: nil)
        try await server.runtime.users.createUser(email: "cy@example.com", name: "Cy", password: "a good password", role: .admin)
        try await server.app().test(.router) { client in
            for _ in 0..<5 {
                let r = try await client.execute(
                    uri: "/login", method: .post, headers: Self.formHeaders,
                    body: Self.form([("email", "cy@example.com"), ("password", "wrong password")])) { $0.status }
                #expect(r == .unauthorized)
            }
            let locked = try await client.execute(
                uri: "/login", method: .post, headers: Self.formHeaders,
                body: Self.form([("email", "cy@example.com"), ("password", "a good password")])) { $0 }
            #expect(locked.status == .tooManyRequests)
            #expect(Int(locked.headers[.retryAfter] ?? "") ?? 0 > 800)
            #expect(locked.headers[.setCookie] == nil)
        }
    }
}
