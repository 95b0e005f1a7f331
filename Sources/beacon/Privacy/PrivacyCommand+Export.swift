import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

extension PrivacyCommand {
    /// `beacon privacy export --workspace W --identifier X [--format json|csv] [--output PATH]`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Everything stored about a subject: profile, identities, events, consent, memberships, deliveries.")
        @OptionGroup var subject: SubjectOptions
        @Option(help: "json or csv (one line per cell: section,table,row,column,value).") var format = "json"
        @Option(help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard format == "json" || format == "csv" else { throw ValidationError("--format must be json or csv, got '\(format)'") }
        }

        func run() async throws {
            try await subject.workspace.withPrivacy { privacy, ws in
                let export = try await privacy.export(
                    workspaceId: ws.id, identifier: subject.identifier, actor: AuditActor.commandLine)
                let text = format == "csv" ? export.csv : export.json.serialized() + "\n"
                if let output {
                    do {
                        try Data(text.utf8).write(to: URL(fileURLWithPath: output))
                    } catch {
                        throw CommandError("--output: cannot write '\(output)': \(error.localizedDescription)")
                    }
                } else {
                    FileHandle.standardOutput.write(Data(text.utf8))
                }
            }
        }
    }
}
