import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

/// `beacon journeys …`: versioned journeys (create, publish with a step mapping, dry-run,
/// roll back, pause, resume), their funnels, and the runner.
struct JourneysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journeys", abstract: "Versioned journeys: definitions, publishing, funnels and the runner.",
        subcommands: [
            Create.self, List.self, Show.self, Draft.self, Publish.self, DryRun.self, Rollback.self, Pause.self,
            Resume.self, Funnel.self, Run.self,
        ])

    /// Reads a definition from a JSON file (`-` for standard input), naming the file in errors.
    static func definition(_ path: String) throws -> JourneyDefinition {
        let bytes = try InputFile.read(path)
        let json: JSONValue
        do {
            json = try JSONValue.parse(Data(bytes))
        } catch {
            throw CommandError("\(InputFile.name(path)): not valid JSON: \(error)")
        }
        do {
            return try JourneyDefinition.decode(json, path: "definition")
        } catch let e as JourneyError {
            throw CommandError("\(InputFile.name(path)): \(e.field) \(e.reason)")
        }
    }

    /// A mapping given as `sameIds` or a JSON file.
    static func mapping(_ text: String, from old: JourneyDefinition, to new: JourneyDefinition) throws
        -> JourneyStepMapping
    {
        if text == "sameIds" { return .sameIds(from: old, to: new) }
        let json = try JSONValue.parse(Data(try InputFile.read(text)))
        return try JourneyStepMapping.decode(json, from: old, to: new)
    }

    /// The live definition and the one a publish would make live.
    static func versions(_ runtime: BeaconRuntime, _ workspaceId: String, _ id: String, _ path: String?) async throws
        -> (old: JourneyDefinition?, new: JourneyDefinition?)
    {
        let j = try await runtime.journeys.journey(workspaceId: workspaceId, id: id)
        let versions = try await runtime.journeys.versions(workspaceId: workspaceId, id: id)
        let old = versions.first { $0.version == j.liveVersion }?.definition
        let new = try path.map(definition) ?? versions.last(where: { $0.publishedAt == nil })?.definition
        return (old, new)
    }

    static func printMoves(_ moves: [JourneyService.MoveCount]) {
        for m in moves {
            let to: String
            switch m.to {
            case .step(let s): to = s
            case .finishOnOld: to = "(finish on v\(m.fromVersion))"
            }
            print("v\(m.fromVersion) \(m.fromStep)\t→ \(to)\t\(m.people) people")
        }
    }

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a draft journey from a JSON definition.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Journey name.") var name: String
        @Option(help: "The definition: a JSON file, or - for standard input.") var definition: String

        func run() async throws {
            let d = try JourneysCommand.definition(definition)
            try await workspace.run { runtime, ws in
                let j = try await runtime.journeys.create(workspaceId: ws.id, name: name, definition: d)
                print("journey: \(j.id)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List journeys.")
        @OptionGroup var workspace: WorkspaceCommandOptions

        func run() async throws {
            try await workspace.run { runtime, ws in
                for j in try await runtime.journeys.list(workspaceId: ws.id) {
                    print("\(j.id)\t\(j.name)\t\(j.status.rawValue)\t\(j.liveVersion.map { "v\($0)" } ?? "-")")
                }
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A journey's versions, as JSON.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Journey id.") var id: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                let j = try await runtime.journeys.journey(workspaceId: ws.id, id: id)
                let versions = try await runtime.journeys.versions(workspaceId: ws.id, id: id)
                print(
                    JSONValue.object([
                        "id": .string(j.id), "name": .string(j.name), "status": .string(j.status.rawValue),
                        "liveVersion": j.liveVersion.map { .number(Double($0)) } ?? .null,
                        "versions": .array(
                            versions.map {
                                .object(["version": .number(Double($0.version)), "definition": $0.definition.json])
                            }),
                    ]).serialized())
            }
        }
    }

    struct Draft: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the unpublished draft of a journey.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Journey id.") var id: String
        @Option(help: "The definition: a JSON file, or - for standard input.") var definition: String

        func run() async throws {
            let d = try JourneysCommand.definition(definition)
            try await workspace.run { runtime, ws in
                let v = try await runtime.journeys.saveDraft(workspaceId: ws.id, id: id, definition: d)
                print("draft: v\(v.version)")
            }
        }
    }

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish the draft (or --definition); over a live version --mapping says where its people go.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Journey id.") var id: String
        @Option(help: "A new definition to publish (JSON file or -) instead of the draft.") var definition: String?
        @Option(help: "sameIds, or a JSON file of old step → {\"step\": id} or {\"finish\": true}.") var mapping: String?

        func run() async throws {
            try await workspace.run { runtime, ws in
                let (old, new) = try await JourneysCommand.versions(runtime, ws.id, id, definition)
                var m: JourneyStepMapping?
                if let old, let new {
                    guard let mapping else {
                        throw CommandError("--mapping: required, the journey is live (sameIds or a JSON file)")
                    }
                    m = try JourneysCommand.mapping(mapping, from: old, to: new)
                }
                let moves = try await runtime.journeys.publish(
                    workspaceId: ws.id, id: id, definition: try definition.map(JourneysCommand.definition), mapping: m)
                JourneysCommand.printMoves(moves)
                print("published")
            }
        }
    }

    struct DryRun: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dry-run", abstract: "How many people a mapping would move from each live step.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Journey id.") var id: String
        @Option(help: "The new definition (JSON file or -) instead of the draft.") var definition: String?
        @Option(help: "sameIds, or a JSON file of old step → {\"step\": id} or {\"finish\": true}.") var mapping: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                let (old, new) = try await JourneysCommand.versions(runtime, ws.id, id, definition)
                guard let old, let new else { throw CommandError("\(id): not live, or no draft to compare with") }
                let moves = try await runtime.journeys.dryRun(
                    workspaceId: ws.id, id: id, definition: new,
                    mapping: try JourneysCommand.mapping(mapping, from: old, to: new))
                JourneysCommand.printMoves(moves)
            }
        }
    }

    struct Rollback: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make the previously published version live again, moving people by --mapping.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Journey id.") var id: String
        @Option(help: "sameIds, or a JSON file of live step → {\"step\": id} or {\"finish\": true}.") var mapping: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                let j = try await runtime.journeys.journey(workspaceId: ws.id, id: id)
                guard j.history.count >= 2 else { throw CommandError("\(id): no earlier published version") }
                let versions = try await runtime.journeys.versions(workspaceId: ws.id, id: id)
                let old = versions.first { $0.version == j.liveVersion }!.definition
                let new = versions.first { $0.version == j.history[j.history.count - 2] }!.definition
                let moves = try await runtime.journeys.rollback(
                    workspaceId: ws.id, id: id, mapping: try JourneysCommand.mapping(mapping, from: old, to: new))
                JourneysCommand.printMoves(moves)
                print("rolled back to v\(j.history[j.history.count - 2])")
            }
        }
    }

    struct Pause: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop entries and movement.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Journey id.") var id: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                try await runtime.journeys.pause(workspaceId: ws.id, id: id)
                print("paused")
            }
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run again under the resume policy (retime or skip: never a burst of overdue sends).")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Journey id.") var id: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                try await runtime.journeys.resume(workspaceId: ws.id, id: id)
                print("resumed")
            }
        }
    }

    struct Funnel: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The funnel per version and step, as CSV.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Argument(help: "Journey id.") var id: String

        func run() async throws {
            try await workspace.run { runtime, ws in
                print("version,step,entered,waiting,advanced,migrated,completed,exited,converted,failed")
                for s in try await runtime.journeys.funnel(workspaceId: ws.id, id: id) {
                    print(
                        [s.version, s.entered, s.waiting, s.advanced, s.migrated, s.completed, s.exited, s.converted,
                         s.failed].map(String.init).inserting(s.step, at: 1).joined(separator: ","))
                }
            }
        }
    }

    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the journey runner (what beacon serve runs) until stopped, or once with --once.")
        @OptionGroup var store: StoreOptions
        @Flag(help: "One pass: process every signal and due step, then stop.") var once = false
        @Option(help: "Seconds between passes.") var interval: Double = 1
        @Option(help: "Only this workspace's journeys (by name or id); all workspaces when absent.") var workspace: String?
        @Option(help: "Seconds a claimed person stays with this runner before another may take over.") var lease: Double = 60

        func validate() throws {
            guard interval > 0, interval.isFinite else { throw ValidationError("--interval must be positive") }
            guard lease > 0, lease.isFinite else { throw ValidationError("--lease must be positive") }
        }

        func run() async throws {
            let runtime = try await store.openRuntime(logger: store.makeLogger())
            var scope: Workspace?
            var workspaces: [Workspace]
            if let workspace {
                let w = try await runtime.existingWorkspace(named: workspace, option: "--workspace")
                scope = w
                workspaces = [w]
            } else {
                workspaces = try await runtime.workspaces.all()
            }
            for ws in workspaces {
                try await runtime.profiles.catchUp(workspaceId: ws.id)
            }
            let committer = runtime.committer
            let runner = JourneyRunner(
                stores: runtime.stores, audience: runtime.profiles,
                appendEvents: { batch in _ = try await committer.append(batch) }, lease: lease, workspaceId: scope?.id)
            repeat {
                let pass = try await runner.runOnce()
                if once { print("signals \(pass.signals), transitions \(pass.transitions)") }
                else { try await Task.sleep(for: .milliseconds(Int(interval * 1000))) }
            } while !once
            try await runtime.close()
        }
    }
}

extension Array where Element == String {
    fileprivate func inserting(_ s: String, at i: Int) -> [String] {
        var copy = self
        copy.insert(s, at: i)
        return copy
    }
}
