import ArgumentParser
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation

/// `beacon workspace create|list|rename|set-currency|delete|add-key|keys|revoke-key|identity-rules`.
struct WorkspaceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workspace", abstract: "Manage workspaces and write keys.",
        subcommands: [
            Create.self, List.self, Rename.self, SetCurrency.self, Delete.self, AddKey.self, IdentityRulesCommand.self, Keys.self,
            RevokeKey.self,
        ])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a workspace and print its write key (shown once).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Workspace name: letters, digits, '-', '_', '.'.") var name: String
        @Option(help: "The ISO 4217 code its amounts are in: USD, EUR, GBP, … (default USD).") var currency: String?

        func run() async throws {
            // Checked before the store is opened: a mistyped code creates no database.
            if let currency {
                do { _ = try CurrencyCode.validated(currency) } catch let error as CurrencyCodeError {
                    throw CommandError("--\(error.message)")
                }
            }
            let runtime = try await store.openRuntime(logger: store.makeLogger(), creating: true)
            defer { Task { try? await runtime.close() } }
            do {
                let (workspace, key) = try await runtime.workspaces.create(name: name, currency: currency)
                try await runtime.audit.record(
                    AuditDraft(actor: AuditActor.commandLine, action: "workspace.create", detail: workspace.name),
                    workspaceId: workspace.id)
                print("workspace \(workspace.name) (\(workspace.id)), amounts in \(workspace.currency)")
                print("write key: \(key)")
                print("Store it now: Beacon keeps only its hash and cannot show it again.")
            } catch let error as StoreError where error.code == .conflict {
                throw CommandError(error.message)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List workspaces: name, id, currency and event count, tab-separated.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let runtime = try await store.openRuntime(logger: store.makeLogger())
            for w in try await runtime.workspaces.all() {
                print("\(w.name)\t\(w.id)\t\(w.currency)\t\(try await runtime.eventLog.eventCount(in: w.id)) events")
            }
            try await runtime.close()
        }
    }

    struct Rename: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rename a workspace (its id, keys, tokens and data stay).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Current workspace name.") var name: String
        @Argument(help: "New name: letters, digits, '-', '_', '.'.") var newName: String

        func run() async throws {
            try await store.withWorkspace(name) { runtime, workspace in
                let renamed = try await runtime.workspaces.rename(workspace, to: newName)
                try await runtime.audit.record(
                    AuditDraft(actor: AuditActor.commandLine, action: "workspace.rename", detail: "\(workspace.name) → \(renamed.name)"),
                    workspaceId: workspace.id)
                print("renamed workspace \(workspace.name) to \(renamed.name) (\(renamed.id))")
            }
        }
    }

    struct SetCurrency: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "set-currency",
            abstract: "Set the currency a workspace's amounts are in (stored amounts are not converted).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Workspace name.") var name: String
        @Argument(help: "ISO 4217 code: USD, EUR, GBP, …") var currency: String

        func run() async throws {
            try await store.withWorkspace(name) { runtime, workspace in
                let changed = try await runtime.workspaces.setCurrency(of: workspace, to: currency)
                try await runtime.audit.record(
                    AuditDraft(
                        actor: AuditActor.commandLine, action: "workspace.currency",
                        detail: "\(workspace.currency) → \(changed.currency)"),
                    workspaceId: workspace.id)
                print("workspace \(changed.name): amounts in \(changed.currency) (was \(workspace.currency))")
            }
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a workspace and everything stored for it (events, profiles, segments, keys, tokens).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "Workspace name.") var name: String
        @Flag(help: "Confirm the deletion; without it, only say what would be deleted.") var yes = false

        func run() async throws {
            try await store.withWorkspace(name) { runtime, workspace in
                let events = try await runtime.eventLog.eventCount(in: workspace.id)
                guard yes else {
                    throw CommandError(
                        "--yes: deleting workspace '\(workspace.name)' removes its \(events) events and everything built from them; pass --yes to confirm")
                }
                try await runtime.workspaces.delete(workspace)
                // The chain outlives the workspace (its entries have no foreign key to it).
                try await runtime.audit.record(
                    AuditDraft(actor: AuditActor.commandLine, action: "workspace.delete", detail: "\(workspace.name), \(events) events"),
                    workspaceId: workspace.id)
                print("deleted workspace \(workspace.name) (\(workspace.id)) and its \(events) events")
            }
        }
    }

    struct AddKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add-key", abstract: "Add another write key to a workspace.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(help: "A label to tell keys apart.") var label: String = "key"

        func run() async throws {
            try await workspace.run { runtime, workspace in
                let key = try await runtime.workspaces.addWriteKey(to: workspace, label: label)
                try await runtime.audit.record(
                    AuditDraft(
                        actor: AuditActor.commandLine, action: "write-key.create",
                        detail: "key \(WriteKey.hash(key).prefix(12)) '\(label)'"),
                    workspaceId: workspace.id)
                print("write key: \(key)")
            }
        }
    }

    struct Keys: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a workspace's write keys: fingerprint, label, created (the keys themselves are not kept).")
        @OptionGroup var workspace: WorkspaceCommandOptions

        func run() async throws {
            try await workspace.run { runtime, workspace in
                for key in try await runtime.workspaces.writeKeys(of: workspace) {
                    print("\(key.fingerprint)\t\(key.label)\t\(Timestamp.format(key.createdAt))")
                }
            }
        }
    }

    struct RevokeKey: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke-key",
            abstract: "Revoke a write key by its fingerprint (from `workspace keys`); a running server stops accepting it within a minute.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "The key's fingerprint: at least 8 of the hex digits `workspace keys` shows.") var fingerprint: String

        func run() async throws {
            try await workspace.run { runtime, workspace in
                let key = try await runtime.workspaces.revokeWriteKey(of: workspace, fingerprint: fingerprint)
                try await runtime.audit.record(
                    AuditDraft(actor: AuditActor.commandLine, action: "write-key.revoke", detail: "key \(key.fingerprint) '\(key.label)'"),
                    workspaceId: workspace.id)
                print("revoked write key \(key.fingerprint) (\(key.label)) of \(workspace.name)")
            }
        }
    }
}
