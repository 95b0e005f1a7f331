import Mustache

/// The dashboard's Mustache templates, kept as Swift strings (one file per page under
/// `Templates/`) so the binary carries them and no resource bundle has to be found at run
/// time.
enum DashboardTemplates {
    /// Every template by name: pages extend `layout` and use the `kpi` partial.
    static var all: [String: String] {
        [
            "head": head, "layout": layout, "kpi": kpi, "dataTable": dataTable, "csvLink": csvLink, "noWorkspace": noWorkspace, "message": message, "overview": overview,
            "attribution": attribution, "personas": personas, "channels": channels, "optimiser": optimiser,
            "data": data, "fitting": fitting, "customers": customers, "segments": segments, "login": login, "users": users, "account": account, "newKey": newKey,
            "importUpload": importUpload,
            "segmentBuilder": segmentBuilder, "segmentDetail": segmentDetail, "feedback": feedback,
            "destinations": destinations, "destinationDetail": destinationDetail, "destinationSecret": destinationSecret,
            "journeys": journeys, "journeyDetail": journeyDetail,
            "people": people, "cohorts": cohorts, "paths": paths, "reports": reports,
        ]
    }

    /// The parsed library. - Throws: a parser error naming the template (a bug, caught by tests).
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, text) in all {
            do {
                try library.register(text, named: name)
            } catch {
                throw TemplateError(name: name, underlying: "\(error)")
            }
        }
        return library
    }
}

/// A dashboard template that does not parse, with its name.
struct TemplateError: Error, CustomStringConvertible {
    var name: String
    var underlying: String
    var description: String { "template '\(name)' does not parse: \(underlying)" }
}
