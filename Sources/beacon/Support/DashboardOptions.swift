import ArgumentParser
import BeaconServer

/// Dashboard options shared by `serve` and `demo`.
struct DashboardOptions: ParsableArguments {
    @Flag(help: """
        Send the dashboard's session cookie without 'Secure', so people can sign in over plain \
        HTTP from other machines. Only on a trusted network; prefer a TLS proxy.
        """)
    var allowInsecureCookies = false

    func settings() -> DashboardSettings {
        DashboardSettings(allowInsecureCookies: allowInsecureCookies)
    }
}
