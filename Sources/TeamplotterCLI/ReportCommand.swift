import Foundation
import TeamplotterCore
import TeamplotterReport

/// `teamplotter report TEAM [--needs NEEDS] [--lang nl|en] [-o rapport.html]`
struct ReportCommand: Command {
    static let names = ["report", "rapport"]

    let input: TeamInput
    let output: String?
    let language: Language

    static func summary(_ language: Language) -> String {
        language.pick("het rapport voor het management (HTML, af te drukken op A4)",
                      "the report for management (HTML, prints on A4)")
    }

    static func help(_ language: Language) -> String {
        language.pick(
            """
            Gebruik: teamplotter report TEAM [--needs BEHOEFTE.csv] [--name NAAM]
                                        [--lang nl|en] [-o rapport.html]

            Schrijft één HTML-bestand met de samenvatting, de teamplot, de gaten in volgorde
            van urgentie, de rollen per categorie en de functies. Het bestand is op zichzelf
            compleet (geen scripts, niets van internet) en drukt af op A4: open het in de
            browser en kies Afdrukken, of Opslaan als PDF. Zonder -o gaat de HTML naar
            standaarduitvoer.

            Voorbeeld:
              teamplotter report examples/voorbeeldstad-team.csv \\
                  --needs examples/voorbeeldstad-behoefte.csv -o rapport.html

            """,
            """
            Usage: teamplotter report TEAM [--needs NEEDS.csv] [--name NAME]
                                      [--lang nl|en] [-o report.html]

            Writes one HTML file with the summary, the team plot, the gaps in order of
            urgency, the roles per category and the functions. The file stands on its own
            (no scripts, nothing from the internet) and prints on A4: open it in a browser
            and choose Print, or Save as PDF. Without -o the HTML goes to standard output.

            """)
    }

    init(arguments: [String], console: Console) throws(CLIError) {
        let parsed = try Arguments(arguments, valued: TeamInput.options.union(["--lang", "-o", "--output"]), flags: [], environment: console.environment)
        language = try parsed.language(environment: console.environment)
        input = try TeamInput(parsed, language: language, usage: language.pick(
            "geef precies één TEAM-bestand: teamplotter report TEAM [--needs BEHOEFTE.csv] [-o rapport.html]",
            "give exactly one TEAM file: teamplotter report TEAM [--needs NEEDS.csv] [-o report.html]"))
        output = parsed.value("-o", "--output")
    }

    func run(console: Console) throws(CLIError) {
        let team = try input.load(language, console: console)
        let analysis = GapAnalyser.analyse(team)
        let report = HTMLReport(language: language, date: DateFormatting.long(Date(), language))
        try InputFiles.write(report.render(team: team, analysis: analysis), to: output, inputs: input.paths, language: language, console: console)
    }

}
