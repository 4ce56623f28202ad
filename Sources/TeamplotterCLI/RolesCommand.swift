import TeamplotterCore
import TeamplotterFormats
import TeamplotterReport

/// `teamplotter roles [--format text|markdown|json] [--lang nl|en]`: the catalogue.
struct RolesCommand: Command {
    static let names = ["roles", "rollen"]

    let format: String
    let language: Language

    static func summary(_ language: Language) -> String {
        language.pick("de rollenlijst: 4 categorieën, 24 rollen", "the role catalogue: 4 categories, 24 roles")
    }

    static func help(_ language: Language) -> String {
        language.pick(
            """
            Gebruik: teamplotter roles [--format text|markdown|json] [--lang nl|en]

            Toont de rollenlijst met per rol de id (voor teamdocumenten) en de toelichting.

            """,
            """
            Usage: teamplotter roles [--format text|markdown|json] [--lang nl|en]

            Prints the role catalogue: each role's id (for team documents) and description.

            """)
    }

    init(arguments: [String], console: Console) throws(CLIError) {
        let parsed = try Arguments(arguments, valued: ["--format", "--lang"], flags: [], environment: console.environment)
        language = try parsed.language(environment: console.environment)
        try parsed.allowPositionals(0, language, takes: language.pick("roles neemt geen bestanden", "roles takes no files"))
        format = try parsed.choice("--format", allowed: ["text", "markdown", "json"], default: "text")
    }

    func run(console: Console) throws(CLIError) {
        console.write(CatalogueRendering(language: language).render(.builtIn, format: format))
    }
}

/// The catalogue as text, Markdown or JSON.
struct CatalogueRendering {
    let language: Language

    func render(_ catalogue: Catalogue, format: String) -> String {
        switch format {
        case "json":
            // The same as the web app's GET /api/roles.
            return JSONWriter.write(.object([("categories", .array(catalogue.categories.map(\.json)))]))
        case "markdown":
            var lines: [String] = []
            for (number, category) in catalogue.categories.enumerated() {
                lines += ["## \(number + 1). \(category.name(language))", "",
                          "| " + language.pick("rol", "role") + " | id | " + language.pick("toelichting", "description") + " |",
                          "|---|---|---|"]
                lines += category.roles.map { "| \($0.name(language)) | `\($0.id)` | \($0.description(language)) |" }
                lines.append("")
            }
            return lines.joined(separator: "\n")
        default:
            var lines: [String] = []
            for (number, category) in catalogue.categories.enumerated() {
                lines.append("\(number + 1). \(category.name(language))")
                for role in category.roles {
                    lines.append("   • \(role.name(language))")
                    lines.append("     id: \(role.id)")
                    lines += TextLayout.wrap(role.description(language), width: TextReport.width, indent: "     ")
                }
                lines.append("")
            }
            return lines.joined(separator: "\n")
        }
    }
}
