import Foundation
import TeamplotterCore

/// One subcommand: parses its own arguments, runs, and explains itself.
protocol Command {
    static var names: [String] { get }
    static func summary(_ language: Language) -> String
    static func help(_ language: Language) -> String
    init(arguments: [String], console: Console) throws(CLIError)
    var language: Language { get }
    func run(console: Console) throws(CLIError)
}

/// The entry point that `main` and the tests both call.
public enum TeamplotterCLI {
    public static let version = "0.1.0"

    static var commands: [any Command.Type] {
        [
        AnalyseCommand.self, RolesCommand.self, ConvertCommand.self, ExportCommand.self, TemplateCommand.self,
        PlotCommand.self, ReportCommand.self, ServeCommand.self]
    }

    /// Runs a command line (without the program name) and returns the exit code.
    public static func run(_ arguments: [String], console: Console = .standard) -> ExitCode {
        let code = dispatch(arguments, console: console)
        if let error = console.failure.error {
            // A closed pipe (`| head`) is the reader's choice, not worth a message.
            if error != EPIPE {
                let language = quickLanguage(arguments, console.environment)
                console.writeError(CLIError.unwritable(path: language.pick("standaarduitvoer", "standard output"), reason: SystemError.describe(error, language)).messages(language).joined(separator: "\n") + "\n")
            }
            return .failure
        }
        return code
    }

    private static func dispatch(_ arguments: [String], console: Console) -> ExitCode {
        let language = quickLanguage(arguments, console.environment)
        // `teamplotter --lang en [--help]`: the language may come before the command.
        if let first = arguments.first, first == "--lang" || first.hasPrefix("--lang=") {
            let count = first == "--lang" ? 2 : 1
            guard arguments.count > count else { return noCommand(language, console) }
            // Moved behind the command, where the command's own options are read.
            return dispatch(Array(arguments.dropFirst(count) + arguments.prefix(count)), console: console)
        }
        guard let first = arguments.first else { return noCommand(language, console) }
        switch first {
        case "--help", "-h", "help":
            if arguments.count > 1, let command = command(named: arguments[1]) {
                console.write(command.help(language))
            } else {
                console.write(overview(language))
            }
            return .ok
        case "--version", "-V", "version":
            console.write("teamplotter \(version)\n")
            return .ok
        default:
            break
        }
        guard let type = command(named: first) else {
            let unknown = language.pick("onbekende opdracht \"\(first)\"", "unknown command \"\(first)\"")
            guard let near = nearestCommand(to: first) else { return fail(.usage(unknown), language, console) }
            return fail(.usage(unknown + language.pick("; bedoelt u \(near)?", "; did you mean \(near)?")), language, console)
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.write(type.help(language))
            return .ok
        }
        do {
            let command = try type.init(arguments: rest, console: console)
            try command.run(console: console)
            return .ok
        } catch {
            return fail(error, language, console)
        }
    }

    /// No command is a usage error, as a wrong one is: a script that calls the program without
    /// its arguments must not take it for done. The overview goes where errors go.
    private static func noCommand(_ language: Language, _ console: Console) -> ExitCode {
        console.writeError(overview(language))
        return .badInput
    }

    private static func fail(_ error: CLIError, _ language: Language, _ console: Console) -> ExitCode {
        for message in error.messages(language) { console.writeError(message + "\n") }
        return error.exitCode
    }

    static func command(named name: String) -> (any Command.Type)? {
        commands.first { $0.names.contains(name) }
    }

    /// The command a mistyped one most likely meant: at most two letters off ("anlayse").
    static func nearestCommand(to name: String) -> String? {
        let lower = name.lowercased()
        let names = commands.map { $0.names[0] }
        guard let nearest = names.min(by: { TextKey.distance(lower, $0) < TextKey.distance(lower, $1) }),
            TextKey.distance(lower, nearest) <= 2
        else { return nil }
        return nearest
    }

    /// The language for help and early errors, before a command has parsed its options.
    static func quickLanguage(_ arguments: [String], _ environment: [String: String]) -> Language {
        if let index = arguments.firstIndex(of: "--lang"), index + 1 < arguments.count,
            let language = Language(rawValue: arguments[index + 1])
        {
            return language
        }
        if let inline = arguments.first(where: { $0.hasPrefix("--lang=") }),
            let language = Language(rawValue: String(inline.dropFirst(7)))
        {
            return language
        }
        return environment["TEAMPLOTTER_LANG"].flatMap(Language.init(rawValue:)) ?? .default
    }

    static func overview(_ language: Language) -> String {
        var lines = [
            language.pick(
                "teamplotter \(version) — breng uw online team in kaart, vind de ontbrekende rollen",
                "teamplotter \(version) — map your online team and find the missing roles"),
            "",
            language.pick("Gebruik: teamplotter OPDRACHT [opties]", "Usage: teamplotter COMMAND [options]"),
            "",
            language.pick("Opdrachten:", "Commands:"),
        ]
        for command in commands {
            lines.append("  " + command.names[0].padding(toLength: 10, withPad: " ", startingAt: 0) + command.summary(language))
        }
        lines += [
            "",
            language.pick("Algemene opties:", "General options:"),
            "  --lang nl|en   " + language.pick("taal van de uitvoer (standaard nl; ook TEAMPLOTTER_LANG)", "output language (default nl; also TEAMPLOTTER_LANG)"),
            "  --name NAAM    ".replacingOccurrences(of: "NAAM", with: language.pick("NAAM", "NAME"))
                + language.pick("de naam van het team in de uitvoer (anders uit TEAM)", "the team's name in the output (else from TEAM)"),
            "  --help         " + language.pick("uitleg bij een opdracht: teamplotter OPDRACHT --help", "help for a command: teamplotter COMMAND --help"),
            "  --version      " + language.pick("toon de versie", "show the version"),
            "",
            language.pick("Afsluitcodes: 0 gelukt, 2 fout in invoer of gebruik, 1 andere fout.",
                          "Exit codes: 0 success, 2 bad input or usage, 1 any other failure."),
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
