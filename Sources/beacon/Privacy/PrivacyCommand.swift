import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

/// `beacon privacy …`: data-subject export and erasure, suppressions, consent and retention.
struct PrivacyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: "Export, erase or suppress a data subject; consent history; retention of events.",
        subcommands: [Export.self, Erase.self, Suppress.self, Suppressions.self, Consent.self, Retention.self])

    /// The store, the workspace and the subject every subject command takes.
    struct SubjectOptions: ParsableArguments {
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(help: "The subject: a user id, anonymous id, email, phone or profile id.") var identifier: String

        func validate() throws {
            guard !identifier.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--identifier must not be empty")
            }
        }
    }
}

extension WorkspaceCommandOptions {
    /// `run` that also reports a `PrivacyError` as a `CommandError` naming its field.
    func withPrivacy<T>(_ body: (PrivacyService, Workspace) async throws -> T) async throws -> T {
        try await run { runtime, ws in
            do {
                return try await body(runtime.privacy, ws)
            } catch let e as PrivacyError {
                throw CommandError(e.description)
            }
        }
    }
}
