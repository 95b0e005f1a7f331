import Foundation

/// The process's resident memory in MB, for benchmark progress lines: `VmRSS` from
/// `/proc/self/status` on Linux, 0 where that file does not exist.
enum ResidentMemory {
    static func current() -> Int { field("VmRSS:") }

    /// The peak resident memory so far (`VmHWM`).
    static func peak() -> Int { field("VmHWM:") }

    private static func field(_ name: String) -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix(name) }),
              let kb = Int(line.dropFirst(name.count).split(whereSeparator: \.isWhitespace).first ?? "")
        else { return 0 }
        return kb / 1024
    }
}
