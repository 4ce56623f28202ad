import TeamplotterCore
import TeamplotterFormats
import TeamplotterReport

/// `teamplotter analyse TEAM [--needs NEEDS] [--format text|markdown|json] [--lang nl|en] [-o FILE]`
struct AnalyseCommand: Command {
    static let names = ["analyse", "analyze"]
    static let formats = ["text", "markdown", "json"]

    let input: TeamInput
    let format: String
    let output: String?
    let language: Language

    static func summary(_ language: Language) -> String {
        language.pick("de gap-analyse van een team", "the gap analysis of a team")
    }

    static func help(_ language: Language) -> String {
        language.pick(
            """
            Gebruik: teamplotter analyse TEAM [--needs BEHOEFTE.csv] [--name NAAM]
                       [--format text|markdown|json] [--lang nl|en] [-o BESTAND]

            Toont welke rollen ontbreken, onderbezet zijn of aan één persoon hangen.
            TEAM is een teamdocument (.json), een werkblad of vaardighedenmatrix
            (.csv, zoals Excel het opslaat) of een Excel-werkmap (.xlsx, bijvoorbeeld
            het invulsjabloon).

              --needs BESTAND   behoefte-CSV (Rol; Prioriteit; Gewenste fte; Minimaal aantal
                                personen; Toelichting); vervangt de behoefte in TEAM
              --name NAAM       naam van het team (anders die in TEAM of de bestandsnaam)
              --format FORMAAT  text (standaard), markdown of json
              --lang nl|en      taal van de uitvoer
              -o, --output BESTAND  schrijf naar een bestand in plaats van het scherm

            Voorbeeld:
              teamplotter analyse examples/voorbeeldstad-team.csv \\
                  --needs examples/voorbeeldstad-behoefte.csv

            """,
            """
            Usage: teamplotter analyse TEAM [--needs NEEDS.csv] [--name NAME]
                       [--format text|markdown|json] [--lang nl|en] [-o FILE]

            Shows which roles are missing, understaffed or rest on one person.
            TEAM is a team document (.json), a worksheet or skills matrix (.csv, as
            Excel saves it) or an Excel workbook (.xlsx, such as the fill-in template).
            `analyze` works too.

              --needs FILE      needs CSV (Rol; Prioriteit; Gewenste fte; Minimaal aantal
                                personen; Toelichting); replaces the needs in TEAM
              --name NAME       the team's name (else the one in TEAM or the file name)
              --format FORMAT   text (default), markdown or json
              --lang nl|en      output language
              -o, --output FILE write to a file instead of the screen

            Example:
              teamplotter analyse examples/voorbeeldstad-team.csv \\
                  --needs examples/voorbeeldstad-behoefte.csv --format json --lang en

            """)
    }

    init(arguments: [String], console: Console) throws(CLIError) {
        let parsed = try Arguments(
            arguments, valued: TeamInput.options.union(["--format", "--lang", "-o", "--output"]), flags: [],
            environment: console.environment)
        language = try parsed.language(environment: console.environment)
        input = try TeamInput(parsed, language: language, usage: language.pick(
            "geef precies één TEAM-bestand: teamplotter analyse TEAM [--needs BEHOEFTE.csv]",
            "give exactly one TEAM file: teamplotter analyse TEAM [--needs NEEDS.csv]"))
        format = try parsed.choice("--format", allowed: Self.formats, default: "text")
        output = parsed.value("-o", "--output")
    }

    func run(console: Console) throws(CLIError) {
        let team = try input.load(language, console: console)
        let analysis = GapAnalyser.analyse(team)
        if format == "json" {
            try InputFiles.write(to: output, inputs: input.paths, language: language, console: console) { put in
                analysis.writeJSON(language, to: put)
            }
        } else {
            let colour = output == nil && console.wantsColour
            // Written as it is rendered, in the pieces the cores write: joining 13 MB for 100k
            // functions cost a copy into fresh memory, and waiting for all of it kept the disk idle.
            try InputFiles.write(to: output, inputs: input.paths, language: language, console: console) { put in
                if format == "markdown" {
                    MarkdownReport(language: language, catalogue: team.catalogue).render(analysis, into: put)
                } else {
                    TextReport(language: language, colour: colour, catalogue: team.catalogue).render(analysis, into: put)
                }
            }
        }
        ExitTeardown.keep((team, analysis))
    }
}
