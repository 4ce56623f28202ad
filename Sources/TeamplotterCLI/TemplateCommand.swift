import Foundation
import TeamplotterCore
import TeamplotterFormats

/// `teamplotter template -o sjabloon.xlsx [--lang nl|en]`: the fill-in template.
struct TemplateCommand: Command {
    static let names = ["template", "sjabloon"]

    let output: String
    let language: Language

    static func summary(_ language: Language) -> String {
        language.pick("schrijf het invulsjabloon (Excel)", "write the fill-in template (Excel)")
    }

    static func help(_ language: Language) -> String {
        language.pick(
            """
            Gebruik: teamplotter template -o sjabloon.xlsx [--lang nl|en]

            Schrijft een lege Excel-werkmap om in te vullen: uitleg, de bladen Team
            en Behoefte met keuzelijsten van de rollen en prioriteiten, de
            rollenlijst en de teamgegevens. De naam eindigt op .xlsx.
            Lees het ingevulde sjabloon in met: teamplotter analyse sjabloon.xlsx

            """,
            """
            Usage: teamplotter template -o template.xlsx [--lang nl|en]

            Writes an empty Excel workbook to fill in: instructions, the sheets Team
            and Needs with drop-down lists of the roles and priorities, the
            catalogue and the team's details. The name ends in .xlsx.
            Read the filled-in template with: teamplotter analyse template.xlsx

            """)
    }

    init(arguments: [String], console: Console) throws(CLIError) {
        let parsed = try Arguments(arguments, valued: ["--lang", "-o", "--output"], flags: [])
        language = try parsed.language(environment: console.environment)
        try parsed.allowPositionals(0, language, takes: language.pick(
            "template neemt geen bestanden, alleen een uitvoerbestand na -o: teamplotter template -o sjabloon.xlsx",
            "template takes no files, only an output file after -o: teamplotter template -o template.xlsx"))
        guard let output = parsed.value("-o", "--output") else {
            throw .usage(language.pick(
                "geef een uitvoerbestand: teamplotter template -o sjabloon.xlsx",
                "give an output file: teamplotter template -o template.xlsx"))
        }
        // The template is a workbook whatever its name, and under another name it does not open
        // as one. Only a name that becomes a regular file says what the file is: /dev/null or a
        // FIFO takes the bytes under any name, so those are not checked.
        if InputFiles.isRegularFileOrMissing(output), !output.lowercased().hasSuffix(".xlsx") {
            let suggestion = InputFiles.path(output, withExtension: "xlsx")
            throw .usage(language.pick(
                "\(output): het sjabloon is een Excel-werkmap; geef een naam die op .xlsx eindigt, zoals \(suggestion)",
                "\(output): the template is an Excel workbook; give a name that ends in .xlsx, such as \(suggestion)"))
        }
        self.output = output
    }

    func run(console: Console) throws(CLIError) {
        try InputFiles.write(SpreadsheetExport(language: language).template(), to: output, language: language)
    }
}
