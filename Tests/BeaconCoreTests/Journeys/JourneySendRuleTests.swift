import BeaconCore
import Foundation
import Testing

/// Quiet hours and frequency caps as pure rules, against hand-computed instants.
@Suite("Journey quiet hours and frequency caps")
struct JourneySendRuleTests {
    let newYork = TimeZone(identifier: "America/New_York")!
    let utc = TimeZone(identifier: "UTC")!
    func at(_ s: String) -> Date { Timestamp.parse(s)! }

    @Test("Quiet hours spanning midnight defer to their local end, DST included")
    func quietHoursAcrossMidnight() {
        let quiet = JourneyQuietHours(start: "21:00", end: "08:00")
        // 22:00 EST Friday 7 March 2025 → 08:00 EST Saturday = 13:00Z.
        #expect(quiet.deferral(at: at("2025-03-08T03:00:00Z"), in: newYork) == at("2025-03-08T13:00:00Z"))
        // 23:00 EST Saturday 8 March; the clocks spring forward at 02:00, so 08:00 is EDT = 12:00Z.
        #expect(quiet.deferral(at: at("2025-03-09T04:00:00Z"), in: newYork) == at("2025-03-09T12:00:00Z"))
        // 07:59 EDT is still quiet; 08:00 and 20:59 are not; 21:00 is.
        #expect(quiet.deferral(at: at("2025-03-09T11:59:00Z"), in: newYork) == at("2025-03-09T12:00:00Z"))
        #expect(quiet.deferral(at: at("2025-03-09T12:00:00Z"), in: newYork) == nil)
        #expect(quiet.deferral(at: at("2025-03-10T00:59:00Z"), in: newYork) == nil)
        #expect(quiet.deferral(at: at("2025-03-10T01:00:00Z"), in: newYork) == at("2025-03-10T12:00:00Z"))
        // Fall back (2 November 2025): 23:00 EDT Saturday → 08:00 EST Sunday = 13:00Z.
        #expect(quiet.deferral(at: at("2025-11-02T03:00:00Z"), in: newYork) == at("2025-11-02T13:00:00Z"))
    }

    @Test("Quiet hours within one day: start inclusive, end exclusive")
    func quietHoursWithinADay() {
        let lunch = JourneyQuietHours(start: "12:00", end: "13:30")
        #expect(lunch.deferral(at: at("2025-06-01T11:59:59Z"), in: utc) == nil)
        #expect(lunch.deferral(at: at("2025-06-01T12:00:00Z"), in: utc) == at("2025-06-01T13:30:00Z"))
        #expect(lunch.deferral(at: at("2025-06-01T13:29:00Z"), in: utc) == at("2025-06-01T13:30:00Z"))
        #expect(lunch.deferral(at: at("2025-06-01T13:30:00Z"), in: utc) == nil)
    }

    @Test("A cap defers to when the oldest send in the window leaves it")
    func frequencyCap() {
        let t = at("2025-06-01T12:00:00Z")
        let cap = JourneyFrequencyCap(sends: 2, seconds: 86_400)
        #expect(cap.deferral(at: t, recent: []) == nil)
        #expect(cap.deferral(at: t, recent: [t - 3_600]) == nil)
        // Two in the last day: the older (t − 80,000 s) leaves at t + 6,400 s.
        #expect(cap.deferral(at: t, recent: [t - 3_600, t - 80_000]) == t + 6_400)
        // Three in the window with room for two: the second oldest must leave, at t − 50,000 + 86,400.
        #expect(cap.deferral(at: t, recent: [t - 10, t - 50_000, t - 80_000]) == t + 36_400)
        // A send exactly one window ago no longer counts.
        #expect(cap.deferral(at: t, recent: [t - 86_400, t - 60]) == nil)
        #expect(JourneyFrequencyCap(sends: 1, seconds: 60).deferral(at: t, recent: [t]) == t + 60)
    }

    @Test("Bad quiet hours and caps are refused naming the field")
    func validation() throws {
        func field(_ d: JourneyDefinition) -> String? {
            do {
                try d.validate()
                return nil
            } catch let e as JourneyError { return e.field } catch { return "\(error)" }
        }
        var d = JourneyDefinition(trigger: .event("e"), start: "x", steps: [JourneyStep(id: "x", type: .exit)])
        #expect(field(d) == nil)
        d.quietHours = JourneyQuietHours(start: "25:00", end: "08:00")
        #expect(field(d) == "quietHours.start")
        d.quietHours = JourneyQuietHours(start: "21:00", end: "8am")
        #expect(field(d) == "quietHours.end")
        d.quietHours = JourneyQuietHours(start: "21:00", end: "21:00")
        #expect(field(d) == "quietHours.end")
        d.quietHours = nil
        d.frequencyCap = JourneyFrequencyCap(sends: 0, seconds: 60)
        #expect(field(d) == "frequencyCap.sends")
        d.frequencyCap = JourneyFrequencyCap(sends: 1, seconds: .infinity)
        #expect(field(d) == "frequencyCap.seconds")
    }
}
