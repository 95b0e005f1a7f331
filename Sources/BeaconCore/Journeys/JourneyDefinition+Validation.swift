import Foundation

extension JourneyDefinition {
    /// Checks the definition whole: unique step ids, every link to an existing step, the fields
    /// each step type needs, parsable segment rules and time zones, and no loop that never waits.
    /// - Throws: `JourneyError` naming the step and field (`steps[w1].seconds`).
    public func validate() throws {
        try trigger.validate(path: "trigger")
        try goal?.validate(path: "goal")
        for (i, e) in (exitWhen ?? []).enumerated() { try e.validate(path: "exitWhen[\(i)]") }
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            throw JourneyError(field: "timeZone", "is not a known time zone (\(timeZone))")
        }
        try quietHours?.validate(path: "quietHours")
        try frequencyCap?.validate(path: "frequencyCap")
        guard !steps.isEmpty else { throw JourneyError(field: "steps", "must contain at least one step") }
        var ids: Set<String> = []
        for (i, s) in steps.enumerated() {
            guard !s.id.isEmpty else { throw JourneyError(field: "steps[\(i)].id", "must not be empty") }
            guard ids.insert(s.id).inserted else { throw JourneyError(field: "steps[\(s.id)].id", "is used by two steps") }
        }
        guard ids.contains(start) else { throw JourneyError(field: "start", "names no step (\(start))") }
        for s in steps {
            try s.validate()
            for (field, target) in [("next", s.next), ("timeoutNext", s.timeoutNext), ("elseNext", s.elseNext)] {
                if let target, !ids.contains(target) {
                    throw JourneyError(field: "steps[\(s.id)].\(field)", "names no step (\(target))")
                }
            }
            for (i, v) in (s.variants ?? []).enumerated() where !ids.contains(v.next) {
                throw JourneyError(field: "steps[\(s.id)].variants[\(i)].next", "names no step (\(v.next))")
            }
        }
        try checkNoInstantLoop()
    }

    /// A loop made only of steps that do not wait would run forever within one instant.
    private func checkNoInstantLoop() throws {
        let byId = Dictionary(uniqueKeysWithValues: steps.map { ($0.id, $0) })
        var done: Set<String> = []
        var onPath: Set<String> = []
        func visit(_ id: String) throws {
            guard !done.contains(id), let s = byId[id], !s.isWait else { return }
            guard onPath.insert(id).inserted else {
                throw JourneyError(field: "steps[\(id)].next", "closes a loop with no wait in it")
            }
            for n in s.successors { try visit(n) }
            onPath.remove(id)
            done.insert(id)
        }
        for s in steps { try visit(s.id) }
    }
}

extension JourneyStep {
    /// Checks the fields this step's type needs.
    func validate() throws {
        let path = "steps[\(id)]"
        func require<T>(_ value: T?, _ field: String) throws -> T {
            guard let value else { throw JourneyError(field: "\(path).\(field)", "is required for a \(type.rawValue) step") }
            return value
        }
        func positive(_ value: Double?, _ field: String) throws {
            let v = try require(value, field)
            guard v.isFinite, v > 0 else { throw JourneyError(field: "\(path).\(field)", "must be a positive number of seconds") }
        }
        func nonEmpty(_ value: String?, _ field: String) throws {
            guard try !require(value, field).isEmpty else { throw JourneyError(field: "\(path).\(field)", "must not be empty") }
        }
        switch type {
        case .wait:
            try positive(seconds, "seconds")
        case .waitUntil:
            guard JourneyTimeOfDay(try require(at, "at")) != nil else {
                throw JourneyError(field: "\(path).at", "must be a time of day HH:MM (got \(at!))")
            }
            if let weekdays {
                guard !weekdays.isEmpty, weekdays.allSatisfy((1...7).contains) else {
                    throw JourneyError(field: "\(path).weekdays", "must list ISO weekdays 1 (Monday) to 7 (Sunday)")
                }
            }
        case .waitForEvent:
            try nonEmpty(event, "event")
            try positive(timeoutSeconds, "timeoutSeconds")
        case .branch:
            do {
                _ = try SegmentRule.parse(try require(rule, "rule"), path: "\(path).rule")
            } catch let e as SegmentRuleError {
                throw JourneyError(field: e.path, e.reason)
            }
        case .split:
            try nonEmpty(experiment, "experiment")
            let variants = try require(variants, "variants")
            guard !variants.isEmpty else { throw JourneyError(field: "\(path).variants", "must contain at least one variant") }
            var names: Set<String> = []
            for (i, v) in variants.enumerated() {
                guard v.weight.isFinite, v.weight > 0 else {
                    throw JourneyError(field: "\(path).variants[\(i)].weight", "must be a positive number")
                }
                guard !v.name.isEmpty, names.insert(v.name).inserted else {
                    throw JourneyError(field: "\(path).variants[\(i)].name", "must be a name no other variant uses")
                }
            }
        case .send:
            try nonEmpty(destination, "destination")
        case .updateTrait:
            try nonEmpty(trait, "trait")
            _ = try require(value, "value")
        case .exit:
            guard next == nil else { throw JourneyError(field: "\(path).next", "must be absent on an exit step") }
        }
    }
}
