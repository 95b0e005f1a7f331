import BeaconCore
import BeaconStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import BeaconServer

@Suite("Segment detail")
struct SegmentDetailTests {
    @Test("Daily size replays entries minus exits and carries it over quiet days")
    func sizeHistory() {
        func change(_ kind: MembershipChange.Kind, _ time: String) -> MembershipChange {
            MembershipChange(workspaceId: "w", segmentId: "s", profileId: "p", kind: kind, at: Timestamp.parse(time)!)
        }
        let changes = [
            change(.entered, "2025-03-01T10:00:00Z"), change(.entered, "2025-03-01T23:59:00Z"),
            change(.entered, "2025-03-03T08:00:00Z"), change(.exited, "2025-03-03T09:00:00Z"),
            change(.exited, "2025-03-04T00:00:00Z"),
        ]
        let days = SegmentSizeHistory.daily(changes, through: Timestamp.parse("2025-03-05T12:00:00Z")!)
        // 1 Mar: +2 → 2; 2 Mar: 2; 3 Mar: +1 −1 → 2; 4 Mar: −1 → 1; 5 Mar: 1.
        #expect(days.map(\.size) == [2, 2, 2, 1, 1])
        #expect(days.first.map { DashboardFormat.day($0.day) } == "2025-03-01")
        // The window keeps the last days, with sizes still replayed from the first change.
        let last2 = SegmentSizeHistory.daily(changes, through: Timestamp.parse("2025-03-05T12:00:00Z")!, maxDays: 2)
        #expect(last2.map(\.size) == [1, 1])
        #expect(SegmentSizeHistory.daily([], through: Date()).isEmpty)
    }

    @Test("Detail: size, revenue share, overlap and members; unknown segment is 404; list links to it")
    func detail() async throws {
        let server = try await segmentTestServer()
        let engine = server.runtime.profiles
        let ws = server.workspace!.id
        _ = try await engine.catchUp(workspaceId: ws)
        try await engine.saveSegment(workspaceId: ws, name: "Big spenders", rule: .object(["lifetime_value": .object(["gt": .number(500)])]))
        try await engine.saveSegment(workspaceId: ws, name: "Gold plan", rule: .object(["plan": .string("gold")]))
        try await server.test { client in
            let r = try await get(client, "/dashboard/segments/big-spenders?ws=demo")
            #expect(r.status == .ok)
            #expect(r.body.contains("<h1>Big spenders</h1>"))
            // 2 of 3 profiles; (900 + 700) / 1650 of the revenue.
            #expect(r.body.contains("66.7%"))
            #expect(r.body.contains("97.0%"))
            #expect(r.body.contains("$1,600"))
            // Gold plan (u1 only) shares one member: half of this segment, all of that one, Jaccard 1/2.
            #expect(r.body.contains(
                "<a href=\"/dashboard/segments/gold-plan?ws=demo\">Gold plan</a></th><td class=\"num\">1</td><td class=\"num\">50.0%</td><td class=\"num\">100.0%</td><td class=\"num\">0.50</td>"))
            #expect(r.body.contains(">Ada</a>"))
            // No recorded history yet (every change on one day): the size is replayed from
            // the events, and says so.
            #expect(r.body.contains("<title>Members of Big spenders, replayed from the event history</title>"))
            #expect(r.body.contains("Replayed from the event history until recorded changes cover 14 days"))
            #expect(r.body.contains("action=\"/dashboard/segments/big-spenders/export.csv\""))
            #expect(r.body.contains("href=\"/dashboard/segments/big-spenders/edit?ws=demo\""))
            let missing = try await get(client, "/dashboard/segments/nope?ws=demo")
            #expect(missing.status == .notFound)
            let list = try await get(client, "/dashboard/segments?ws=demo").body
            #expect(list.contains("<a href=\"/dashboard/segments/big-spenders?ws=demo\">Big spenders</a>"))
            #expect(list.contains("href=\"/dashboard/segments/new?ws=demo\""))
        }
    }

    @Test("CSV export with the chosen traits; bad trait lists and unknown segments name the field")
    func export() async throws {
        let server = try await segmentTestServer()
        let engine = server.runtime.profiles
        _ = try await engine.catchUp(workspaceId: server.workspace!.id)
        try await engine.saveSegment(
            workspaceId: server.workspace!.id, name: "Big spenders", rule: .object(["lifetime_value": .object(["gt": .number(500)])]))
        try await server.test { client in
            let r = try await get(
                client, "/dashboard/segments/big-spenders/export.csv?ws=demo&traits=lifetime_value&traits=name,plan")
            #expect(r.status == .ok)
            #expect(r.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(r.headers[.contentDisposition] == "attachment; filename=\"big-spenders.csv\"")
            let lines = r.body.split(separator: "\r\n").map(String.init)
            #expect(lines.first == "profile_id,user_id,email,external_ids,lifetime_value,name,plan")
            #expect(lines.count == 3)
            #expect(Set(lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).dropFirst(4).joined(separator: ",") })
                == ["900,Ada,gold", "700,,"])
            let many = (0...50).map { "traits=t\($0)" }.joined(separator: "&")
            for (uri, status, field) in [
                ("/dashboard/segments/big-spenders/export.csv?ws=demo", HTTPResponse.Status.badRequest, "traits"),
                ("/dashboard/segments/big-spenders/export.csv?ws=demo&traits=,", .badRequest, "traits"),
                ("/dashboard/segments/big-spenders/export.csv?ws=demo&\(many)", .badRequest, "traits"),
                ("/dashboard/segments/nope/export.csv?ws=demo&traits=name", .notFound, "id"),
            ] {
                let bad = try await client.execute(uri: uri, method: .get) { $0 }
                #expect(bad.status == status, "\(uri)")
                #expect(problem(bad)["field"] as? String == field, "\(uri)")
            }
        }
    }
}
