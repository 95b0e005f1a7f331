import ArgumentParser

/// A command-line failure with a message that names the option, file, line or field at fault.
///
/// Printed by ArgumentParser as `Error: <message>` and exits with status 1.
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
