import TeamplotterCore

/// The Rollenlijst sheet: the catalogue a workbook's team maps against, one row per role. Written
/// in full (ids, aliases, English texts) so that an organisation's own roles travel with the team,
/// and read back as a catalogue customization: roles beyond the built-in ones extend it, and a
/// sheet that leaves built-in roles out replaces it.
enum CatalogueSheet {
    /// Columns; the `other…` ones hold the texts of the other language (English in a Dutch sheet,
    /// Dutch in an English one), so the drop-down lists show names in the sheet's language.
    enum Field: Sendable, CaseIterable {
        case category, role, id, description, categoryId, aliases, otherName, otherDescription, otherCategory
    }

    static func header(_ language: Language) -> [(Field, String)] {
        [
            (.category, language.pick("Categorie", "Category")),
            (.role, language.pick("Rol", "Role")),
            (.id, "Id"),
            (.description, language.pick("Toelichting", "Description")),
            (.categoryId, language.pick("Categorie-id", "Category id")),
            (.aliases, language.pick("Andere schrijfwijzen", "Other spellings")),
            (.otherName, language.pick("Rol (Engels)", "Role (Dutch)")),
            (.otherDescription, language.pick("Toelichting (Engels)", "Description (Dutch)")),
            (.otherCategory, language.pick("Categorie (Engels)", "Category (Dutch)")),
        ]
    }

    static func rows(_ catalogue: Catalogue, language: Language) -> [[SheetToWrite.Cell]] {
        var rows: [[SheetToWrite.Cell]] = [header(language).map { SheetToWrite.Cell(.text($0.1), .header) }]
        let other: Language = language == .nl ? .en : .nl
        for category in catalogue.categories {
            for role in category.roles {
                // Dutch is the name; English only where one is set, so a missing one stays missing.
                let otherName = other == .nl ? role.name : role.englishName
                let otherDescription = other == .nl ? role.description : role.englishDescription
                let otherCategory = other == .nl ? category.name : category.englishName
                rows.append([
                    .text(category.name(language)), .text(role.name(language)), .text(role.id, .normal),
                    .text(role.description(language)), .text(category.id, .normal),
                    .text(role.aliases.joined(separator: "\n")), .text(otherName), .text(otherDescription),
                    .text(otherCategory),
                ])
            }
        }
        return rows
    }

    /// The customization a catalogue sheet describes (nil: just the built-in catalogue), or the
    /// problems with it. A sheet without an Id column is someone's own list, not ours: ignored.
    static func read(_ table: CSVTable, file: String?) -> (customization: CatalogueCustomization?, problems: [InputProblem]) {
        guard let headerRow = table.rows.first else { return (nil, []) }
        let language: Language = headerRow.cells.contains { TextKey.compact($0) == "role" } ? .en : .nl
        let map = HeaderMap(accepted: Self.header(language).map { ($0.0, [$0.1]) }, header: headerRow.cells)
        guard map[.role] != nil, map[.id] != nil else { return (nil, []) }
        var problems: [InputProblem] = []
        var categories: [RoleCategory] = []
        var seenRoles: [String: Int] = [:]
        for row in table.rows.dropFirst() {
            func text(_ field: Field) -> String {
                row[map[field]].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            func at(_ field: Field) -> SourceLocation {
                SourceLocation(file: file, sheet: table.sheet, row: row.number, column: map[field].map { $0 + 1 })
            }
            /// (Dutch, English) from the sheet's column and the other-language column.
            func pair(_ field: Field, _ otherField: Field) -> (String, String?) {
                let here = text(field)
                let there = text(otherField)
                if language == .nl { return (here, there.isEmpty ? nil : there) }
                let dutch = there.isEmpty ? here : there
                return (dutch, here == dutch ? nil : here)
            }
            let (name, englishName) = pair(.role, .otherName)
            let (categoryName, englishCategory) = pair(.category, .otherCategory)
            if name.isEmpty { problems.append(InputProblem(.missingValue(field: "Rol"), at: at(.role))) }
            if categoryName.isEmpty { problems.append(InputProblem(.missingValue(field: "Categorie"), at: at(.category))) }
            guard !name.isEmpty, !categoryName.isEmpty else { continue }
            let id = text(.id).isEmpty ? TextKey.slug(name) : text(.id)
            if let first = seenRoles[id] {
                problems.append(InputProblem(.duplicateNeed(role: name, firstRow: first), at: at(.id)))
                continue
            }
            seenRoles[id] = row.number
            let builtInCategory = Catalogue.builtIn.categories.first { TextKey.compact($0.name) == TextKey.compact(categoryName) }
            let categoryId = text(.categoryId).isEmpty ? (builtInCategory?.id ?? TextKey.slug(categoryName)) : text(.categoryId)
            let (description, englishDescription) = pair(.description, .otherDescription)
            let role = Role(
                id: id, name: name, description: description, englishName: englishName,
                englishDescription: englishDescription, aliases: CellParsing.items(row[map[.aliases]]))
            if let index = categories.firstIndex(where: { $0.id == categoryId }) {
                categories[index].roles.append(role)
            } else {
                categories.append(RoleCategory(id: categoryId, name: categoryName, englishName: englishCategory, roles: [role]))
            }
        }
        guard problems.isEmpty else { return (nil, problems) }
        return (customization(for: categories), [])
    }

    /// The smallest customization that turns the built-in catalogue into these categories.
    static func customization(for categories: [RoleCategory]) -> CatalogueCustomization? {
        let listed = Set(categories.flatMap(\.roles).map(\.id))
        let builtIn = Catalogue.builtIn
        if !builtIn.roles.allSatisfy({ listed.contains($0.id) }) {
            return CatalogueCustomization(mode: .replace, categories: categories)
        }
        let extra = categories.compactMap { category -> RoleCategory? in
            var category = category
            category.roles = category.roles.filter { builtIn.role(id: $0.id) == nil }
            return category.roles.isEmpty ? nil : category
        }
        return extra.isEmpty ? nil : CatalogueCustomization(mode: .extend, categories: extra)
    }
}
