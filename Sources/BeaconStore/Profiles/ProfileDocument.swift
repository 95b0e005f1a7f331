import BeaconCore
import Foundation

/// The stored JSON document of a profile, written and read by hand instead of through
/// Foundation's JSON coders: every projection step writes the profiles it touched and every
/// lookup reads one, and the generic coders were the main cost of both.
///
/// The text is what `JSONEncoder` with sorted keys and millisecond dates writes for
/// `Profile` (same keys, same nesting, optional members left out when nil), so documents
/// written by either read back the same. A test holds the two side by side, which also
/// catches a `Profile` field added without being added here.
enum ProfileDocument {
    static func text(of p: Profile) -> String {
        var o: [String: JSONValue] = [
            "id": .string(p.id), "createdSeq": .number(Double(p.createdSeq)),
            "identifiers": .array(p.identifiers.map { .object(["kind": .string($0.kind), "value": .string($0.value)]) }),
            "traits": .object(p.traits.mapValues { t in
                .object(["value": t.value, "at": date(t.at), "source": .string(t.source), "seq": .number(Double(t.seq))])
            }),
            "firstSeen": date(p.firstSeen), "lastSeen": date(p.lastSeen), "eventCount": .number(Double(p.eventCount)),
            "emailOpens": .array(p.emailOpens.map(date)), "emailClicks": .array(p.emailClicks.map(date)),
            "supportTickets": .number(Double(p.supportTickets)),
        ]
        var orders: [String: JSONValue] = [
            "count": .number(Double(p.orders.count)), "revenue": .number(p.orders.revenue), "refunded": .number(p.orders.refunded),
        ]
        orders["firstAt"] = p.orders.firstAt.map(date)
        orders["lastAt"] = p.orders.lastAt.map(date)
        o["orders"] = .object(orders)
        if let pr = p.predictions {
            var m: [String: JSONValue] = ["refreshedAt": date(pr.refreshedAt)]
            m["pAlive"] = pr.pAlive.map(JSONValue.number)
            m["predictedCLV"] = pr.predictedCLV.map(JSONValue.number)
            m["churnRisk"] = pr.churnRisk.map(JSONValue.number)
            m["rfmSegment"] = pr.rfmSegment.map(JSONValue.string)
            m["cluster"] = pr.cluster.map { .number(Double($0)) }
            m["clusterPersona"] = pr.clusterPersona.map(JSONValue.string)
            m["asOf"] = pr.asOf.map(date)
            o["predictions"] = .object(m)
        }
        return JSONValue.object(o).serialized()
    }

    static func profile(from text: String) throws -> Profile {
        let doc: JSONValue
        do {
            doc = try JSONValue.parse(Data(text.utf8))
        } catch {
            throw StoreError(.corrupt, "stored Profile cannot be read: \(error)")
        }
        let r = Reader(path: "Profile")
        var p = Profile(id: try r.string(doc, "id"), createdSeq: try r.int(doc, "createdSeq"), at: try r.date(doc, "firstSeen"))
        p.identifiers = try r.array(doc, "identifiers").map { Identifier(kind: try r.string($0, "kind"), value: try r.string($0, "value")) }
        for (key, t) in try r.object(doc, "traits") {
            guard let value = t["value"] else { throw r.missing("traits.\(key).value") }
            p.traits[key] = TraitValue(value: value, at: try r.date(t, "at"), source: try r.string(t, "source"), seq: try r.int(t, "seq"))
        }
        p.lastSeen = try r.date(doc, "lastSeen")
        p.eventCount = Int(try r.int(doc, "eventCount"))
        guard let orders = doc["orders"] else { throw r.missing("orders") }
        p.orders.count = Int(try r.int(orders, "count"))
        p.orders.revenue = try r.number(orders, "revenue")
        p.orders.refunded = try r.number(orders, "refunded")
        p.orders.firstAt = try orders["firstAt"].map { _ in try r.date(orders, "firstAt") }
        p.orders.lastAt = try orders["lastAt"].map { _ in try r.date(orders, "lastAt") }
        p.emailOpens = try r.array(doc, "emailOpens").map { try r.date($0) }
        p.emailClicks = try r.array(doc, "emailClicks").map { try r.date($0) }
        p.supportTickets = Int(try r.int(doc, "supportTickets"))
        if let m = doc["predictions"], m != .null {
            var pr = ProfilePredictions(refreshedAt: try r.date(m, "refreshedAt"))
            pr.pAlive = m["pAlive"]?.doubleValue
            pr.predictedCLV = m["predictedCLV"]?.doubleValue
            pr.churnRisk = m["churnRisk"]?.doubleValue
            pr.rfmSegment = m["rfmSegment"]?.stringValue
            pr.cluster = try m["cluster"].map { _ in Int(try r.int(m, "cluster")) }
            pr.clusterPersona = m["clusterPersona"]?.stringValue
            pr.asOf = try m["asOf"].map { _ in try r.date(m, "asOf") }
            p.predictions = pr
        }
        return p
    }

    /// Dates as milliseconds since 1970, like `JSONEncoder.DateEncodingStrategy.millisecondsSince1970`.
    static func date(_ d: Date) -> JSONValue { .number(d.timeIntervalSince1970 * 1000) }

    /// Typed member access that names the missing or mistyped member.
    struct Reader {
        var path: String

        func missing(_ key: String) -> StoreError {
            StoreError(.corrupt, "stored \(path) cannot be read: '\(key)' is missing or of the wrong type")
        }
        func string(_ v: JSONValue, _ key: String) throws -> String {
            guard let s = v[key]?.stringValue else { throw missing(key) }
            return s
        }
        func number(_ v: JSONValue, _ key: String) throws -> Double {
            guard case .number(let d)? = v[key] else { throw missing(key) }
            return d
        }
        func int(_ v: JSONValue, _ key: String) throws -> Int64 {
            let d = try number(v, key)
            guard let i = Int64(exactly: d) else { throw missing(key) }
            return i
        }
        func date(_ v: JSONValue, _ key: String) throws -> Date {
            Date(timeIntervalSince1970: try number(v, key) / 1000)
        }
        func date(_ v: JSONValue) throws -> Date {
            guard case .number(let d) = v else { throw missing("date") }
            return Date(timeIntervalSince1970: d / 1000)
        }
        func array(_ v: JSONValue, _ key: String) throws -> [JSONValue] {
            guard let a = v[key]?.arrayValue else { throw missing(key) }
            return a
        }
        func object(_ v: JSONValue, _ key: String) throws -> [String: JSONValue] {
            guard let o = v[key]?.objectValue else { throw missing(key) }
            return o
        }
    }
}
