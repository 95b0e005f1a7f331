import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation
import Testing

@Suite("Import job recorder")
struct ImportJobRecorderTests {
    @Test("An import is recorded running, updated per chunk, then finished with the report's counts")
    func recordsProgress() async throws {
        let store = try await makeSQLiteStore()
        let jobs = store.importJobs
        let ws = try await store.workspaces.createWorkspace(name: "shop")
        // 5 events, one bad line; chunks of 2 events give progress reports along the way.
        var lines = (1...5).map { #"{"type":"track","userId":"u\#($0)","event":"Viewed","timestamp":"2025-03-01T10:00:00Z"}"# }
        lines.insert("not json", at: 2)
        let path = try temporaryFile(lines.joined(separator: "\n"))
        let recorder = try await ImportJobRecorder(store: store.importJobs, workspaceId: ws.id, kind: .events, file: path)
        let id = await recorder.job.id
        let started = try #require(try await jobs.importJob(workspaceId: ws.id, id: id))
        #expect(started.state == .running && started.rowsRead == 0)
        #expect(started.fileName == URL(fileURLWithPath: path).lastPathComponent)

        let seen = SeenJobs()
        let importer = {
            var i = EventFileImporter(store: store.events)
            i.chunkSize = 2
            i.maxErrors = 1
            return i
        }()
        let report = try await recorder.run { record in
            try await importer.importFile(path, workspaceId: ws.id) { p in
                await record(p)
                // What the dashboard would read right now.
                if let job = try? await jobs.importJob(workspaceId: ws.id, id: id) { await seen.add(job) }
            }
        }
        let progress = await seen.jobs
        #expect(progress.count >= 3)
        #expect(progress.allSatisfy { $0.state == .running })
        #expect(progress.map(\.eventsStored) == progress.map(\.eventsStored).sorted())
        #expect(progress.first?.eventsStored == 2)
        let done = try #require(try await jobs.importJob(workspaceId: ws.id, id: id))
        #expect(done.state == .finished && done.finishedAt != nil && done.fraction == 1)
        #expect(done.rowsRead == report.rowsRead && report.rowsRead == 6)
        #expect(done.rowsSkipped == 1 && done.eventsStored == 5)
    }

    @Test("A failing import is recorded failed with its error, and the error still reaches the caller")
    func recordsFailure() async throws {
        let store = try await makeSQLiteStore()
        let jobs = store.importJobs
        let ws = try await store.workspaces.createWorkspace(name: "shop")
        let recorder = try await ImportJobRecorder(store: store.importJobs, workspaceId: ws.id, kind: .orders, file: "/nonexistent/orders.csv")
        let importer = OrderFileImporter(store: store.events, columns: try OrderColumnMap(parsing: nil))
        await #expect(throws: ImportError.self) {
            _ = try await recorder.run { record in
                try await importer.importFile("/nonexistent/orders.csv", workspaceId: ws.id) { await record($0) }
            }
        }
        let job = try #require(try await jobs.importJobs(workspaceId: ws.id, limit: 5).first)
        #expect(job.state == .failed)
        #expect(job.error == "cannot read file '/nonexistent/orders.csv'")
        #expect(job.fileName == "orders.csv" && job.kind == .orders)
    }
}

/// Jobs observed from the progress callback.
actor SeenJobs {
    var jobs: [ImportJob] = []
    func add(_ job: ImportJob) { jobs.append(job) }
}
