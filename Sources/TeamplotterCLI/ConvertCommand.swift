import TeamplotterCore
import TeamplotterFormats

/// `teamplotter convert TEAM.csv [--needs NEEDS.csv] [--name NAME] [-o team.json]`
struct ConvertCommand: Command {
    static let names = ["convert"]

    let input: TeamInput
    let output: String?
    let language: Language

    static func summary(_ language: Language) -> String {
        language.pick("zet een werkblad (CSV of XLSX) om in een teamdocument (JSON)", "turn a worksheet (CSV or XLSX) into a team document (JSON)")
    }

    static func help(_ language: Language) -> String {
        language.pick(
            """
            Gebruik: teamplotter convert TEAM.csv [--needs BEHOEFTE.csv] [--name NAAM]
                       [-o team.json]

            Schrijft een teamdocument (JSON, "version": 1) met functies en behoefte.
            TEAM mag ook een Excel-werkmap (.xlsx) zijn.
            Zonder -o komt het op het scherm.

            Voorbeeld:
              teamplotter convert examples/voorbeeldstad-team.csv \\
                  --needs examples/voorbeeldstad-behoefte.csv -o voorbeeldstad.json

            """,
            """
            Usage: teamplotter convert TEAM.csv [--needs NEEDS.csv] [--name NAME]
                       [-o team.json]

            Writes a team document (JSON, "version": 1) with the functions and needs.
            TEAM may also be an Excel workbook (.xlsx).
            Without -o it goes to standard output.

            """)
    }

    init(arguments: [String], console: Console) throws(CLIError) {
        let parsed = try Arguments(arguments, valued: TeamInput.options.union(["--lang", "-o", "--output"]), flags: [], environment: console.environment)
        language = try parsed.language(environment: console.environment)
        input = try TeamInput(parsed, language: language, usage: language.pick(
            "geef precies één TEAM-bestand: teamplotter convert TEAM.csv [--needs BEHOEFTE.csv] -o team.json",
            "give exactly one TEAM file: teamplotter convert TEAM.csv [--needs NEEDS.csv] -o team.json"))
        output = parsed.value("-o", "--output")
    }

    func run(console: Console) throws(CLIError) {
        let team = try input.load(language, console: console)
        // Written as it is made, a chunk at a time: the team and the whole document (52 MB for
        // 100,000 functions) are then not both in memory.
        try InputFiles.write(to: output, inputs: input.paths, language: language, console: console) { TeamDocument.write(team, to: $0) }
    }
}
