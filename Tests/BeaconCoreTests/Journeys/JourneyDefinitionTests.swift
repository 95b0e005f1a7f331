import BeaconCore
import Foundation
import Testing

@Suite("Journey definitions")
struct JourneyDefinitionTests {
    func journey(_ steps: [JourneyStep], start: String = "a") -> JourneyDefinition {
        JourneyDefinition(trigger: .event("signed_up"), start: start, steps: steps)
    }

    func field(_ d: JourneyDefinition) -> String? {
        do {
            try d.validate()
            return nil
        } catch let e as JourneyError {
            return e.field
        } catch {
            return "\(error)"
        }
    }

    @Test("A valid journey with every step type passes")
    func valid() throws {
        let d = journey([
            .wait("a", seconds: 60, next: "b"),
            JourneyStep(id: "b", type: .waitUntil, next: "c", at: "09:30", weekdays: [1, 2, 3, 4, 5]),
            JourneyStep(id: "c", type: .waitForEvent, next: "d", event: "opened", timeoutSeconds: 3600, timeoutNext: "x"),
            JourneyStep(id: "d", type: .branch, next: "e", rule: ["plan": ["eq": "pro"]], elseNext: "x"),
            JourneyStep(
                id: "e", type: .split, experiment: "subject",
                variants: [.init(name: "a", weight: 45, next: "f"), .init(name: "hold", weight: 10, next: "x", holdout: true)]),
            .send("f", to: "dst_1", message: ["name": "hello"], next: "g"),
            JourneyStep(id: "g", type: .updateTrait, next: "x", trait: "welcomed", value: true),
            JourneyStep(id: "x", type: .exit),
        ])
        #expect(field(d) == nil)
        // A definition survives the JSON the API and the store keep.
        let copy = try JSONDecoder().decode(JourneyDefinition.self, from: JSONEncoder().encode(d))
        #expect(copy == d)
    }

    @Test("Errors name the step and field")
    func errorsNameTheField() {
        #expect(field(journey([.wait("a", seconds: 60, next: "nope")])) == "steps[a].next")
        #expect(field(journey([.wait("a", seconds: 0, next: nil)])) == "steps[a].seconds")
        #expect(field(journey([.wait("a", seconds: 1, next: nil), .wait("a", seconds: 1, next: nil)])) == "steps[a].id")
        #expect(field(journey([.wait("a", seconds: 1, next: nil)], start: "b")) == "start")
        #expect(field(journey([JourneyStep(id: "a", type: .waitUntil, at: "25:00")])) == "steps[a].at")
        #expect(field(journey([JourneyStep(id: "a", type: .waitUntil, at: "09:00", weekdays: [0])])) == "steps[a].weekdays")
        #expect(field(journey([JourneyStep(id: "a", type: .waitForEvent, event: "x")])) == "steps[a].timeoutSeconds")
        #expect(field(journey([JourneyStep(id: "a", type: .send)])) == "steps[a].destination")
        #expect(field(journey([JourneyStep(id: "a", type: .updateTrait, trait: "t")])) == "steps[a].value")
        #expect(field(journey([JourneyStep(id: "a", type: .exit, next: "a")])) == "steps[a].next")
        #expect(
            field(journey([JourneyStep(id: "a", type: .branch, rule: ["plan": ["like": 1]])]))?
                .hasPrefix("steps[a].rule") == true)
        #expect(
            field(journey([JourneyStep(id: "a", type: .split, experiment: "e", variants: [.init(name: "v", weight: -1, next: "a")])]))
                == "steps[a].variants[0].weight")
        var noSegment = journey([.wait("a", seconds: 1, next: nil)])
        noSegment.trigger = JourneyTrigger(type: .segmentEntered)
        #expect(field(noSegment) == "trigger.segment")
        noSegment.trigger = .event("x")
        noSegment.timeZone = "Mars/Olympus"
        #expect(field(noSegment) == "timeZone")
    }

    @Test("A loop with no wait in it is refused; one through a wait is fine")
    func loops() {
        let instant = journey([
            .send("a", to: "d", message: [:], next: "b"),
            JourneyStep(id: "b", type: .updateTrait, next: "a", trait: "t", value: 1),
        ])
        #expect(field(instant)?.hasSuffix(".next") == true)
        let waiting = journey([.send("a", to: "d", message: [:], next: "b"), .wait("b", seconds: 86_400, next: "a")])
        #expect(field(waiting) == nil)
    }

    @Test("Mapping between versions must name every old step and only new steps")
    func mapping() {
        let old = journey([.wait("a", seconds: 1, next: "b"), .send("b", to: "d", message: [:], next: nil)])
        let new = journey([.wait("a", seconds: 1, next: "c"), .send("c", to: "d", message: [:], next: nil)])
        let same = JourneyStepMapping.sameIds(from: old, to: new)
        #expect(same.steps == ["a": .step("a"), "b": .finishOnOld])
        #expect(throws: JourneyError(field: "mapping[b]", "is missing: say where the people at this step go")) {
            try JourneyStepMapping(["a": .step("a")]).validate(from: old, to: new)
        }
        #expect(throws: JourneyError(field: "mapping[b]", "names no step of the new version (z)")) {
            try JourneyStepMapping(["a": .step("a"), "b": .step("z")]).validate(from: old, to: new)
        }
    }

    @Test("Time of day in the profile's zone stays local across daylight-saving changes (hand-computed)")
    func timeOfDay() throws {
        let ny = try #require(TimeZone(identifier: "America/New_York"))
        let nine = try #require(JourneyTimeOfDay("09:00"))
        func at(_ s: String) -> Date { Timestamp.parse(s)! }
        // Friday 10:00 EST → Saturday 09:00 EST (14:00Z).
        #expect(nine.next(after: at("2025-03-07T15:00:00Z"), in: ny) == at("2025-03-08T14:00:00Z"))
        // Saturday 10:00 EST → Sunday 09:00 EDT, the first day of summer time (13:00Z).
        #expect(nine.next(after: at("2025-03-08T15:00:00Z"), in: ny) == at("2025-03-09T13:00:00Z"))
        // Saturday 10:00 EDT → Sunday 09:00 EST, after the clocks went back (14:00Z).
        #expect(nine.next(after: at("2025-11-01T14:00:00Z"), in: ny) == at("2025-11-02T14:00:00Z"))
        // Weekdays only: from Saturday to Monday 09:00 EDT.
        #expect(nine.next(after: at("2025-03-08T15:00:00Z"), in: ny, weekdays: [1]) == at("2025-03-10T13:00:00Z"))
        // Exactly at 09:00 the next one is tomorrow's.
        #expect(nine.next(after: at("2025-03-10T13:00:00Z"), in: ny) == at("2025-03-11T13:00:00Z"))
        // 02:30 does not exist on 9 March in New York: it resolves within that local day, after the gap.
        let gap = JourneyTimeOfDay("02:30")!.next(after: at("2025-03-08T12:00:00Z"), in: ny)
        #expect(gap > at("2025-03-09T07:00:00Z") && gap <= at("2025-03-09T08:30:00Z"))
        #expect(JourneyTimeOfDay("9:00") == nil && JourneyTimeOfDay("24:00") == nil && JourneyTimeOfDay("12:60") == nil)
    }

    @Test("Experiment assignment is sticky, follows the weights and is independent between experiments")
    func assignment() {
        let n = 20_000
        let ids = (0..<n).map { "profile-\($0)" }
        let a = ids.map { JourneyExperimentAssignment.variant(profileId: $0, experiment: "subject", weights: [1, 1]) }
        #expect(a == ids.map { JourneyExperimentAssignment.variant(profileId: $0, experiment: "subject", weights: [1, 1]) })
        // Binomial(20,000, 0.5): 3 standard deviations are 212.
        #expect(abs(a.filter { $0 == 0 }.count - n / 2) < 212)
        let weighted = ids.map { JourneyExperimentAssignment.variant(profileId: $0, experiment: "w", weights: [8, 1, 1]) }
        // Binomial(20,000, 0.1): 3 standard deviations are 127.
        #expect(abs(weighted.filter { $0 == 2 }.count - n / 10) < 127)
        let b = ids.map { JourneyExperimentAssignment.variant(profileId: $0, experiment: "cta", weights: [1, 1]) }
        // Independent experiments put a quarter of people in each pair of arms (3 sd = 184).
        let both = zip(a, b).filter { $0 == 0 && $1 == 0 }.count
        #expect(abs(both - n / 4) < 184)
    }
}
