import Foundation

/// An ISO 4217 currency code as a workspace carries it: three letters, upper case, one of the
/// codes in common use (`Locale.commonISOCurrencyCodes`, from ICU's ISO 4217 table).
public enum CurrencyCode {
    /// The currency of a workspace created without one, and of every workspace created before
    /// workspaces had a currency.
    public static let `default` = "USD"

    /// `raw` as a workspace's currency: trimmed and upper-cased (`eur` → `EUR`).
    /// - Throws: `CurrencyCodeError` naming `currency` when it is not a code in common use.
    public static func validated(_ raw: String) throws -> String {
        let code = raw.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw CurrencyCodeError(message: "currency: give a three-letter ISO 4217 code such as USD or EUR, got '\(raw)'")
        }
        guard known.contains(code) else {
            throw CurrencyCodeError(message: "currency: '\(code)' is not an ISO 4217 code in common use")
        }
        return code
    }

    private static let known = Set(Locale.commonISOCurrencyCodes)
}

/// A currency code that is not one; the message names the field (`currency: …`).
public struct CurrencyCodeError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public var description: String { message }
    public init(message: String) { self.message = message }
}
