/// How many people reached one step of one version, and what became of them.
///
/// Every arrival is counted in `entered`, and every departure in exactly one of the other
/// counters, so `entered = waiting + advanced + migrated + completed + exited + converted +
/// failed` always holds: `waiting` is what remains (the people at the step now).
public struct JourneyFunnelStep: Sendable, Equatable, Codable {
    public var version: Int
    public var step: String
    public var entered: Int
    /// Moved on to the next step.
    public var advanced: Int
    /// Moved to another version by a publish or rollback.
    public var migrated: Int
    /// Ended the journey here (an exit step, or nothing after it).
    public var completed: Int
    /// Taken out here by an exit criterion.
    public var exited: Int
    /// Reached the goal while here.
    public var converted: Int
    public var failed: Int

    public init(
        version: Int, step: String, entered: Int = 0, advanced: Int = 0, migrated: Int = 0, completed: Int = 0,
        exited: Int = 0, converted: Int = 0, failed: Int = 0
    ) {
        self.version = version
        self.step = step
        self.entered = entered
        self.advanced = advanced
        self.migrated = migrated
        self.completed = completed
        self.exited = exited
        self.converted = converted
        self.failed = failed
    }

    /// The people at the step now.
    public var waiting: Int { entered - advanced - migrated - completed - exited - converted - failed }
}

/// The counters a transition changes, one per (version, step, counter).
public enum JourneyFunnelCounter: String, Sendable, CaseIterable {
    case entered, advanced, migrated, completed, exited, converted, failed
}
