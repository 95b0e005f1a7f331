/// One node of a journey: a wait, a branch, a split, a send, a trait update or an exit.
///
/// A step is one flat record whose `type` says which fields it uses, so the same JSON is read
/// and written by the API, the command line and a builder, and a validation error can name the
/// step and field (`steps[w1].seconds`). `next` is the step that follows; a step without one
/// ends the journey for the person (as an `exit` step does).
public struct JourneyStep: Sendable, Equatable, Codable {
    /// What a step does.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Waits `seconds`.
        case wait
        /// Waits until the next `at` (`HH:MM`) in the profile's time zone, on one of `weekdays`.
        case waitUntil
        /// Waits for a tracked `event` (matching `properties`) at most `timeoutSeconds`; goes to
        /// `next` when it comes, to `timeoutNext` when it does not.
        case waitForEvent
        /// Goes to `next` when the profile matches the segment `rule`, to `elseNext` otherwise.
        case branch
        /// Assigns the profile to one of `variants` by weight, stickily per `experiment`.
        case split
        /// Sends `message` to the activation destination `destination` through the outbox.
        case send
        /// Sets the profile's trait `trait` to `value` (an identify event in the log).
        case updateTrait
        /// Ends the journey for the person.
        case exit
    }

    public var id: String
    public var type: Kind
    public var next: String?
    public var seconds: Double?
    public var at: String?
    /// ISO weekdays (1 = Monday … 7 = Sunday) a `waitUntil` may end on; nil means every day.
    public var weekdays: [Int]?
    public var event: String?
    public var properties: [String: JSONValue]?
    public var timeoutSeconds: Double?
    public var timeoutNext: String?
    /// A segment rule (the segments' JSON rule language).
    public var rule: JSONValue?
    public var elseNext: String?
    public var experiment: String?
    public var variants: [JourneyVariant]?
    public var destination: String?
    public var message: JSONValue?
    public var trait: String?
    public var value: JSONValue?

    public init(
        id: String, type: Kind, next: String? = nil, seconds: Double? = nil, at: String? = nil, weekdays: [Int]? = nil,
        event: String? = nil, properties: [String: JSONValue]? = nil, timeoutSeconds: Double? = nil,
        timeoutNext: String? = nil, rule: JSONValue? = nil, elseNext: String? = nil, experiment: String? = nil,
        variants: [JourneyVariant]? = nil, destination: String? = nil, message: JSONValue? = nil, trait: String? = nil,
        value: JSONValue? = nil
    ) {
        self.id = id
        self.type = type
        self.next = next
        self.seconds = seconds
        self.at = at
        self.weekdays = weekdays
        self.event = event
        self.properties = properties
        self.timeoutSeconds = timeoutSeconds
        self.timeoutNext = timeoutNext
        self.rule = rule
        self.elseNext = elseNext
        self.experiment = experiment
        self.variants = variants
        self.destination = destination
        self.message = message
        self.trait = trait
        self.value = value
    }

    /// Whether a person parks at this step until a time (the runner's due time).
    public var isWait: Bool { type == .wait || type == .waitUntil || type == .waitForEvent }

    /// Every step id this one can lead to.
    public var successors: [String] {
        [next, timeoutNext, elseNext].compactMap { $0 } + (variants ?? []).map(\.next)
    }

    public static func wait(_ id: String, seconds: Double, next: String?) -> Self {
        Self(id: id, type: .wait, next: next, seconds: seconds)
    }

    public static func send(_ id: String, to destination: String, message: JSONValue, next: String?) -> Self {
        Self(id: id, type: .send, next: next, destination: destination, message: message)
    }
}

/// One arm of a split: a name, a relative weight and the step it leads to. A holdout arm
/// usually leads straight to an exit, so its people get nothing and measure the baseline.
public struct JourneyVariant: Sendable, Equatable, Codable {
    public var name: String
    public var weight: Double
    public var next: String
    /// Whether this arm is the holdout (for the experiment's lift against it).
    public var holdout: Bool?

    public init(name: String, weight: Double, next: String, holdout: Bool? = nil) {
        self.name = name
        self.weight = weight
        self.next = next
        self.holdout = holdout
    }
}
