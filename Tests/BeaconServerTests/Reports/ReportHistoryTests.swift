import BeaconEngine
import Foundation
import Testing

@testable import BeaconServer

/// The report's month-by-month history on orders counted by hand.
@Suite("Report history")
struct ReportHistoryTests {
    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test("Months, buyers, new customers, refunds and the year before, counted by hand")
    func months() throws {
        let orders = [
            ChannelOrder(customer: "a", time: Self.at("2024-01-15T10:00:00Z"), revenue: 100, channel: "Search"),
            ChannelOrder(customer: "b", time: Self.at("2024-01-20T10:00:00Z"), revenue: 50, channel: "Email"),
            ChannelOrder(customer: "a", time: Self.at("2024-02-03T10:00:00Z"), revenue: 30, channel: "Search"),
            // A refund lowers its month's revenue and is no order.
            ChannelOrder(customer: "a", time: Self.at("2024-02-10T10:00:00Z"), revenue: -10, channel: "Search"),
            ChannelOrder(customer: "c", time: Self.at("2025-01-05T10:00:00Z"), revenue: 200, channel: "Social"),
            // The last second of the period's last day is in; the next day is not.
            ChannelOrder(customer: "b", time: Self.at("2025-02-28T23:59:59Z"), revenue: 40, channel: "Email"),
            ChannelOrder(customer: "d", time: Self.at("2025-03-01T00:00:01Z"), revenue: 999, channel: "Search"),
        ]
        let end = try #require(WorkspaceToday.endOfDay(parsing: "2025-02-28"))
        let h = ReportHistory(orders: orders, through: end, cohorts: nil)
        #expect(h.months.map(\.month).first == "2024-01" && h.months.map(\.month).last == "2025-02")
        #expect(h.months.count == 14)
        #expect(h.channels == ["Social", "Search", "Email"] && !h.hasOther)
        let jan24 = h.months[0], feb24 = h.months[1], jan25 = h.months[12], feb25 = h.months[13]
        #expect(jan24 == .init(month: "2024-01", revenue: 150, orders: 2, buyers: 2, newCustomers: 2, yearBefore: nil, byChannel: [0, 100, 50]))
        #expect(feb24 == .init(month: "2024-02", revenue: 20, orders: 1, buyers: 1, newCustomers: 0, yearBefore: nil, byChannel: [0, 20, 0]))
        #expect(h.months[5] == .init(month: "2024-06", revenue: 0, orders: 0, buyers: 0, newCustomers: 0, yearBefore: nil, byChannel: [0, 0, 0]))
        #expect(jan25 == .init(month: "2025-01", revenue: 200, orders: 1, buyers: 1, newCustomers: 1, yearBefore: 150, byChannel: [200, 0, 0]))
        #expect(feb25 == .init(month: "2025-02", revenue: 40, orders: 1, buyers: 1, newCustomers: 0, yearBefore: 20, byChannel: [0, 0, 40]))
        #expect(feb24.averageOrder == 20 && h.months[5].averageOrder == nil)
        // The months add up to every order and refund of the period.
        let total: Double = 100 + 50 + 30 - 10 + 200 + 40
        #expect(h.months.map(\.revenue).reduce(0, +) == total)
    }

    @Test("At most two years of months; channels past the sixth are summed as Other")
    func window() throws {
        var orders: [ChannelOrder] = []
        // One order a month from 2021-01 to 2025-02: 50 months, of which the last 24 are shown.
        for k in 0..<50 {
            let (y, m) = (2021 + k / 12, k % 12 + 1)
            orders.append(
                ChannelOrder(
                    customer: "c\(k)", time: Self.at(String(format: "%04d-%02d-10T00:00:00Z", y, m)), revenue: Double(k),
                    channel: "ch\(k % 7)"))
        }
        let end = try #require(WorkspaceToday.endOfDay(parsing: "2025-02-28"))
        let h = ReportHistory(orders: orders, through: end, cohorts: nil)
        #expect(h.months.count == 24 && h.months.first?.month == "2023-03" && h.months.last?.month == "2025-02")
        #expect(h.months.allSatisfy { $0.yearBefore != nil && $0.newCustomers == 1 })
        // 2025-02 is order 49; the same month a year before is order 37.
        #expect(h.months.last?.revenue == 49 && h.months.last?.yearBefore == 37)
        #expect(h.channels.count == 6 && h.hasOther)
        #expect(h.months.allSatisfy { $0.byChannel.count == 7 && $0.byChannel.reduce(0, +) == $0.revenue })
        // Over the 24 months shown (orders 26…49), ch(k % 7) totals rank ch0 (28+35+42+49 = 154) first.
        #expect(h.channels.first == "ch0")
    }
}
