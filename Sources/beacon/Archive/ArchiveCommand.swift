import ArgumentParser
import BeaconEngine
import Foundation

/// `beacon archive run|status`: the event log copied to an S3-compatible bucket.
struct ArchiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "archive",
        abstract: "Copy the event log to S3-compatible storage as day-partitioned gzipped NDJSON.",
        discussion: """
            Objects are named <prefix>/workspace=<id>/date=YYYY-MM-DD/<first-seq>-<last-seq>.ndjson.gz.
            One cursor per bucket, prefix and workspace is kept in the store, so a pass that is
            stopped (even killed) is redone from its last confirmed batch: no event is lost or archived twice.
            `beacon serve` does the same in the background when an endpoint is configured.
            """,
        subcommands: [Run.self, Status.self])

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Archive a workspace's events not yet archived, then stop.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @OptionGroup var archive: ArchiveOptions

        func run() async throws {
            guard let settings = try archive.settings() else {
                throw CommandError("--archive-s3-endpoint: no endpoint given (or BEACON_ARCHIVE_S3_ENDPOINT)")
            }
            let line = ProgressLine()
            let started = Date()
            let result = try await workspace.run { runtime, ws in
                let behind = try await EventArchiveStatus.all(sinkId: settings.sinkId, runtime: runtime)
                    .first { $0.workspaceId == ws.id }?.eventsBehind ?? 0
                return try await settings.archiver(runtime: runtime).archive(workspaceId: ws.id) { done in
                    line.update("archiving events", done: done, total: max(Int(behind), done))
                }
            }
            line.finish()
            let seconds = Date().timeIntervalSince(started)
            print(
                "archived \(result.events) events in \(result.objects) objects (\(result.bytes) bytes) "
                    + "to s3://\(settings.s3.bucket)/\(settings.prefix) in \(String(format: "%.1f", seconds)) s; "
                    + "archived through sequence \(result.lastSequence)")
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "How far the archive has copied each workspace's log.")
        @OptionGroup var store: StoreOptions
        @OptionGroup var archive: ArchiveOptions

        func run() async throws {
            guard let settings = try archive.settings() else {
                throw CommandError("--archive-s3-endpoint: no endpoint given (or BEACON_ARCHIVE_S3_ENDPOINT)")
            }
            let runtime = try await store.openRuntime(logger: store.makeLogger())
            let rows: [EventArchiveStatus]
            do {
                rows = try await EventArchiveStatus.all(sinkId: settings.sinkId, runtime: runtime)
            } catch {
                try? await runtime.close()
                throw error
            }
            print("archive \(settings.sinkId)")
            print("workspace\tarchived_through\tevents_archived\tevents_behind\tpending_batch\tupdated_at")
            for r in rows {
                print(
                    [
                        r.workspaceName, String(r.archivedThrough), String(r.eventsArchived), String(r.eventsBehind),
                        r.pendingThrough.map { "through \($0)" } ?? "-",
                        r.updatedAt.map { ISO8601DateFormatter().string(from: $0) } ?? "never",
                    ].joined(separator: "\t"))
            }
            try await runtime.close()
        }
    }
}
