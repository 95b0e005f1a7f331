import ArgumentParser
import BeaconCore
import BeaconEngine
import BeaconStore
import Foundation

/// `beacon workspace identity-rules show|set`: a workspace's identity resolution rules.
struct IdentityRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "identity-rules",
        abstract: "Show or change which identifiers may merge profiles, per-kind limits and blocked junk values.",
        subcommands: [Show.self, Set.self])

    /// The engine and workspace named on the command line.
    static func open(_ workspace: WorkspaceCommandOptions) async throws -> (BeaconRuntime, ProfileEngine, Workspace) {
        let (runtime, ws) = try await workspace.open()
        return (runtime, runtime.profiles, ws)
    }

    static func print(_ rules: IdentityRules, _ version: IdentityRulesVersion?) {
        Swift.print(rules.json.serialized())
        if let version {
            Swift.print(
                "in force for events after sequence \(version.afterSeq) (set \(Timestamp.format(version.updatedAt)))")
        } else {
            Swift.print("defaults (never set)")
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a workspace's identity rules as JSON.")
        @OptionGroup var workspace: WorkspaceCommandOptions

        func run() async throws {
            let (runtime, engine, ws) = try await IdentityRulesCommand.open(workspace)
            let current = try await engine.identityRules(workspaceId: ws.id)
            IdentityRulesCommand.print(current.rules, current.version)
            try await runtime.close()
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a workspace's identity rules for events from now on.",
            discussion:
                "Options change the current rules; --file replaces them with a JSON document. Run `beacon rebuild` to apply the rules to past events too."
        )
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(
            help:
                "A JSON file with the whole rules document (mergeOn, limits, maxIdentifiers, blockedValues, defaultCallingCode)."
        )
        var file: String?
        @Option(
            help:
                "Comma-separated identifier kinds that may merge profiles (user_id, anonymous_id, email, phone, external, external:<type>), or 'all'."
        )
        var mergeOn: String?
        @Option(help: "A per-kind limit KIND=N, e.g. user_id=1 (repeatable; N=0 removes the limit).")
        var limit: [String] = []
        @Option(help: "An extra junk value that is never an identifier (repeatable).")
        var block: [String] = []
        @Option(help: "Remove an extra blocked value (repeatable).")
        var unblock: [String] = []
        @Option(help: "The most identifiers one profile may hold.")
        var maxIdentifiers: Int?
        @Option(help: "Calling code for phone numbers sent without '+', e.g. 44 ('none' to clear).")
        var defaultCallingCode: String?

        func run() async throws {
            let (runtime, engine, ws) = try await IdentityRulesCommand.open(workspace)
            let rules = try await edited(try await engine.identityRules(workspaceId: ws.id).rules)
            let version = try await engine.setIdentityRules(workspaceId: ws.id, rules: rules)
            IdentityRulesCommand.print(rules, version)
            try await runtime.close()
        }

        /// The new rules: the file, or the current rules with the options applied, validated
        /// as the API does; errors name the option.
        func edited(_ current: IdentityRules) async throws -> IdentityRules {
            if let file {
                guard let data = FileManager.default.contents(atPath: file) else {
                    throw ValidationError("--file: cannot read \(file)")
                }
                do {
                    return try IdentityRules.parse(try JSONValue.parse(data))
                } catch let e as IdentityRulesError {
                    throw ValidationError("--file \(file): \(e.description)")
                } catch {
                    throw ValidationError("--file \(file) is not valid JSON: \(error)")
                }
            }
            guard case .object(var o) = current.json else { return current }
            if let mergeOn {
                o["mergeOn"] =
                    mergeOn == "all"
                    ? .null
                    : .array(mergeOn.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) })
            }
            var limits = o["limits"]?.objectValue ?? [:]
            for item in limit {
                let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, let n = Int(parts[1]), n >= 0 else {
                    throw ValidationError("--limit must be KIND=N with N a whole number, got '\(item)'")
                }
                limits[parts[0]] = n == 0 ? nil : .number(Double(n))
            }
            o["limits"] = .object(limits)
            let blocked = Swift.Set((o["blockedValues"]?.arrayValue ?? []).compactMap(\.stringValue))
                .union(block).subtracting(unblock.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            o["blockedValues"] = .array(blocked.sorted().map(JSONValue.string))
            if let maxIdentifiers { o["maxIdentifiers"] = .number(Double(maxIdentifiers)) }
            if let code = defaultCallingCode { o["defaultCallingCode"] = code == "none" ? .null : .string(code) }
            do {
                return try IdentityRules.parse(.object(o))
            } catch let e as IdentityRulesError {
                let option = [
                    "mergeOn": "--merge-on", "limits": "--limit", "maxIdentifiers": "--max-identifiers",
                    "blockedValues": "--block", "defaultCallingCode": "--default-calling-code",
                ]
                let root = String(e.field.prefix { $0 != "." && $0 != "[" })
                throw ValidationError("\(option[root] ?? e.field): \(e.field) \(e.reason)")
            }
        }
    }
}
