import BeaconEngine
import Foundation

/// The executive report of one workspace for one period: the numbers a finance reader is
/// handed, each read from the service the dashboard reads it from.
///
/// - KPIs: the overview's customer cards (`OverviewPage.customerFigures`) for the period
///   against the one before, and its spend cards (`OverviewPage.spendCards`, the modelled table).
/// - Revenue by channel: the snapshot's orders with their last-touch channel, and the
///   overview's weekly chart (`OverviewPage.channelChartModel`).
/// - Marketing mix: the fitted model's channels (ROAS with its 90% interval, marginal ROAS, the
///   diminishing-returns point) and the optimiser's plan (`MMMFitCache.MMMResult.plan`).
/// - Customers: health bands and RFM segments (`CustomerInsights`).
/// - Attribution: the attribution page's models side by side (`AttributionComparison`).
/// - Anomalies: the unusual days `beacon anomalies` flags (`AnomalyScan`) inside the period,
///   and the data checks (`DataChecks`: spend without revenue, credits against conversions,
///   orders without identity), as the overview shows them.
/// - Summary: the overview's insight sentences for the period, as one paragraph.
/// - History: the last two years month by month, by channel, and the acquisition cohorts
///   (`ReportHistory`).
public struct ExecutiveReport: Sendable {
    /// Revenue of one channel in the period and the one before.
    public struct ChannelRevenue: Sendable, Equatable {
        public var channel: String
        public var revenue: Double
        public var previous: Double
    }

    /// One RFM segment or health band: name, customers, share.
    public struct Group: Sendable, Equatable {
        public var name: String
        public var customers: Int
        public var share: Double
        public var note: String
    }

    /// One unusual day.
    public struct Anomaly: Sendable, Equatable {
        public var series: String
        public var day: String
        public var value: Double
        public var expected: Double
    }

    public var workspace: String
    /// The workspace's currency: every amount in the report is written in it.
    var currency: DashboardCurrency
    public var period: ReportPeriod
    var kpis: [KPICard]
    var spendKPIs: [KPICard]
    public var spendSource: String
    public var channels: [ChannelRevenue]
    public var channelChart: LineChart?
    /// The fitted marketing-mix model, or why there is none.
    public var marketingMix: Result<MMMFitCache.MMMResult, ExecutiveReportNote>
    public var plan: MarketingMixPlan?
    public var health: [Group]
    public var segments: [Group]
    public var attribution: Result<AttributionComparison, ExecutiveReportNote>
    public var anomalies: [Anomaly]
    public var summary: String
    /// The data checks of the period (nil when not gathered).
    public var checks: DataChecks? = nil
    /// Month by month to the period's end, and the cohorts (nil when not gathered).
    public var history: ReportHistory? = nil

    /// The change label used on every card ("previous 30 days").
    var comparedWith: String { "previous \(period.days) days" }
}

/// A sentence saying why a section has no numbers (the model is still fitting, no journeys).
public struct ExecutiveReportNote: Error, Sendable, Equatable {
    public var text: String
    public init(_ text: String) { self.text = text }
}
