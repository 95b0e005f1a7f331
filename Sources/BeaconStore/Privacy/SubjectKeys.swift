/// What finds one data subject's rows in the registered tables: the values of every
/// identifier they have (user ids, anonymous ids, emails, phones, external ids) and the
/// profile ids they have had.
public struct SubjectKeys: Sendable, Equatable {
    public var values: [String]
    public var profileIds: [String]

    public init(values: [String], profileIds: [String]) {
        self.values = Array(Set(values.filter { !$0.isEmpty })).sorted()
        self.profileIds = Array(Set(profileIds.filter { !$0.isEmpty })).sorted()
    }

    public var isEmpty: Bool { values.isEmpty && profileIds.isEmpty }
}
