import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

extension PrivacyCommand {
    /// `beacon privacy erase --workspace W --identifier X`: runs the erasure to its end.
    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Erase a subject from every table, derived data, export files and storage; suppress re-ingest.")
        @OptionGroup var subject: SubjectOptions

        func run() async throws {
            try await subject.workspace.withPrivacy { privacy, ws in
                let job = try await privacy.erase(workspaceId: ws.id, identifier: subject.identifier, actor: AuditActor.commandLine)
                guard job.state == .done, let r = job.report else {
                    throw CommandError("erasure \(job.id) failed: \(job.error ?? "unknown error")")
                }
                print("erasure: \(job.id) done")
                for (table, n) in r.rowsDeleted.sorted(by: { $0.key < $1.key }) { print("  \(table): \(n) rows deleted") }
                for (table, n) in r.cellsScrubbed.sorted(by: { $0.key < $1.key }) { print("  \(table): \(n) cells blanked") }
                for file in r.filesRewritten { print("  exports/\(file): rewritten") }
                print("suppression: \(job.suppressionId) (lift with 'beacon privacy suppressions lift --workspace \(subject.workspace.reference) \(job.suppressionId)')")
            }
        }
    }

    /// `beacon privacy suppress --workspace W --identifier X`.
    struct Suppress: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Drop a subject's events before storage from now on (every write key and import).")
        @OptionGroup var subject: SubjectOptions

        func run() async throws {
            try await subject.workspace.withPrivacy { privacy, ws in
                let s = try await privacy.suppress(
                    workspaceId: ws.id, identifier: subject.identifier, actor: AuditActor.commandLine)
                print("suppression: \(s.id) (\(s.identifierKinds.values.reduce(0, +)) identifiers)")
            }
        }
    }

    /// `beacon privacy suppressions list|lift`.
    struct Suppressions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List or lift suppressions.", subcommands: [List.self, Lift.self])

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Suppressed subjects (identifier kinds only).")
            @OptionGroup var workspace: WorkspaceCommandOptions

            func run() async throws {
                try await workspace.withPrivacy { privacy, ws in
                    for s in try await privacy.suppressions(workspaceId: ws.id) {
                        let kinds = s.identifierKinds.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                        print("\(s.id)\t\(s.reason)\t\(kinds.joined(separator: ","))")
                    }
                }
            }
        }

        struct Lift: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Lift a suppression: the subject's events are stored again.")
            @OptionGroup var workspace: WorkspaceCommandOptions
            @Argument(help: "Suppression id (sup_…).") var id: String

            func run() async throws {
                try await workspace.withPrivacy { privacy, ws in
                    try await privacy.liftSuppression(workspaceId: ws.id, id: id, actor: AuditActor.commandLine)
                    print("lifted: \(id)")
                }
            }
        }
    }

    /// `beacon privacy consent --workspace W --identifier X`.
    struct Consent: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A subject's consent history, oldest first.")
        @OptionGroup var subject: SubjectOptions

        func run() async throws {
            try await subject.workspace.withPrivacy { privacy, ws in
                for r in try await privacy.consent(
                    workspaceId: ws.id, identifier: subject.identifier, actor: AuditActor.commandLine
                ).records {
                    print("\(Timestamp.format(r.at))\t\(r.category)\t\(r.granted)\t\(r.source)\t\(r.policyVersion ?? "-")")
                }
            }
        }
    }
}
