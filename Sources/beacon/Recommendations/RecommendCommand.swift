import ArgumentParser
import BeaconCore
import BeaconEngine
import Foundation

/// `beacon recommend rules|profile|evaluate`: product recommendations of a workspace.
struct RecommendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recommend",
        abstract: "Product recommendations: association rules, a profile's top products, their evaluation.",
        subcommands: [Rules.self, ProfileList.self, Evaluate.self])

    /// How a subcommand writes its table.

    /// The runtime and workspace a subcommand works on, its projection caught up.
    static func open(_ workspace: WorkspaceCommandOptions) async throws -> (BeaconRuntime, Workspace) {
        let (runtime, ws) = try await workspace.open()
        _ = try await runtime.profiles.catchUp(workspaceId: ws.id)
        return (runtime, ws)
    }

    /// Runs a recommendation call, turning its request errors into a message naming the option.
    static func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let e as RecommendationRequestError {
            throw CommandError("--\(e.field.replacingOccurrences(of: "_", with: "-")): \(e.reason)")
        }
    }

    /// Rows as text (tab-separated, header first), CSV or a JSON array of objects.
    static func write(_ header: [String], _ rows: [[String]], format: OutputFormat) {
        switch format {
        case .text:
            print(header.joined(separator: "\t"))
            for row in rows { print(row.joined(separator: "\t")) }
        case .csv:
            print(header.joined(separator: ","))
            for row in rows { print(row.map(csvField).joined(separator: ",")) }
        case .json:
            let objects: [JSONValue] = rows.map { row in
                .object(Dictionary(uniqueKeysWithValues: zip(header, row).map { ($0, JSONValue.string($1)) }))
            }
            print(JSONValue.array(objects).serialized())
        }
    }

    static func csvField(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    static func number(_ x: Double) -> String { x.isFinite ? String(format: "%.6g", x) : "inf" }
}
