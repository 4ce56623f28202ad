import TeamplotterCore

/// TEAM, `--needs` and `--name`: what every command that reads a team takes, parsed and loaded
/// in one place.
struct TeamInput {
    static let options: Set<String> = ["--needs", "--name"]

    let teamPath: String
    let needsPath: String?
    /// The team's name in the output, instead of the one in TEAM (or its file name).
    let name: String?

    /// - Parameter usage: the message when TEAM is missing, or (after the argument it names) when
    ///   more than one is given.
    init(_ parsed: Arguments, language: Language, usage: String) throws(CLIError) {
        try parsed.allowPositionals(1, language, takes: usage)
        guard parsed.positionals.count == 1 else { throw .usage(usage) }
        teamPath = parsed.positionals[0]
        needsPath = parsed.value("--needs")
        // Standard input ends once read: the second reader would find it empty and blame the file.
        if teamPath == "-" && needsPath == "-" {
            throw .usage(language.pick(
                "standaardinvoer (-) kan maar één keer gelezen worden; geef TEAM of --needs als bestand",
                "standard input (-) can be read only once; give TEAM or --needs as a file"))
        }
        name = try parsed.teamName(language)
    }

    /// The input files, which an output may never overwrite.
    var paths: [String?] { [teamPath, needsPath] }

    func load(_ language: Language, console: Console) throws(CLIError) -> Team {
        try InputFiles.team(teamPath, needs: needsPath, name: name, language: language, console: console)
    }
}
