import Foundation

/// A `track` event as profiles and segment rules see it: name, time and top-level properties.
public struct Activity: Sendable, Equatable {
    public var name: String
    public var timestamp: Date
    public var properties: [String: JSONValue]

    public init(name: String, timestamp: Date, properties: [String: JSONValue]) {
        self.name = name
        self.timestamp = timestamp
        self.properties = properties
    }

    /// Segment's e-commerce and email event names that feed computed traits.
    public static let orderCompleted = CommerceEvent.orderCompleted
    public static let orderRefunded = CommerceEvent.orderRefunded
    public static let emailOpened = "Email Opened"
    public static let emailLinkClicked = "Email Link Clicked"
    public static let ticketNames: Set<String> = ["Ticket Created", "Support Ticket Created", "Ticket Opened"]
    /// Every name `Profile.countTracked` counts.
    public static let countedNames = ticketNames.union([orderCompleted, orderRefunded, emailOpened, emailLinkClicked])

    /// The activities of a time-ordered list up to and including `date` (binary search).
    public static func through(_ date: Date, in list: [Activity]) -> ArraySlice<Activity> {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid].timestamp > date { high = mid } else { low = mid + 1 }
        }
        return list[..<low]
    }
}
