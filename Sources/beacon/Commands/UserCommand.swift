import ArgumentParser
import BeaconEngine
import BeaconCore
import BeaconStore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// `beacon user create|list|grant|revoke|passwd|delete`: the people who sign in to the dashboard.
///
/// Passwords are never taken as arguments (they would show in `ps` and shell history): they
/// are read from standard input with `--password-stdin`, or asked for twice at a terminal.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage dashboard users, their passwords and workspace access.",
        subcommands: [Create.self, List.self, Grant.self, Revoke.self, Passwd.self, Delete.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a dashboard user.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Email address, used to sign in.") var email: String
        @Option(help: "Display name.") var name: String
        @Flag(help: "An administrator: sees every workspace.") var admin = false
        @Option(help: "Workspaces a member may see (repeatable).") var workspace: [String] = []
        @Flag(help: "Read the password from standard input.") var passwordStdin = false

        func run() async throws {
            let password = try UserCommand.readPassword(fromStdin: passwordStdin, confirm: true)
            let runtime = try await store.openRuntime(logger: store.makeLogger())
            let users = runtime.users
            var workspaces: [Workspace] = []
            for name in workspace {
                let w = try await runtime.existingWorkspace(named: name, option: "--workspace")
                workspaces.append(w)
            }
            let user = try await UserCommand.mapping {
                try await users.createUser(email: email, name: name, password: password, role: admin ? .admin : .member)
            }
            for w in workspaces { try await users.store.grantWorkspace(userId: user.id, workspaceId: w.id) }
            try await runtime.audit.record(
                AuditDraft(actor: AuditActor.commandLine, action: "user.create", detail: "user \(user.id) \(user.role.rawValue)"),
                workspaceId: AuditLog.installationChain)
            print("user \(user.email) (\(user.role.rawValue))"
                + (workspaces.isEmpty ? "" : " with access to \(workspaces.map(\.name).joined(separator: ", "))"))
            try await runtime.close()
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List dashboard users and what they may see.")
        @OptionGroup var store: StoreOptions

        func run() async throws {
            let runtime = try await store.openRuntime(logger: store.makeLogger())
            let users = runtime.users
            let all = try await runtime.workspaces.all()
            for u in try await users.store.listUsers() {
                let visible = try await users.visibleWorkspaces(of: u, among: all).map(\.name).sorted()
                print("\(u.email)\t\(u.name)\t\(u.role.rawValue)\t\(u.role == .admin ? "all workspaces" : visible.joined(separator: ","))")
            }
            try await runtime.close()
        }
    }

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Let a member see a workspace, with a role (viewer, member, admin, owner) and optionally personal data.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(help: "The user's email.") var email: String
        @Option(help: "Role in the workspace: viewer, member, admin or owner.") var role: WorkspaceRole = .member
        @Flag(help: "Show personal fields (emails, names, phones) unmasked.") var personalData = false

        func run() async throws {
            let (runtime, w) = try await workspace.open()
            let users = runtime.users
            let user = try await UserCommand.mapping { try await users.existing(email) }
            try await runtime.access.grant(WorkspaceAccess(role: role, personalData: personalData), to: user, in: w, by: nil)
            print("\(user.email) is now \(role.rawValue) of \(w.name)\(personalData ? " with personal data" : "")"
                + (user.role == .admin ? " (an installation admin is at least admin everywhere)" : ""))
            try await runtime.close()
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a member seeing a workspace.")
        @OptionGroup var workspace: WorkspaceCommandOptions
        @Option(help: "The user's email.") var email: String

        func run() async throws {
            try await UserCommand.changeGrant(store: workspace.store, email: email, workspace: workspace.reference, grant: false)
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a user's password (signs them out everywhere).")
        @OptionGroup var store: StoreOptions
        @Option(help: "The user's email.") var email: String
        @Flag(help: "Read the password from standard input.") var passwordStdin = false

        func run() async throws {
            let password = try UserCommand.readPassword(fromStdin: passwordStdin, confirm: true)
            let runtime = try await store.openRuntime(logger: store.makeLogger())
            let users = runtime.users
            try await UserCommand.mapping { try await users.setPassword(email: email, to: password) }
            print("password of \(email) changed; its sessions are signed out")
            try await runtime.close()
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a user and end their sessions.")
        @OptionGroup var store: StoreOptions
        @Option(help: "The user's email.") var email: String

        func run() async throws {
            let runtime = try await store.openRuntime(logger: store.makeLogger())
            let users = runtime.users
            let user = try await UserCommand.mapping { try await users.existing(email) }
            _ = try await users.store.deleteUser(id: user.id)
            try await runtime.audit.record(
                AuditDraft(actor: AuditActor.commandLine, action: "user.delete", detail: "user \(user.id)"),
                workspaceId: AuditLog.installationChain)
            print("deleted \(user.email)")
            try await runtime.close()
        }
    }

    // MARK: Shared steps

    static func changeGrant(store: StoreOptions, email: String, workspace: String, grant: Bool) async throws {
        let runtime = try await store.openRuntime(logger: store.makeLogger())
        let users = runtime.users
        let w = try await runtime.existingWorkspace(named: workspace, option: "--workspace")
        let user = try await mapping { try await users.existing(email) }
        if grant {
            try await users.store.grantWorkspace(userId: user.id, workspaceId: w.id)
        } else {
            try await users.store.revokeWorkspace(userId: user.id, workspaceId: w.id)
        }
        print("\(user.email) \(grant ? "may now see" : "no longer sees") \(w.name)"
            + (user.role == .admin ? " (an admin sees every workspace regardless)" : ""))
        try await runtime.close()
    }

    /// Runs `body`, turning user-input and conflict errors into CLI errors naming the option.
    static func mapping<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as UserError {
            throw CommandError("--\(error.field): \(error.message)")
        } catch let error as StoreError where error.code == .conflict || error.code == .notFound {
            throw CommandError(error.message)
        }
    }

    /// The new password: one line of standard input, or typed twice without echo at a terminal.
    static func readPassword(fromStdin: Bool, confirm: Bool) throws -> String {
        if fromStdin {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw CommandError("--password-stdin: standard input had no password line")
            }
            return line
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandError("no terminal to ask for a password: pipe it in with --password-stdin")
        }
        let first = String(cString: getpass("Password: "))
        if confirm {
            let second = String(cString: getpass("Repeat password: "))
            guard first == second else { throw CommandError("the two passwords differ") }
        }
        return first
    }
}

extension WorkspaceRole: ExpressibleByArgument {}
