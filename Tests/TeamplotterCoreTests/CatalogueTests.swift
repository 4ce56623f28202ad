import Foundation
import Testing

@testable import TeamplotterCore

/// The seed's rollenlijst, read from the user's own document (a copy in Fixtures).
private struct SeedRole {
    let category: String
    let name: String
    let description: String
}

private func seedRoles() throws -> [SeedRole] {
    let url = try #require(Bundle.module.url(forResource: "Fixtures/teamplotter-online-team", withExtension: "txt"))
    let text = try String(contentsOf: url, encoding: .utf8)
    var category = ""
    var roles: [SeedRole] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("Categorie ") {
            category = String(line.dropFirst("Categorie 1 ".count)).trimmingCharacters(in: .whitespaces)
        } else if line.hasPrefix("|"), !line.hasPrefix("| Rol"), !line.hasPrefix("|-") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            roles.append(SeedRole(category: category, name: cells[1], description: cells[2]))
        }
    }
    return roles
}

@Suite struct CatalogueTests {
    let catalogue = Catalogue.builtIn

    @Test func hasTheSeedsFourCategoriesAndTwentyFourRoles() throws {
        #expect(catalogue.categories.count == 4)
        #expect(catalogue.roles.count == 24)
        #expect(catalogue.categories.map(\.roles.count) == [7, 8, 3, 6])
    }

    @Test func namesDescriptionsAndCategoriesStandAsInTheSeed() throws {
        let seed = try seedRoles()
        #expect(seed.count == 24)
        for (expected, role) in zip(seed, catalogue.roles) {
            #expect(role.name == expected.name)
            #expect(role.description == expected.description)
            #expect(catalogue.category(ofRole: role.id)?.name == expected.category)
        }
    }

    @Test func idsAreUniqueSlugsOfTheName() {
        let ids = catalogue.roles.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(catalogue.role(id: "contentmanager-website")?.name == "Contentmanager website")
        for role in catalogue.roles {
            #expect(role.id == TextKey.slug(role.name))
        }
    }

    @Test func everyRoleHasEnglishTexts() {
        for role in catalogue.roles {
            #expect(role.englishName?.isEmpty == false, "\(role.id)")
            #expect(role.englishDescription?.isEmpty == false, "\(role.id)")
        }
        for category in catalogue.categories {
            #expect(category.englishName?.isEmpty == false)
        }
    }

    @Test(arguments: [
        ("contentmanager website", "contentmanager-website"),
        ("  CONTENTMANAGER WEBSITE ", "contentmanager-website"),
        ("Content-manager web site", "contentmanager-website"),
        ("Applicatiebeheerder", "applicatie-beheerder"),
        ("Webformulierenspecialist", "webformulieren-specialist-bouwen-en-vernieuwen"),
        ("Webformulieren specialist", "webformulieren-specialist-bouwen-en-vernieuwen"),
        ("Webformulieren specialist (bouwen en vernieuwen)", "webformulieren-specialist-bouwen-en-vernieuwen"),
        ("Beleidsmedewerker/adviseur dienstverlening", "beleidsmedewerker-adviseur-dienstverlening"),
        ("Data-analist", "data-analist"),
        ("Procesanalist", "proces-analist"),
        ("proces.analist", "proces-analist"),
        ("Usability éxpert", "usability-expert"),
    ])
    func matchesIgnoringCaseDiacriticsSpacingAndPunctuation(typed: String, id: String) {
        #expect(catalogue.role(matching: typed)?.id == id)
    }

    /// Spellings the seed itself uses in its descriptions.
    @Test(arguments: [
        ("applicatiebeheerder", "applicatie-beheerder"),
        ("web analist", "website-analist"),
        ("communitymanager", "community-manager"),
        ("adviseur dienstverlening", "beleidsmedewerker-adviseur-dienstverlening"),
        ("adviseur nieuwe media", "beleidsmedewerker-adviseur-nieuwe-media"),
        ("webcaremedewerker", "online-servicemedewerker"),
        ("Web analyst", "website-analist"),
    ])
    func knowsTheAliases(typed: String, id: String) {
        #expect(catalogue.role(matching: typed)?.id == id)
    }

    @Test func suggestsTheClosestNamesForATypo() {
        guard case .unknown(let suggestions) = catalogue.match("Contentmanger website") else {
            Issue.record("a typo must not match")
            return
        }
        #expect(suggestions.first == "Contentmanager website")
    }

    @Test func offersNoSuggestionForSomethingUnrelated() {
        #expect(catalogue.match("Brandweercommandant") == .unknown(suggestions: []))
    }

    @Test func anOrganisationCanExtendTheCatalogue() {
        let own = Role(id: "privacy-officer", name: "Privacy officer", aliases: ["FG"])
        let extended = catalogue.applying(
            CatalogueCustomization(mode: .extend, categories: [
                RoleCategory(id: "visie-strategie-verbinding", name: "ignored", roles: [own]),
                RoleCategory(id: "eigen", name: "Eigen rollen", roles: [Role(id: "archivaris", name: "Archivaris")]),
            ]))
        #expect(extended.roles.count == 26)
        #expect(extended.category(ofRole: "privacy-officer")?.id == "visie-strategie-verbinding")
        #expect(extended.role(matching: "fg")?.id == "privacy-officer")
        #expect(extended.categories.last?.name == "Eigen rollen")
    }

    @Test func anOrganisationCanReplaceTheCatalogue() {
        let replaced = catalogue.applying(
            CatalogueCustomization(mode: .replace, categories: [
                RoleCategory(id: "a", name: "A", roles: [Role(id: "x", name: "X")])
            ]))
        #expect(replaced.roles.map(\.id) == ["x"])
        #expect(replaced.role(matching: "Leidinggevende") == nil)
    }
}

@Suite struct TextKeyTests {
    @Test func compactDropsWhatPeopleTypeDifferently() {
        #expect(TextKey.compact(" Beleids-medewerker / Adviseur. ") == "beleidsmedewerkeradviseur")
        #expect(TextKey.compact("Coördinator") == "coordinator")
    }

    @Test func slugIsLowerCaseWithHyphens() {
        #expect(TextKey.slug("Dienstverlening aan en interactie (inwoners/ondernemers)") == "dienstverlening-aan-en-interactie-inwoners-ondernemers")
        #expect(TextKey.slug("Creëren & vernieuwen") == "creeren-vernieuwen")
    }

    @Test func editDistance() {
        #expect(TextKey.distance("kitten", "sitting") == 3)
        #expect(TextKey.distance("", "abc") == 3)
        #expect(TextKey.distance("abc", "abc") == 0)
    }

    @Test(arguments: [
        ("nodig", Priority.must), ("Gewenst", .should), ("optioneel", .could), ("niet nodig", .notNeeded),
        ("NIET-NODIG", .notNeeded), ("must", .must), ("should", .should), ("could", .could), ("not needed", .notNeeded),
    ])
    func prioritiesInDutchAndEnglish(text: String, priority: Priority) {
        #expect(Priority(userText: text) == priority)
    }

    @Test func unknownPriorityIsNil() {
        #expect(Priority(userText: "heel hard") == nil)
        #expect(Priority(userText: "") == nil)
    }
}

@Suite struct TrimmedTests {
    @Test func trimsAsciiAndUnicodeWhiteSpace() {
        #expect("  a b \r\n".trimmed == "a b")
        #expect("\u{00A0}Vacature\u{2003}".trimmed == "Vacature")
        #expect(" \t\n ".trimmed == "")
        #expect("".trimmed == "")
        #expect("één ".trimmed == "één")
        #expect(" x"[...].trimmed == "x")
    }
}
