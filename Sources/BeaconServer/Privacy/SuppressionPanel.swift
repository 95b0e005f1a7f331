/// The Data page's privacy panel: how many subjects the workspace suppresses and how many
/// of their events ingest dropped since the server started.
struct SuppressionPanel: Sendable {
    var subjects = "0"
    var droppedEvents = "0"
    var hasSuppressions = false
}
