import ArgumentParser

/// `beacon migrate`: apply pending schema migrations and exit.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database migrations.")

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let runtime = try await store.openRuntime(logger: store.makeLogger(), creating: true)
        print("migrations applied (\(runtime.backend))")
        try await runtime.close()
    }
}
