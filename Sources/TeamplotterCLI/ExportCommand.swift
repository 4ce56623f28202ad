import Foundation
import TeamplotterCore
import TeamplotterFormats

/// `teamplotter export TEAM [--needs NEEDS] --format xlsx|csv|json -o FILE [--lang nl|en]`
struct ExportCommand: Command {
    static let names = ["export"]
    static let formats = ["xlsx", "csv", "json"]

    let input: TeamInput
    let format: String
    let output: String
    let language: Language

    static func summary(_ language: Language) -> String {
        language.pick("zet een team in een Excel-werkmap, CSV of JSON", "write a team as an Excel workbook, CSV or JSON")
    }

    static func help(_ language: Language) -> String {
        language.pick(
            """
            Gebruik: teamplotter export TEAM [--needs BEHOEFTE] [--format xlsx|csv|json]
                       -o BESTAND [--lang nl|en]

            Schrijft het team naar een bestand. TEAM is een teamdocument (.json), een
            werkblad of vaardighedenmatrix (.csv) of een werkmap (.xlsx).

              xlsx  bladen Team, Behoefte, Analyse, Verdeling, Rollenlijst, Gegevens
              csv   het werkblad (Functie; Naam; Uren per week; …) in BESTAND, en
                    de behoefte in een tweede bestand ernaast:
                    team.csv → team-behoefte.csv
              json  het teamdocument ("version": 1)

            Zonder --format volgt het formaat uit de extensie van BESTAND.

            Voorbeeld:
              teamplotter export examples/voorbeeldstad-team.csv \\
                  --needs examples/voorbeeldstad-behoefte.csv -o voorbeeldstad.xlsx

            """,
            """
            Usage: teamplotter export TEAM [--needs NEEDS] [--format xlsx|csv|json]
                     -o FILE [--lang nl|en]

            Writes the team to a file. TEAM is a team document (.json), a worksheet
            or skills matrix (.csv) or a workbook (.xlsx).

              xlsx  sheets Team, Needs, Analysis, Allocation, Catalogue, Details
              csv   the worksheet (Function; Name; Hours per week; …) in FILE, and
                    the needs in a second file beside it:
                    team.csv → team-needs.csv
              json  the team document ("version": 1)

            Without --format the format follows from FILE's extension.

            """)
    }

    init(arguments: [String], console: Console) throws(CLIError) {
        let parsed = try Arguments(
            arguments, valued: TeamInput.options.union(["--format", "--lang", "-o", "--output"]), flags: [],
            environment: console.environment)
        language = try parsed.language(environment: console.environment)
        let usage = language.pick(
            "geef één TEAM-bestand en een uitvoerbestand: teamplotter export TEAM --format xlsx -o team.xlsx",
            "give one TEAM file and an output file: teamplotter export TEAM --format xlsx -o team.xlsx")
        input = try TeamInput(parsed, language: language, usage: usage)
        guard let output = parsed.value("-o", "--output") else { throw .usage(usage) }
        self.output = output
        let fromExtension = URL(fileURLWithPath: output).pathExtension.lowercased()
        let fallback = Self.formats.contains(fromExtension) ? fromExtension : "xlsx"
        format = try parsed.choice("--format", allowed: Self.formats, default: fallback)
        // A name that says another of the formats would hold what it does not say (CSV text in
        // "team.xlsx" that Excel then calls damaged); any other name is the user's to choose.
        if Self.formats.contains(fromExtension), fromExtension != format, InputFiles.isRegularFileOrMissing(output) {
            let suggestion = InputFiles.path(output, withExtension: format)
            throw .usage(language.pick(
                "\(output): de naam zegt .\(fromExtension), maar --format is \(format); noem het bestand bijvoorbeeld \(suggestion)",
                "\(output): the name says .\(fromExtension) but --format is \(format); name the file \(suggestion), for example"))
        }
    }

    /// Where the needs go beside a CSV export: `team.csv` → `team-behoefte.csv`.
    static func needsPath(for output: String, language: Language) -> String {
        let url = URL(fileURLWithPath: output)
        let base = url.deletingPathExtension().lastPathComponent
        let suffix = language.pick("behoefte", "needs")
        return url.deletingLastPathComponent().appendingPathComponent("\(base)-\(suffix).csv").path
    }

    func run(console: Console) throws(CLIError) {
        let inputs = input.paths
        let team = try input.load(language, console: console)
        let export = SpreadsheetExport(language: language)
        switch format {
        case "csv":
            // Beside a device or a FIFO (/dev/null, /dev/stdout) there is no folder of the user's
            // to put the needs in: a "/dev/null-behoefte.csv" would be a file nobody asked for.
            guard InputFiles.isRegularFileOrMissing(output) else {
                try InputFiles.write(Data(export.worksheetCSV(team)), to: output, inputs: inputs, language: language)
                return console.writeError(language.pick(
                    "let op: de behoefte is niet geschreven, want \(output) is geen gewoon bestand; met -o team.csv komen beide bestanden naast elkaar\n",
                    "note: the needs were not written, as \(output) is not a regular file; with -o team.csv both files are written side by side\n"))
            }
            // Both files or neither: each is written in full beside its target before either
            // replaces anything, so a refusal or failure of the second leaves the first as it was.
            let worksheet = try InputFiles.prepare(output, inputs: inputs, language: language) { put in
                export.worksheetCSV(team).withUnsafeBufferPointer(put)
            }
            let needs: InputFiles.PendingFile
            do {
                needs = try InputFiles.prepare(Self.needsPath(for: output, language: language), inputs: inputs, language: language) { put in
                    export.needsCSV(team).withUnsafeBufferPointer(put)
                }
            } catch {
                worksheet.discard()
                throw error
            }
            try worksheet.commit(language)
            try needs.commit(language)
        case "json":
            try InputFiles.write(to: output, inputs: inputs, language: language) { TeamDocument.write(team, to: $0) }
        default:
            try InputFiles.write(export.export(team), to: output, inputs: inputs, language: language)
        }
    }
}
