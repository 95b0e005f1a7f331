import BeaconAnalytics

/// The marketing-mix data the dashboard uses until ad-spend imports exist: the seeded
/// TechStyle demo (`TechStyleGenerator`, 730 days × 5 channels), generated once.
enum DashboardMMMData {
    static let techStyle: MMMDataset = TechStyleGenerator().generate().data
}
