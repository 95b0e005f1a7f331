import BeaconCore
import BeaconEngine
import Foundation
import Testing

@testable import BeaconServer

/// The UCI Online Retail file, read from `../shared/datasets/` beside the package.
private let onlineRetail: String? = {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    for _ in 0..<8 {
        let file = dir.appendingPathComponent("shared/datasets/online_retail/online_retail_2010_2011.csv.gz")
        if FileManager.default.fileExists(atPath: file.path) { return file.path }
        dir.deleteLastPathComponent()
    }
    return nil
}()

@Suite("One RFM on every surface")
struct PersonasConsistencyTests {
    @Test(
        "UCI Online Retail: beacon rfm --workspace, the RFM system segments and the Personas page give the same counts",
        .enabled(if: onlineRetail != nil, "needs ../shared/datasets/online_retail"))
    func sameCounts() async throws {
        let server = try await DashboardTestServer.make()
        let ws = try #require(server.workspace)
        let engine = try #require(server.runtime.profiles)
        // Imported as `beacon import orders` imports it (the UCI column map is the default).
        let importer = OrderFileImporter(store: server.runtime.stores.events, columns: try OrderColumnMap(parsing: nil))
        _ = try await importer.importFile(try #require(onlineRetail), workspaceId: ws.id)

        // `beacon rfm --workspace demo --as-of 2011-12-09` (the data's last day).
        let cli = try await engine.customerInsights(
            workspaceId: ws.id, asOf: try #require(WorkspaceToday.endOfDay(parsing: "2011-12-09")), personas: false)
        // The prediction refresh as of the workspace's today (its last invoice) fills the system segments.
        _ = try await engine.refreshPredictions(workspaceId: ws.id)
        try await server.test { client in
            let page = try await get(client, "/dashboard/personas?ws=demo")
            #expect(page.status == .ok)
            #expect(page.body.contains("As of 2011-12-09"))
            #expect(page.body.contains("data as of 2011-12-09"))
            var checked = 0
            for name in SystemSegments.rfmSegmentNames {
                let slug = name.lowercased().replacingOccurrences(of: "'", with: "").replacingOccurrences(
                    of: " ", with: "-")
                let members = try await engine.members(workspaceId: ws.id, segmentId: "rfm-\(slug)").count
                #expect(members == cli.count(segment: name), "\(name)")
                guard members > 0 else { continue }
                let row =
                    "<th scope=\"row\">\(name.replacingOccurrences(of: "'", with: "&#39;"))</th><td class=\"num\">\(DashboardFormat.count(members))</td>"
                let rowQuoted = row.replacingOccurrences(of: "&#39;", with: "&#x27;")
                #expect(
                    page.body.contains(row) || page.body.contains(rowQuoted)
                        || page.body.contains(row.replacingOccurrences(of: "&#39;", with: "'")), "\(name)")
                checked += 1
            }
            #expect(checked >= 8)
            #expect(cli.count(segment: "Lost") > 0)
            // A date picked on the page moves everything: fewer customers as of mid-2011.
            let earlier = try await get(client, "/dashboard/personas?ws=demo&as_of=2011-06-30")
            #expect(earlier.body.contains("As of 2011-06-30"))
        }
    }
}
