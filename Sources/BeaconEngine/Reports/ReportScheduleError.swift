import BeaconCore

/// A refused report-schedule request (`schedule`, `time`, `timeZone`, `destination`, `user`,
/// `name`, `id`).
public typealias ReportScheduleError = FieldRefusal
