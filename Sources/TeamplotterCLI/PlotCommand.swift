import TeamplotterCore
import TeamplotterReport

/// `teamplotter plot TEAM [--needs NEEDS] [--lang nl|en] [-o plot.svg]`: the team matrix as SVG.
struct PlotCommand: Command {
    static let names = ["plot"]

    let input: TeamInput
    let output: String?
    let language: Language

    static func summary(_ language: Language) -> String {
        language.pick("de teamplot als SVG-afbeelding", "the team plot as an SVG image")
    }

    static func help(_ language: Language) -> String {
        language.pick(
            """
            Gebruik: teamplotter plot TEAM [--needs BEHOEFTE.csv] [--name NAAM]
                                      [--lang nl|en] [-o plot.svg]

            Tekent de teamplot: functies tegen rollen, met onderaan de status van elke rol
            (symbool, patroon en kleur). Zonder -o komt de SVG op het scherm.

            Voorbeeld:
              teamplotter plot examples/voorbeeldstad-team.csv \\
                  --needs examples/voorbeeldstad-behoefte.csv -o plot.svg

            """,
            """
            Usage: teamplotter plot TEAM [--needs NEEDS.csv] [--name NAME] [--lang nl|en]
                                    [-o plot.svg]

            Draws the team plot: functions against roles, with each role's status at the
            bottom (symbol, pattern and colour). Without -o the SVG goes to standard output.

            """)
    }

    init(arguments: [String], console: Console) throws(CLIError) {
        let parsed = try Arguments(arguments, valued: TeamInput.options.union(["--lang", "-o", "--output"]), flags: [], environment: console.environment)
        language = try parsed.language(environment: console.environment)
        input = try TeamInput(parsed, language: language, usage: language.pick(
            "geef precies één TEAM-bestand: teamplotter plot TEAM [--needs BEHOEFTE.csv] -o plot.svg",
            "give exactly one TEAM file: teamplotter plot TEAM [--needs NEEDS.csv] -o plot.svg"))
        output = parsed.value("-o", "--output")
    }

    func run(console: Console) throws(CLIError) {
        let team = try input.load(language, console: console)
        let analysis = GapAnalyser.analyse(team)
        try InputFiles.write(TeamPlot(language: language).document(analysis: analysis), to: output, inputs: input.paths, language: language, console: console)
    }
}
