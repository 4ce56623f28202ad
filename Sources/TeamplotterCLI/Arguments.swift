import TeamplotterCore

/// A small parser for `command POSITIONAL --option value --flag`; options may also be written
/// `--option=value`.
struct Arguments {
    /// The language for messages about the command line itself.
    let language: Language
    private(set) var positionals: [String] = []
    private var options: [String: String] = [:]
    private var flags: Set<String> = []

    /// - Parameters:
    ///   - valued: option names that take a value (with their short forms, e.g. "-o").
    ///   - flags: option names that take none.
    init(_ arguments: [String], valued: Set<String>, flags allowedFlags: Set<String>, environment: [String: String] = [:]) throws(CLIError) {
        language = TeamplotterCLI.quickLanguage(arguments, environment)
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-"), argument != "-" else {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                positionals.append(contentsOf: arguments[index...])
                break
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            if valued.contains(name) {
                // Given twice, one of the two would be dropped without a word.
                if options[name] != nil {
                    throw .usage(language.pick("optie \(name) is twee keer gegeven; geef haar één keer", "option \(name) is given twice; give it once"))
                }
                if let inlineValue {
                    options[name] = inlineValue
                } else if index < arguments.count {
                    options[name] = arguments[index]
                    index += 1
                } else {
                    throw .usage(language.pick("optie \(name) verwacht een waarde", "option \(name) needs a value"))
                }
                if options[name]?.isEmpty == true {
                    throw .usage(language.pick("optie \(name) verwacht een waarde", "option \(name) needs a value"))
                }
            } else if allowedFlags.contains(name), inlineValue == nil {
                flags.insert(name)
            } else {
                throw .usage(language.pick("onbekende optie \(argument)", "unknown option \(argument)"))
            }
        }
    }

    /// A usage error naming the first positional argument beyond `count`, then `takes` (what the
    /// command does take): a message about anything else, such as a missing -o that was given,
    /// sends the user looking in the wrong place. Unknown options are named the same way.
    func allowPositionals(_ count: Int, _ language: Language, takes: String) throws(CLIError) {
        guard positionals.count > count else { return }
        let stray = positionals[count]
        throw .usage(language.pick("onverwacht argument \"\(stray)\"; ", "unexpected argument \"\(stray)\"; ") + takes)
    }

    func value(_ names: String...) -> String? {
        names.lazy.compactMap { options[$0] }.first
    }

    func has(_ name: String) -> Bool { flags.contains(name) }

    /// One of the allowed values, or a usage error that lists them.
    func choice(_ name: String, allowed: [String], default fallback: String) throws(CLIError) -> String {
        guard let value = options[name] else { return fallback }
        guard allowed.contains(value) else {
            throw .usage(language.pick(
                "\(name): \"\(value)\" bestaat niet; kies uit \(allowed.joined(separator: ", "))",
                "\(name): \"\(value)\" does not exist; choose from \(allowed.joined(separator: ", "))"))
        }
        return value
    }

    func language(environment: [String: String]) throws(CLIError) -> Language {
        let fallback = environment["TEAMPLOTTER_LANG"].flatMap(Language.init(rawValue:)) ?? .default
        return Language(rawValue: try choice("--lang", allowed: Language.allCases.map(\.rawValue), default: fallback.rawValue)) ?? .default
    }

    /// `--name NAME`: the team's name for the output; empty is refused.
    func teamName(_ language: Language) throws(CLIError) -> String? {
        guard let name = value("--name") else { return nil }
        guard !name.trimmed.isEmpty else {
            throw .usage(language.pick("--name mag niet leeg zijn", "--name must not be empty"))
        }
        return name
    }
}
