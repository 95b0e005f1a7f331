/// What one version of a journey does: who enters, the steps they go through, what counts as
/// converting, what ends it early, who may enter again, how a pause ends, and when its sends
/// must wait (quiet hours in the profile's time zone, a frequency cap across journeys).
///
/// A published version never changes; an edit is a new version (see `JourneyStepMapping`).
/// Goals and exit criteria are checked on every signal of the person, so a conversion during a
/// 30-day wait ends the journey at once rather than when the wait ends.
public struct JourneyDefinition: Sendable, Equatable, Codable {
    public var trigger: JourneyTrigger
    /// The id of the first step.
    public var start: String
    public var steps: [JourneyStep]
    /// The conversion: the person converts (and leaves) when it happens.
    public var goal: JourneyTrigger?
    /// Happenings that take the person out at once.
    public var exitWhen: [JourneyTrigger]?
    public var reentry: JourneyReentry
    public var resume: JourneyResumePolicy
    /// The time zone of `waitUntil` steps and quiet hours for profiles without a `timezone` trait
    /// (IANA name; UTC when nil).
    public var timeZone: String?
    /// Hours of the profile's day in which this journey's sends wait (deferred to the window's end).
    public var quietHours: JourneyQuietHours?
    /// The most sends a profile may get from all journeys in a window before this journey's sends wait.
    public var frequencyCap: JourneyFrequencyCap?

    public init(
        trigger: JourneyTrigger, start: String, steps: [JourneyStep], goal: JourneyTrigger? = nil,
        exitWhen: [JourneyTrigger]? = nil, reentry: JourneyReentry = .once, resume: JourneyResumePolicy = .retime,
        timeZone: String? = nil, quietHours: JourneyQuietHours? = nil, frequencyCap: JourneyFrequencyCap? = nil
    ) {
        self.trigger = trigger
        self.start = start
        self.steps = steps
        self.goal = goal
        self.exitWhen = exitWhen
        self.reentry = reentry
        self.resume = resume
        self.timeZone = timeZone
        self.quietHours = quietHours
        self.frequencyCap = frequencyCap
    }

    /// The step with `id`, if any.
    public func step(_ id: String) -> JourneyStep? { steps.first { $0.id == id } }
}

/// Whether a person may enter a journey again.
public enum JourneyReentry: String, Sendable, Codable, CaseIterable {
    /// Never a second time.
    case once
    /// Again once the previous entry has ended.
    case afterExit
    /// On every trigger, even while an earlier entry is still running.
    case everyTime
}

/// What happens to people whose wait ended while the journey was paused, on resume.
///
/// Neither sends everything that came due during the pause at once (the burst of overdue mail
/// that re-publishing a paused campaign causes elsewhere).
public enum JourneyResumePolicy: String, Sendable, Codable, CaseIterable {
    /// Every wait is extended by the length of the pause: people continue as if no time had passed.
    case retime
    /// People whose wait ended during the pause move on without the sends they missed, up to their next wait.
    case skip
}
