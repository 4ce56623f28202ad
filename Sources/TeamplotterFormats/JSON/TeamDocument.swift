import Foundation
import TeamplotterCore

/// The team document: JSON, `"version": 1`, holding team, functions, needs and optionally the
/// organisation's own catalogue. See docs/team-document.md.
public enum TeamDocument {
    public static let version = 1

    // MARK: Writing

    public static func encode(_ team: Team) -> JSONValue {
        JSONTree.build { write(team, into: &$0) }
    }

    /// The document's text, written straight from the team: a large team never exists as a
    /// `JSONValue` too.
    public static func write(_ team: Team) -> String {
        JSONWriter.text(capacity: 512 * (team.functions.count + 1)) { write(team, into: &$0) }
    }

    /// The text of `write` as UTF-8, handed to `drain` a chunk at a time (each ending between
    /// characters), for files: a large document is then never whole in memory.
    public static func write(_ team: Team, to drain: (UnsafeBufferPointer<UInt8>) -> Void) {
        JSONWriter.stream(to: drain) { write(team, into: &$0) }
    }

    static func write(_ team: Team, into sink: inout some JSONSink) {
        sink.object { sink in
            sink.field("version", Double(version))
            sink.field("team", object: team.writeHeader)
            sink.field("functions", array: team.functions) { $1.write(into: &$0) }
            sink.field("needs", object: team.needs.writeMembers)
            if let catalogue = team.customCatalogue {
                sink.field("catalogue", object: catalogue.writeMembers)
            }
        }
    }

    // MARK: Reading

    /// Reads a team document; every problem is collected and thrown together.
    public static func read(_ data: Data, file: String?) throws(InputProblems) -> Team {
        try decode(try JSONValue.parse(data, file: file), file: file)
    }

    public static func decode(_ value: JSONValue, file: String?) throws(InputProblems) -> Team {
        var reader = DocumentReader(file: file)
        guard case .object = value else {
            throw reader.fatal(.notATeamDocument(reason: "verwacht een object met \"version\": 1, gevonden: \(value.kindName)"))
        }
        guard let versionValue = value["version"] else {
            throw reader.fatal(.notATeamDocument(reason: "\"version\" ontbreekt"))
        }
        guard case .number(let version) = versionValue else {
            throw reader.fatal(.notATeamDocument(reason: "\"version\" is geen getal"))
        }
        guard version == Double(Self.version) else {
            throw reader.fatal(.unsupportedVersion(JSONWriter.format(version)))
        }
        guard value["functions"] != nil || value["team"] != nil else {
            throw reader.fatal(.notATeamDocument(reason: "\"team\" en \"functions\" ontbreken"))
        }
        let team = reader.team(value)
        if !reader.problems.isEmpty { throw InputProblems(reader.problems) }
        return team
    }
}

/// Walks a JSON value into a team, remembering where it is, so each problem names its path.
private struct DocumentReader {
    let file: String?
    var problems: [InputProblem] = []
    var catalogue = Catalogue.builtIn

    init(file: String?) {
        self.file = file
    }

    func fatal(_ kind: InputProblem.Kind) -> InputProblems {
        InputProblems([InputProblem(kind, at: SourceLocation(file: file))])
    }

    mutating func problem(_ kind: InputProblem.Kind, _ path: String) {
        problems.append(InputProblem(kind, at: SourceLocation(file: file, path: path)))
    }

    mutating func team(_ root: JSONValue) -> Team {
        checkKeys(root, ["version", "team", "functions", "needs", "catalogue"], "")
        var header = root["team"] ?? .object([])
        if header == .null {
            header = .object([])
        } else if case .object = header {
            checkKeys(header, ["name", "organisation", "standardWeekHours"], "team")
        } else {
            problem(.wrongType(expected: .teamHeader), "team")
            header = .object([])
        }
        if let custom = root["catalogue"], custom != .null {
            if let customization = customization(custom, "catalogue") {
                catalogue = Catalogue.builtIn.applying(customization)
                var team = teamBody(root, header: header)
                team.customCatalogue = customization
                return team
            }
        }
        return teamBody(root, header: header)
    }

    private mutating func teamBody(_ root: JSONValue, header: JSONValue) -> Team {
        let name = string(header["name"], "team.name") ?? "Team"
        let week = number(header["standardWeekHours"], "team.standardWeekHours", range: 1...80)
        let functions = array(root["functions"], "functions").enumerated().map { index, value in
            function(value, "functions[\(index)]")
        }
        return Team(
            name: name,
            organisation: string(header["organisation"], "team.organisation"),
            standardWeekHours: week ?? Team.defaultStandardWeekHours,
            functions: functions,
            needs: needs(root["needs"], "needs"))
    }

    private mutating func function(_ value: JSONValue, _ path: String) -> TeamFunction {
        guard case .object = value else {
            problem(.wrongType(expected: .function), path)
            return TeamFunction(title: "")
        }
        checkKeys(value, ["title", "holder", "vacancy", "hoursPerWeek", "fte", "tasks", "roles", "competencies"], path)
        let title = string(value["title"], path + ".title") ?? ""
        if title.trimmed.isEmpty {
            problem(.missingValue(field: "title"), path + ".title")
        }
        var workload: Workload?
        if let hours = number(value["hoursPerWeek"], path + ".hoursPerWeek", range: 0...80) {
            workload = .hoursPerWeek(hours)
        } else if let fte = number(value["fte"], path + ".fte", range: 0...2) {
            workload = .fte(fte)
        }
        let roles = array(value["roles"], path + ".roles").enumerated().compactMap { index, item in
            assignment(item, path + ".roles[\(index)]")
        }
        return TeamFunction(
            title: title,
            holder: string(value["holder"], path + ".holder").flatMap { $0.isEmpty ? nil : $0 },
            isVacancy: bool(value["vacancy"], path + ".vacancy") ?? false,
            workload: workload,
            tasks: strings(value["tasks"], path + ".tasks"),
            roles: roles,
            competencies: competencies(value["competencies"], path + ".competencies"))
    }

    private mutating func assignment(_ value: JSONValue, _ path: String) -> RoleAssignment? {
        switch value {
        case .string(let name):
            return roleId(name, path).map { RoleAssignment(roleId: $0) }
        case .object:
            checkKeys(value, ["role", "share"], path)
            guard let name = string(value["role"], path + ".role") else {
                problem(.missingValue(field: "role"), path + ".role")
                return nil
            }
            let share = number(value["share"], path + ".share", range: 0...100)
            return roleId(name, path + ".role").map { RoleAssignment(roleId: $0, sharePercent: share) }
        default:
            problem(.wrongType(expected: .roleReference), path)
            return nil
        }
    }

    private mutating func roleId(_ name: String, _ path: String) -> String? {
        if catalogue.role(id: name) != nil { return name }
        switch catalogue.match(name) {
        case .role(let role): return role.id
        case .unknown(let suggestions):
            problem(.unknownRole(name: name, suggestions: suggestions), path)
            return nil
        }
    }

    private mutating func needs(_ value: JSONValue?, _ path: String) -> Needs {
        guard let value, value != .null else { return Needs() }
        guard case .object = value else {
            problem(.wrongType(expected: .needs), path)
            return Needs()
        }
        checkKeys(value, ["roles", "tasks", "competencies"], path)
        var seen: [String: Int] = [:]
        var roles: [RoleNeed] = []
        for (index, item) in array(value["roles"], path + ".roles").enumerated() {
            let itemPath = path + ".roles[\(index)]"
            guard case .object = item else {
                problem(.wrongType(expected: .roleNeed), itemPath)
                continue
            }
            checkKeys(item, ["role", "priority", "desiredFte", "minPeople", "note"], itemPath)
            guard let name = string(item["role"], itemPath + ".role") else {
                problem(.missingValue(field: "role"), itemPath + ".role")
                continue
            }
            let id = roleId(name, itemPath + ".role")
            var priority: Priority?
            if let text = string(item["priority"], itemPath + ".priority") {
                priority = Priority(rawValue: text) ?? Priority(userText: text)
                if priority == nil { problem(.unknownPriority(value: text), itemPath + ".priority") }
            } else {
                problem(.missingValue(field: "priority"), itemPath + ".priority")
            }
            let desired = number(item["desiredFte"], itemPath + ".desiredFte", range: 0...1000)
            let minimum = number(item["minPeople"], itemPath + ".minPeople", range: 0...10_000)
            if let minimum, minimum != minimum.rounded() {
                problem(.wrongType(expected: .wholeNumber), itemPath + ".minPeople")
            }
            let note = string(item["note"], itemPath + ".note")
            guard let id else { continue }
            if let first = seen[id] {
                problem(.duplicateNeed(role: catalogue.role(id: id)?.name ?? id, firstRow: nil), itemPath + " (\(path).roles[\(first)])")
                continue
            }
            seen[id] = index
            guard let priority else { continue }
            roles.append(
                RoleNeed(
                    roleId: id, priority: priority, desiredFte: desired,
                    minPeople: minimum.map { Int($0) }, note: note))
        }
        return Needs(
            roles: roles, tasks: strings(value["tasks"], path + ".tasks"),
            competencies: competencies(value["competencies"], path + ".competencies"))
    }

    private mutating func competencies(_ value: JSONValue?, _ path: String) -> [Competency] {
        array(value, path).enumerated().compactMap { index, item in
            let itemPath = "\(path)[\(index)]"
            switch item {
            case .string(let name): return Competency(name: name)
            case .object:
                checkKeys(item, ["name", "level"], itemPath)
                guard let name = string(item["name"], itemPath + ".name") else {
                    problem(.missingValue(field: "name"), itemPath + ".name")
                    return nil
                }
                let level = number(item["level"], itemPath + ".level", range: 1...4)
                return Competency(name: name, level: level.map { Int($0) })
            default:
                problem(.wrongType(expected: .competency), itemPath)
                return nil
            }
        }
    }

    private mutating func customization(_ value: JSONValue, _ path: String) -> CatalogueCustomization? {
        guard case .object = value else {
            problem(.wrongType(expected: .catalogue), path)
            return nil
        }
        checkKeys(value, ["mode", "categories"], path)
        let modeText = string(value["mode"], path + ".mode") ?? "extend"
        guard let mode = CatalogueCustomization.Mode(rawValue: modeText) else {
            problem(.wrongType(expected: .catalogueMode), path + ".mode")
            return nil
        }
        var categoryIds = Set<String>()
        var roleIds = Set(mode == .extend ? Catalogue.builtIn.roles.map(\.id) : [])
        let categories = array(value["categories"], path + ".categories").enumerated().map { index, item in
            let itemPath = "\(path).categories[\(index)]"
            checkKeys(item, ["id", "name", "nameEn", "roles"], itemPath)
            let name = string(item["name"], itemPath + ".name") ?? ""
            if name.isEmpty { problem(.missingValue(field: "name"), itemPath + ".name") }
            let roles = array(item["roles"], itemPath + ".roles").enumerated().map { roleIndex, role in
                let rolePath = "\(itemPath).roles[\(roleIndex)]"
                checkKeys(role, ["id", "name", "description", "nameEn", "descriptionEn", "aliases"], rolePath)
                let roleName = string(role["name"], rolePath + ".name") ?? ""
                if roleName.isEmpty { problem(.missingValue(field: "name"), rolePath + ".name") }
                let id = string(role["id"], rolePath + ".id") ?? TextKey.slug(roleName)
                if !roleIds.insert(id).inserted { problem(.duplicateId(id: id), rolePath + ".id") }
                return Role(
                    id: id,
                    name: roleName,
                    description: string(role["description"], rolePath + ".description") ?? "",
                    englishName: string(role["nameEn"], rolePath + ".nameEn"),
                    englishDescription: string(role["descriptionEn"], rolePath + ".descriptionEn"),
                    aliases: strings(role["aliases"], rolePath + ".aliases"))
            }
            let id = string(item["id"], itemPath + ".id") ?? TextKey.slug(name)
            if !categoryIds.insert(id).inserted { problem(.duplicateId(id: id), itemPath + ".id") }
            return RoleCategory(
                id: id, name: name,
                englishName: string(item["nameEn"], itemPath + ".nameEn"), roles: roles)
        }
        return CatalogueCustomization(mode: mode, categories: categories)
    }

    // MARK: Typed access that records what is wrong

    private mutating func string(_ value: JSONValue?, _ path: String) -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case .number(let number)?: return JSONWriter.format(number)
        default:
            problem(.wrongType(expected: .text), path)
            return nil
        }
    }

    private mutating func number(_ value: JSONValue?, _ path: String, range: ClosedRange<Double>) -> Double? {
        var result: Double?
        switch value {
        case nil, .null?: return nil
        case .number(let number)?: result = number
        case .string(let text)?:
            // Lenient: "22,5" typed as text still counts.
            guard case .some(.some(let number)) = CellParsing.number(text) else {
                if text.trimmed.isEmpty { return nil }
                problem(.invalidNumber(value: text, field: fieldName(path)), path)
                return nil
            }
            result = number
        default:
            problem(.wrongType(expected: .number), path)
            return nil
        }
        guard let result, range.contains(result) else {
            problem(.outOfRange(value: JSONWriter.format(result ?? 0), field: fieldName(path), range: range), path)
            return nil
        }
        return result
    }

    /// The last key of a path: `functions[0].hoursPerWeek` → `hoursPerWeek`.
    private func fieldName(_ path: String) -> String {
        String(path.split(separator: ".").last ?? Substring(path))
    }

    private mutating func bool(_ value: JSONValue?, _ path: String) -> Bool? {
        switch value {
        case nil, .null?: return nil
        case .bool(let bool)?: return bool
        default:
            problem(.wrongType(expected: .trueOrFalse), path)
            return nil
        }
    }

    private mutating func array(_ value: JSONValue?, _ path: String) -> [JSONValue] {
        switch value {
        case nil, .null?: return []
        case .array(let values)?: return values
        default:
            problem(.wrongType(expected: .list), path)
            return []
        }
    }

    private mutating func strings(_ value: JSONValue?, _ path: String) -> [String] {
        array(value, path).enumerated().compactMap { index, item in
            if item == .null { problem(.wrongType(expected: .text), "\(path)[\(index)]") }
            return string(item, "\(path)[\(index)]")
        }
    }

    /// Every key of an object must be one this format knows: a misspelt key would otherwise lose
    /// its data without a word.
    private mutating func checkKeys(_ value: JSONValue, _ known: [String], _ path: String) {
        guard case .object(let pairs) = value else { return }
        for (key, _) in pairs where !known.contains(key) {
            let lower = key.lowercased()
            let suggestion = known.min { TextKey.distance(lower, $0.lowercased()) < TextKey.distance(lower, $1.lowercased()) }
                .flatMap { TextKey.distance(lower, $0.lowercased()) <= max(2, key.count / 3) ? $0 : nil }
            problem(.unknownKey(key: key, suggestion: suggestion), path.isEmpty ? key : path + "." + key)
        }
    }
}

// MARK: Encoding pieces

extension Team {
    fileprivate func writeHeader(into sink: inout some JSONSink) {
        sink.field("name", name)
        sink.field("organisation", organisation)
        sink.field("standardWeekHours", standardWeekHours)
    }
}

extension TeamFunction {
    fileprivate func write(into sink: inout some JSONSink) {
        sink.object { sink in
            sink.field("title", title)
            sink.field("holder", holder)
            if isVacancy { sink.field("vacancy", true) }
            switch workload {
            case .hoursPerWeek(let value): sink.field("hoursPerWeek", value)
            case .fte(let value): sink.field("fte", value)
            case nil: break
            }
            sink.field("tasks", strings: tasks)
            sink.field("roles", array: roles) { sink, role in
                sink.object { sink in
                    sink.field("role", role.roleId)
                    sink.field("share", role.sharePercent)
                }
            }
            sink.field("competencies", array: competencies) { $1.write(into: &$0) }
        }
    }
}

extension Competency {
    var json: JSONValue { JSONTree.build { write(into: &$0) } }

    func write(into sink: inout some JSONSink) {
        sink.object { sink in
            sink.field("name", name)
            sink.field("level", level)
        }
    }
}

extension Needs {
    fileprivate func writeMembers(into sink: inout some JSONSink) {
        sink.field("roles", array: roles) { sink, need in
            sink.object { sink in
                sink.field("role", need.roleId)
                sink.field("priority", need.priority.rawValue)
                sink.field("desiredFte", need.desiredFte)
                sink.field("minPeople", need.minPeople)
                sink.field("note", need.note)
            }
        }
        sink.field("tasks", strings: tasks)
        sink.field("competencies", array: competencies) { $1.write(into: &$0) }
    }
}

extension CatalogueCustomization {
    fileprivate func writeMembers(into sink: inout some JSONSink) {
        sink.field("mode", mode.rawValue)
        sink.field("categories", array: categories) { $1.write(into: &$0) }
    }
}

extension RoleCategory {
    /// A category with its roles, every text in both languages: the shape of a team document's
    /// own catalogue, of `GET /api/roles` and of `teamplotter roles --format json`.
    public var json: JSONValue { JSONTree.build { write(into: &$0) } }

    func write(into sink: inout some JSONSink) {
        sink.object { sink in
            sink.field("id", id)
            sink.field("name", name)
            sink.field("nameEn", englishName)
            sink.field("roles", array: roles) { sink, role in
                sink.object { sink in
                    sink.field("id", role.id)
                    sink.field("name", role.name)
                    sink.field("description", role.description)
                    sink.field("nameEn", role.englishName)
                    sink.field("descriptionEn", role.englishDescription)
                    if !role.aliases.isEmpty { sink.field("aliases", strings: role.aliases) }
                }
            }
        }
    }
}
