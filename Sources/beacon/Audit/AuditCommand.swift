import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

/// `beacon audit verify|log|head`: check the hash-chained audit log, read it, export its signed head.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Verify, read and export the tamper-evident audit log.",
        subcommands: [Verify.self, Log.self, Head.self])

    /// The chain a `--workspace` names: a workspace's, or `installation` for users and sign-ins.
    static func chain(_ name: String, runtime: BeaconRuntime) async throws -> String {
        if name == AuditLog.installationChain { return name }
        return try await runtime.existingWorkspace(named: name, option: "--workspace").id
    }

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every entry's hash and link; with --head, also that the chain still reaches an exported head.",
            discussion: """
                Exits 0 and prints 'intact' when the chain is whole; otherwise prints the first bad sequence number \
                and why (modified, deleted, reordered, inserted, truncated) and exits 1.
                """)
        @OptionGroup var store: StoreOptions
        @Option(help: "Workspace name, or 'installation' for users and sign-ins.") var workspace: String
        @Option(help: "A head file written by `beacon audit head` (or the server's periodic export).") var head: String?

        func run() async throws {
            let runtime = try await store.openRuntime(logger: store.makeLogger())
            let report: AuditVerifier.Report
            do {
                let chain = try await AuditCommand.chain(workspace, runtime: runtime)
                let signed = try head.map(AuditLog.readHead(path:))
                report = try await runtime.audit.verify(workspaceId: chain, head: signed)
                try await runtime.close()
            } catch let e as AuditError {
                try? await runtime.close()
                throw CommandError("\(e.field == "head" ? "--head" : e.field): \(e.message)")
            } catch {
                try? await runtime.close()
                throw error
            }
            if let bad = report.firstBadSequence {
                print("BROKEN at entry \(bad): \(report.problem ?? "")")
                throw ExitCode(1)
            }
            print("intact: \(report.checked) entries" + (head == nil ? "" : ", reaching the exported head"))
        }
    }

    struct Log: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print audit entries, oldest first: with --profile, who read or changed that profile.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Workspace name, or 'installation'.") var workspace: String
        @Option(help: "A profile id (works after the profile was erased).") var profile: String?
        @Option(help: "Only entries by this actor (user:<id>, token:<fingerprint>, cli:<name>).") var actor: String?
        @Option(help: "From this ISO-8601 time (inclusive).") var from: String?
        @Option(help: "To this ISO-8601 time (exclusive).") var to: String?
        @Option(help: "At most this many entries.") var limit: Int = 1_000
        @Option(help: "Output: text or json.") var format: OutputFormat = .text

        func validate() throws {
            for (name, value) in [("--from", from), ("--to", to)] {
                if let value, Timestamp.parse(value) == nil {
                    throw ValidationError("\(name): '\(value)' is not an ISO-8601 time such as 2026-01-31T00:00:00Z")
                }
            }
            guard limit > 0 else { throw ValidationError("--limit must be positive, got \(limit)") }
            try format.check([.text, .json])
        }

        func run() async throws {
            let runtime = try await store.openRuntime(logger: store.makeLogger())
            let chain = try await AuditCommand.chain(workspace, runtime: runtime)
            let subject = try await profile.asyncMap { try await runtime.audit.subjectReference(workspaceId: chain, profileId: $0) }
            let entries = try await runtime.audit.store.entries(
                workspaceId: chain, subject: subject, actor: actor, from: from.flatMap { Timestamp.parse($0) },
                to: to.flatMap { Timestamp.parse($0) }, limit: limit)
            try await runtime.close()
            if format == .json {
                let encoder = JSONEncoder()
                encoder.dateEncodingStrategy = .iso8601
                encoder.outputFormatting = [.sortedKeys]
                for e in entries { print(String(decoding: try encoder.encode(e), as: UTF8.self)) }
            } else {
                for e in entries {
                    print("\(e.sequence)\t\(Timestamp.format(e.at))\t\(e.actor)\t\(e.action)\t\(e.subject ?? "-")\t\(e.detail)")
                }
            }
        }
    }

    struct Head: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Sign the chain's current head (Ed25519, key from BEACON_AUDIT_SIGNING_KEY[_FILE]) and write it to a file.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Workspace name, or 'installation'.") var workspace: String
        @Option(help: "The file to write; keep it away from the database.") var output: String

        func run() async throws {
            let runtime = try await store.openRuntime(logger: store.makeLogger())
            let chain = try await AuditCommand.chain(workspace, runtime: runtime)
            let head = try await runtime.audit.exportHead(workspaceId: chain, to: output)
            try await runtime.close()
            print("head of \(workspace): entry \(head.sequence), \(head.hash) signed \(Timestamp.format(head.signedAt)) → \(output)")
        }
    }
}

extension Optional {
    fileprivate func asyncMap<T>(_ body: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await body(value)
    }
}
