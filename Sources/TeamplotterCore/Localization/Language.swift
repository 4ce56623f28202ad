/// The interface languages. Dutch is the default: the users are Dutch public servants.
public enum Language: String, Sendable, CaseIterable, Hashable {
    case nl
    case en

    public static let `default` = Language.nl

    /// Picks one language of two texts.
    @inlinable
    public func pick(_ dutch: String, _ english: String) -> String {
        self == .nl ? dutch : english
    }
}
