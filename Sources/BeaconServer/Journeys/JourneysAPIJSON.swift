import BeaconCore
import BeaconEngine
import Foundation
import Hummingbird

/// The API's JSON views of journeys, versions, moves between versions and funnels.
enum JourneysAPIJSON {
    static func journey(_ j: Journey, versions: [JourneyVersion]? = nil) -> JSONValue {
        var o: [String: JSONValue] = [
            "id": .string(j.id), "name": .string(j.name), "status": .string(j.status.rawValue),
            "history": .array(j.history.map { .number(Double($0)) }),
            "createdAt": .string(Timestamp.format(j.createdAt)), "updatedAt": .string(Timestamp.format(j.updatedAt)),
        ]
        o["liveVersion"] = j.liveVersion.map { .number(Double($0)) }
        o["pausedAt"] = j.pausedAt.map { .string(Timestamp.format($0)) }
        if let versions { o["versions"] = .array(versions.map(version)) }
        return .object(o)
    }

    static func version(_ v: JourneyVersion) -> JSONValue {
        var o: [String: JSONValue] = [
            "version": .number(Double(v.version)), "definition": v.definition.json,
            "createdAt": .string(Timestamp.format(v.createdAt)),
        ]
        o["publishedAt"] = v.publishedAt.map { .string(Timestamp.format($0)) }
        return .object(o)
    }

    static func moves(_ moves: [JourneyService.MoveCount]) -> JSONValue {
        .array(
            moves.map { m in
                var o: [String: JSONValue] = [
                    "fromVersion": .number(Double(m.fromVersion)), "fromStep": .string(m.fromStep),
                    "people": .number(Double(m.people)),
                ]
                switch m.to {
                case .step(let s): o["toStep"] = .string(s)
                case .finishOnOld: o["finish"] = .bool(true)
                }
                return .object(o)
            })
    }

    static func funnelStep(_ s: JourneyFunnelStep) -> JSONValue {
        [
            "version": .number(Double(s.version)), "step": .string(s.step), "entered": .number(Double(s.entered)),
            "waiting": .number(Double(s.waiting)), "advanced": .number(Double(s.advanced)),
            "migrated": .number(Double(s.migrated)), "completed": .number(Double(s.completed)),
            "exited": .number(Double(s.exited)), "converted": .number(Double(s.converted)),
            "failed": .number(Double(s.failed)),
        ]
    }
}
