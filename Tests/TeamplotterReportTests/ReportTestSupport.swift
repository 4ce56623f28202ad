import Foundation
import TeamplotterCore
import TeamplotterFormats

/// The shipped example team, read the way the CLI reads it.
enum ExampleTeam {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load() throws -> Team {
        let teamData = try Data(contentsOf: root.appendingPathComponent("examples/voorbeeldstad-team.csv"))
        let needsData = try Data(contentsOf: root.appendingPathComponent("examples/voorbeeldstad-behoefte.csv"))
        var team = try TeamLoader.loadTeam(teamData, file: "voorbeeldstad-team.csv").team
        team.needs = try TeamLoader.loadNeeds(needsData, file: "voorbeeldstad-behoefte.csv")
        return team
    }
}

/// Golden files in Fixtures/: the expected output. Run the tests with
/// TEAMPLOTTER_UPDATE_GOLDENS=1 to rewrite them on purpose, then review the diff.
enum ReportGolden {
    static func url(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/" + name)
    }

    /// The expected text; rewritten first when updating.
    static func expected(_ actual: String, name: String) throws -> String {
        if ProcessInfo.processInfo.environment["TEAMPLOTTER_UPDATE_GOLDENS"] == "1" {
            try Data(actual.utf8).write(to: url(name))
        }
        return try String(contentsOf: url(name), encoding: .utf8)
    }
}

/// Made-up teams of any size, against a catalogue of their own.
enum SyntheticTeam {
    static func make(functions: Int, roles: Int, categories: Int = 5, titlePrefix: String = "Functie") -> Team {
        let perCategory = (roles + categories - 1) / categories
        var roleIds: [String] = []
        let catalogueCategories = (0..<categories).map { category in
            let range = (category * perCategory)..<min((category + 1) * perCategory, roles)
            let categoryRoles = range.map { index in
                let id = "rol-\(index)"
                roleIds.append(id)
                return Role(id: id, name: "Rol \(index) met een lange naam voor de kolomkop nummer \(index)")
            }
            return RoleCategory(id: "cat-\(category)", name: "Categorie \(category) met een behoorlijk lange naam", roles: categoryRoles)
        }
        var teamFunctions: [TeamFunction] = []
        for index in 0..<functions {
            let isVacancy = index % 7 == 3
            let roles: [RoleAssignment] = (0..<3).map { offset in
                RoleAssignment(roleId: roleIds[(index * 3 + offset * 5) % roleIds.count])
            }
            let hours = Double(16 + index % 21)
            teamFunctions.append(TeamFunction(
                title: "\(titlePrefix) \(index) met een titel die te lang is voor de kolom",
                holder: isVacancy ? nil : "Medewerker \(index)", isVacancy: isVacancy,
                workload: .hoursPerWeek(hours), roles: roles))
        }
        let needs = Needs(roles: roleIds.enumerated().map { index, id in
            RoleNeed(roleId: id, priority: Priority.allCases[index % 4], desiredFte: index % 5 == 0 ? 2 : nil,
                     minPeople: index % 6 == 0 ? 2 : nil)
        })
        return Team(
            name: "Synthetisch team", functions: teamFunctions, needs: needs,
            customCatalogue: CatalogueCustomization(mode: .replace, categories: catalogueCategories))
    }
}

extension String {
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
