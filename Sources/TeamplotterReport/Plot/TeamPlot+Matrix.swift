import TeamplotterCore

/// A rendered SVG and its size, so that a page can decide how to place it.
struct Drawing {
    var svg: HTML
    var width: Double
    var height: Double
}

extension TeamPlot {
    /// The matrix; with `rows`, only those functions (a page of a long team), headers and status
    /// rows included, so that every part reads on its own.
    func matrixDrawing(_ analysis: GapAnalysis, rows: Range<Int>? = nil) -> Drawing {
        var svg = HTML()
        let size = appendMatrix(analysis, rows: rows, to: &svg)
        return Drawing(svg: svg, width: size.width, height: size.height)
    }

    /// `matrixDrawing`'s SVG written into `html`; its size returned.
    @discardableResult
    func appendMatrix(
        _ analysis: GapAnalysis, rows: Range<Int>? = nil, to html: inout HTML
    ) -> (width: Double, height: Double) {
        MatrixLayout(plot: self, analysis: analysis, rows: rows ?? analysis.functions.indices).draw(into: &html)
    }

    /// The matrix in parts, each in a `tp-plot-part` box, every part with its own ids: one layout
    /// for all the parts, and the category and role headers and the priority row (which depend on
    /// neither the rows nor the ids) drawn once.
    func appendMatrixParts(_ analysis: GapAnalysis, pages: [Range<Int>], to html: inout HTML) {
        let whole = MatrixLayout(plot: self, analysis: analysis, rows: analysis.functions.indices)
        let headers = pages.count > 1 ? whole.headers() : nil
        for (number, rows) in pages.enumerated() {
            // Each part is an SVG of its own, so its ids need their own prefix.
            let plot = number == 0 ? self : TeamPlot(language: language, idPrefix: "\(idPrefix)-p\(number + 1)")
            appendElement("div", .class("tp-plot-part"), to: &html) { html in
                _ = whole.part(rows, plot: plot).draw(headers: headers, into: &html)
            }
        }
    }

    /// The size `matrixDrawing` would have, without drawing it: for placing it on a page.
    func matrixSize(_ analysis: GapAnalysis, rows: Range<Int>? = nil) -> (width: Double, height: Double) {
        let layout = MatrixLayout(plot: self, analysis: analysis, rows: rows ?? analysis.functions.indices)
        return (layout.width, layout.legendLayout(layout.legendItems()).height)
    }

    /// The height of one function's row.
    static let matrixRowHeight = 34.0
    /// A matrix with more function rows than this repeats the status row above them.
    static let matrixRepeatsStatusAbove = 20

    /// "Title — holder — 0,89 fte", the way a function is named in tooltips and descriptions.
    func functionLine(_ function: TeamFunction, fte functionFte: Double) -> String {
        let who = function.isVacancy ? pick("vacature", "vacancy") : function.holder
        let fte = function.workload == nil ? pick("uren onbekend", "hours unknown")
            : "\(NumberFormatting.fte(functionFte, language)) " + pick("fte", "FTE")
        return ([function.title, who].compactMap { $0 } + [fte]).joined(separator: " — ")
    }
}

/// The geometry of the matrix: functions down the left, roles across the top grouped under their
/// categories, a cell wherever a function holds a role, and the status of each role underneath.
private struct MatrixLayout {
    /// Variable so that the parts of one matrix can share one layout (see `part`).
    private(set) var plot: TeamPlot
    let analysis: GapAnalysis
    /// The functions drawn, by index: all of them, or one page's worth.
    private(set) var rows: Range<Int>

    static let pad = 12.0
    static let labelWidth = 250.0
    static let column = 32.0
    static let row = TeamPlot.matrixRowHeight
    static let headerSize = 11.0
    /// Role names are written upwards in at most two lines of this length.
    static let roleNameMax = 150.0

    /// Roles in catalogue order, and the categories that have any.
    let roles: [RoleResult]
    let categories: [(result: CategoryResult, first: Int, count: Int)]
    let columnOfRole: [String: Int]
    let categoryLabels: [(lines: [String], truncated: Bool)]
    let roleLabels: [(lines: [String], truncated: Bool)]
    let hasVacancies: Bool
    /// Per role: name, status and why, the tooltip of its status cells.
    let statusTooltips: [String]
    /// The drawing's `<desc>`: the same for every part.
    private(set) var textAlternative = ""

    // Vertical bands, top to bottom.
    let categoryTop: Double
    let categoryHeight: Double
    let roleHeight: Double
    var roleBottom: Double { categoryTop + categoryHeight + roleHeight }
    var priorityTop: Double { roleBottom }
    static let priorityHeight = 18.0
    /// A long matrix repeats the status row above the functions, so it is seen without scrolling.
    var repeatsStatus: Bool { rows.count > Self.repeatStatusAbove }
    static let repeatStatusAbove = TeamPlot.matrixRepeatsStatusAbove
    var topStatusTop: Double { priorityTop + Self.priorityHeight + 2 }
    var rowsTop: Double { priorityTop + Self.priorityHeight + (repeatsStatus ? Self.statusHeight + 4 : 0) }
    var rowsBottom: Double { rowsTop + Double(rows.count) * Self.row }
    var statusTop: Double { rowsBottom + 4 }
    static let statusHeight = 30.0
    var peopleTop: Double { statusTop + Self.statusHeight + 2 }
    static let figureRow = 18.0
    var fteTop: Double { peopleTop + Self.figureRow }
    var vacancyTop: Double { fteTop + Self.figureRow }
    var tableBottom: Double { vacancyTop + (hasVacancies ? Self.figureRow : 0) }
    var legendTop: Double { tableBottom + 16 }

    var matrixLeft: Double { Self.pad + Self.labelWidth }
    var matrixRight: Double { matrixLeft + Double(roles.count) * Self.column }
    var width: Double { max(matrixRight + Self.pad, 560) }

    init(plot: TeamPlot, analysis: GapAnalysis, rows: Range<Int>) {
        self.plot = plot
        self.analysis = analysis
        self.rows = rows.clamped(to: analysis.functions.indices)
        roles = analysis.roles
        var columnOfRole: [String: Int] = [:]
        for (index, role) in roles.enumerated() { columnOfRole[role.role.id] = index }
        self.columnOfRole = columnOfRole
        var categories: [(result: CategoryResult, first: Int, count: Int)] = []
        var first = 0
        for category in analysis.categories {
            let count = roles.count { $0.categoryId == category.category.id }
            if count > 0 { categories.append((category, first, count)) }
            first += count
        }
        self.categories = categories
        // The team's own functions: iterating the results would put a whole result together
        // for each function, and this runs once per part of a long plot.
        hasVacancies = analysis.functions.teamFunctions.contains { $0.isVacancy }
        // Each role's status worded once per drawing, for the status row above and below.
        let words = AnalysisWording(plot.language)
        statusTooltips = roles.map { role in
            let reason = words.reason(role)
            return "\(role.role.name(plot.language)): \(role.status.label(plot.language))"
                + (reason.isEmpty ? "" : " — \(reason)")
        }

        let language = plot.language
        categoryLabels = categories.enumerated().map { number, category in
            let span = Double(category.count) * Self.column - 8
            let name = "\(number + 1). " + category.result.category.name(language)
            // Too narrow for words: the number alone, the name in the tooltip and the legend table.
            if span < 40 { return (["\(number + 1)"], true) }
            return TextMetrics.wrap(name, maxWidth: span, size: Self.headerSize, bold: true, maxLines: 3)
        }
        roleLabels = roles.map { role in
            TextMetrics.wrap(role.role.name(language), maxWidth: Self.roleNameMax, size: Self.headerSize, maxLines: 2)
        }
        categoryTop = Self.pad
        let categoryLines = categoryLabels.map(\.lines.count).max() ?? 1
        categoryHeight = Double(categoryLines) * 13 + 9
        let longest = roleLabels.flatMap(\.lines).map { TextMetrics.width($0, size: Self.headerSize) }.max() ?? 0
        roleHeight = max(longest + 14, 70)
        textAlternative = description()
    }

    /// The layout of one part: `rows` drawn by `plot` (its own ids). Everything worked out in
    /// `init` (labels, band heights, tooltips, the text alternative) depends on neither, so a
    /// long matrix works it out once rather than once per part.
    func part(_ rows: Range<Int>, plot: TeamPlot) -> MatrixLayout {
        var part = self
        part.rows = rows.clamped(to: analysis.functions.indices)
        part.plot = plot
        return part
    }

    func x(ofColumn index: Int) -> Double { matrixLeft + Double(index) * Self.column }

    /// Where the legend's items go, and so the height of the whole drawing.
    func legendLayout(_ legend: [LegendItem]) -> (places: [(x: Double, row: Int)], height: Double) {
        let legendRows = flow(legend.map(\.width), within: width - 2 * Self.pad)
        let legendHeight = Double((legendRows.map(\.row).max() ?? 0) + 1) * 28
        return (legendRows, legendTop + legendHeight + Self.pad)
    }

    func headers() -> HTML {
        categoryHeaders() + roleHeaders() + priorityRow()
    }

    func draw(headers: HTML? = nil, into html: inout HTML) -> (width: Double, height: Double) {
        let legend = legendItems()
        let (legendRows, height) = legendLayout(legend)
        SVG.appendRoot(
            id: plot.id("matrix"), width: width, height: height,
            title: plot.pick("Teamplot van \(analysis.teamName)", "Team plot of \(analysis.teamName)")
                + (rows.count < analysis.functions.count
                    ? plot.pick(", functies \(rows.lowerBound + 1)–\(rows.upperBound)",
                                ", functions \(rows.lowerBound + 1)–\(rows.upperBound)") : ""),
            description: textAlternative, to: &html
        ) { content in
            content += PlotStyle.patterns(prefix: plot.id("matrix"))
            content += background()
            content += corner()
            content += headers ?? self.headers()
            if repeatsStatus {
                content += statusLabel(top: topStatusTop)
                content += statusCells(top: topStatusTop)
            }
            functionRows(into: &content)
            content += statusRows()
            for (item, place) in zip(legend, legendRows) {
                content += item.draw(Self.pad + place.x, legendTop + Double(place.row) * 28)
            }
        }
        return (width, height)
    }

    // MARK: Bands and grid

    private func background() -> HTML {
        var html = HTML()
        for (index, category) in categories.enumerated() {
            html += SVG.rect(
                x: x(ofColumn: category.first), y: categoryTop, width: Double(category.count) * Self.column,
                height: categoryHeight + roleHeight, fill: PlotStyle.categoryFills[index % 2])
        }
        for index in rows where index % 2 == 1 {
            html += SVG.rect(
                x: Self.pad, y: rowsTop + Double(index - rows.lowerBound) * Self.row, width: matrixRight - Self.pad,
                height: Self.row, fill: PlotStyle.stripe)
        }
        // Roles the team does not need are greyed out, so the needed ones stand out.
        for (index, role) in roles.enumerated() where !role.isNeeded {
            html += SVG.rect(
                x: x(ofColumn: index), y: priorityTop, width: Self.column, height: tableBottom - priorityTop,
                fill: "#5a5a5a", opacity: 0.12)
        }
        for index in 0...roles.count {
            let isBoundary = categories.contains { $0.first == index } || index == roles.count
            html += SVG.line(
                x1: x(ofColumn: index), y1: isBoundary ? categoryTop : priorityTop, x2: x(ofColumn: index),
                y2: tableBottom, stroke: isBoundary ? "#7a7a7a" : "#dcdcdc")
        }
        html += SVG.line(x1: Self.pad, y1: rowsTop, x2: matrixRight, y2: rowsTop, stroke: "#7a7a7a")
        html += SVG.line(x1: Self.pad, y1: rowsBottom, x2: matrixRight, y2: rowsBottom, stroke: "#7a7a7a")
        return html
    }

    /// Top left: the team's name, and what the rows are.
    private func corner() -> HTML {
        var html = HTML()
        let name = TextMetrics.wrap(analysis.teamName, maxWidth: Self.labelWidth - 12, size: 15, bold: true, maxLines: 2)
        var lines = HTML()
        for (index, line) in name.lines.enumerated() {
            lines += SVG.text(line, x: Self.pad, y: categoryTop + 14 + Double(index) * 19, size: 15, bold: true)
        }
        html += name.truncated ? SVG.titled(analysis.teamName) { lines } : lines
        var counts = plot.functions(analysis.functions.count) + " · " + plot.roles(roles.count)
        if rows.count < analysis.functions.count {
            counts = plot.pick("functies \(rows.lowerBound + 1)–\(rows.upperBound) van \(analysis.functions.count)",
                               "functions \(rows.lowerBound + 1)–\(rows.upperBound) of \(analysis.functions.count)")
        }
        html += SVG.text(counts, x: Self.pad, y: categoryTop + 14 + Double(name.lines.count) * 19, size: 11, fill: PlotStyle.muted)
        html += SVG.text(
            plot.pick("Functie — medewerker, fte", "Function — holder, FTE"), x: Self.pad, y: roleBottom - 6,
            size: 11, bold: true)
        html += SVG.text(
            plot.pick("prioriteit", "priority"), x: matrixLeft - 6, y: priorityTop + 13, size: 10,
            anchor: "end", fill: PlotStyle.muted)
        return html
    }

    private func categoryHeaders() -> HTML {
        var html = HTML()
        for (category, label) in zip(categories, categoryLabels) {
            let left = x(ofColumn: category.first) + 4
            var lines = HTML()
            for (index, line) in label.lines.enumerated() {
                lines += SVG.text(line, x: left, y: categoryTop + 13 + Double(index) * 13, size: Self.headerSize, bold: true)
            }
            html += SVG.titled(category.result.category.name(plot.language)) { lines }
        }
        return html
    }

    /// Role names run upwards from just above the priority row, one or two lines per column.
    private func roleHeaders() -> HTML {
        var html = HTML()
        for (index, (role, label)) in zip(roles, roleLabels).enumerated() {
            let left = x(ofColumn: index)
            let baselines: [Double] = label.lines.count == 1 ? [left + 20] : [left + 13, left + 26]
            var lines = HTML()
            for (line, baseline) in zip(label.lines, baselines) {
                lines += SVG.text(
                    line, x: baseline, y: roleBottom - 6, size: Self.headerSize, italic: !role.isNeeded,
                    fill: role.isNeeded ? PlotStyle.ink : PlotStyle.muted, rotate: -90)
            }
            let tooltip = role.role.name(plot.language) + " — "
                + plot.pick("prioriteit: ", "priority: ") + role.priority.label(plot.language)
            html += SVG.titled(tooltip) { lines }
        }
        return html
    }

    /// Needed roles are marked with dots: three for must, two for should, one for could; a dash
    /// for roles the team does not need.
    private func priorityRow() -> HTML {
        var html = HTML()
        for (index, role) in roles.enumerated() {
            html += SVG.titled(role.role.name(plot.language) + ": " + role.priority.label(plot.language)) {
                Self.priorityMark(role.priority, centerX: x(ofColumn: index) + Self.column / 2, centerY: priorityTop + 9)
            }
        }
        return html
    }

    static func priorityMark(_ priority: Priority, centerX: Double, centerY: Double) -> HTML {
        let filled = switch priority {
        case .must: 3
        case .should: 2
        case .could: 1
        case .notNeeded: 0
        }
        if filled == 0 {
            return SVG.line(x1: centerX - 6, y1: centerY, x2: centerX + 6, y2: centerY, stroke: PlotStyle.ink, width: 1.5)
        }
        var html = HTML()
        for dot in 0..<3 {
            var circle = SVGTag("circle")
            circle.number("cx", centerX + Double(dot - 1) * 8)
            circle.number("cy", centerY)
            circle.attribute("r", "2.8")
            circle.attribute("fill", dot < filled ? PlotStyle.ink : "#ffffff")
            circle.attribute("stroke", PlotStyle.ink)
            circle.attribute("stroke-width", "1")
            html += circle.finish()
        }
        return html
    }

    // MARK: Functions

    /// Reads each function's parts from the results directly: `analysis.functions[index]` would
    /// put together a whole result, with arrays of shares and warnings, for every row.
    private func functionRows(into html: inout HTML) {
        let language = plot.language
        let results = analysis.functions
        for index in rows {
            let function = results.teamFunctions[index]
            let fte = results.fte(index)
            let top = rowsTop + Double(index - rows.lowerBound) * Self.row
            let title = TextMetrics.truncate(function.title, maxWidth: Self.labelWidth - 14, size: 12, bold: true)
            var who = function.isVacancy ? plot.pick("Vacature", "Vacancy") : (function.holder ?? "—")
            who += " · " + (function.workload == nil ? plot.pick("uren onbekend", "hours unknown")
                : "\(NumberFormatting.fte(fte, language)) " + plot.pick("fte", "FTE"))
            if results.warnings(index).contains(where: { if case .overloaded = $0 { true } else { false } }) {
                who += " · " + plot.pick("overbelast", "overloaded")
            }
            let second = TextMetrics.truncate(who, maxWidth: Self.labelWidth - 14, size: 11)
            let line = plot.functionLine(function, fte: fte)
            html += SVG.titled(line) {
                if function.isVacancy {
                    SVG.rect(x: Self.pad + 1, y: top + 2, width: Self.labelWidth - 6, height: Self.row - 4,
                             fill: "none", stroke: PlotStyle.heldInk, dashed: true)
                }
                SVG.text(title.text, x: Self.pad + 5, y: top + 15, size: 12, bold: true)
                SVG.text(second.text, x: Self.pad + 5, y: top + 29, size: 11, bold: function.isVacancy,
                         italic: function.isVacancy, fill: function.isVacancy ? PlotStyle.heldInk : PlotStyle.muted)
            }
            for share in results.shareRange(index) {
                guard let column = columnOfRole[results.roleId(index, share)] else { continue }
                html += cell(results.share(index, share), column: column, top: top, vacant: function.isVacancy, line: line)
            }
        }
    }

    /// A function holding a role: a filled square with its share; a dashed one for a vacancy.
    /// `line` is the function's `functionLine`, worded once per row.
    private func cell(_ share: FunctionRoleShare, column: Int, top: Double, vacant: Bool, line: String) -> HTML {
        let left = x(ofColumn: column)
        let language = plot.language
        let percent = "\(Int(share.sharePercent.rounded()))%"
        let size = TextMetrics.width(percent, size: 10) > Self.column - 6 ? 8.5 : 10
        let roleName = roles[column].role.name(language)
        let tooltip = "\(line): \(roleName) \(NumberFormatting.short(share.sharePercent, language))%"
            + " (\(NumberFormatting.fte(share.fte, language)) " + plot.pick("fte", "FTE") + ")"
            + (vacant ? " — " + plot.pick("vacature", "vacancy") : "")
        return SVG.titled(tooltip) {
            SVG.rect(x: left + 3, y: top + 4, width: Self.column - 6, height: Self.row - 8,
                     fill: vacant ? "#ffffff" : PlotStyle.held, stroke: vacant ? PlotStyle.heldInk : nil,
                     strokeWidth: 1.5, dashed: vacant, radius: 3)
            SVG.text(percent, x: left + Self.column / 2, y: top + Self.row / 2 + 3.5, size: size, anchor: "middle",
                     bold: true, fill: vacant ? PlotStyle.heldInk : "#ffffff")
        }
    }

    // MARK: Status of each role

    private func statusRows() -> HTML {
        var html = HTML()
        let language = plot.language
        let labelX = matrixLeft - 6
        html += statusLabel(top: statusTop)
        html += statusCells(top: statusTop)
        html += SVG.text(plot.pick("personen (minimum)", "people (minimum)"), x: labelX, y: peopleTop + 13, size: 10,
                         anchor: "end", fill: PlotStyle.muted)
        html += SVG.text(plot.pick("fte toegewezen", "FTE allocated"), x: labelX, y: fteTop + 13, size: 10,
                         anchor: "end", fill: PlotStyle.muted)
        if hasVacancies {
            html += SVG.text(plot.pick("open vacatures", "open vacancies"), x: labelX, y: vacancyTop + 13, size: 10,
                             anchor: "end", fill: PlotStyle.muted)
        }
        for (index, role) in roles.enumerated() {
            let left = x(ofColumn: index)
            let center = left + Self.column / 2
            html += SVG.titled(statusTooltips[index]) {
                SVG.text(role.minPeople.map { "\(role.people)/\($0)" } ?? "\(role.people)", x: center, y: peopleTop + 13,
                         size: 10, anchor: "middle", bold: role.lacksPeople)
                SVG.text(NumberFormatting.short(role.fte, language), x: center, y: fteTop + 13, size: 9.5,
                         anchor: "middle", bold: role.lacksFte)
                if role.vacancies > 0 {
                    SVG.rect(x: left + 7, y: vacancyTop + 2, width: Self.column - 14, height: Self.figureRow - 4,
                             fill: "#ffffff", stroke: PlotStyle.heldInk, strokeWidth: 1.2, dashed: true)
                    SVG.text("\(role.vacancies)", x: center, y: vacancyTop + 13, size: 10, anchor: "middle", bold: true,
                             fill: PlotStyle.heldInk)
                }
            }
        }
        return html
    }

    private func statusLabel(top: Double) -> HTML {
        SVG.text(plot.pick("Status", "Status"), x: matrixLeft - 6, y: top + 19, size: 12, anchor: "end", bold: true)
    }


    /// Each role's status: symbol on a badge, over its pattern and colour.
    private func statusCells(top: Double) -> HTML {
        var html = HTML()
        let prefix = plot.id("matrix")
        for (index, role) in roles.enumerated() {
            html += SVG.titled(statusTooltips[index]) {
                PlotStyle.swatch(role.status, prefix: prefix, x: x(ofColumn: index) + 2, y: top,
                                 width: Self.column - 4, height: Self.statusHeight - 4)
            }
        }
        return html
    }

    // MARK: Legend

    struct LegendItem {
        var width: Double
        var draw: (Double, Double) -> HTML
    }

    func legendItems() -> [LegendItem] {
        let size = 11.0
        let prefix = plot.id("matrix")
        func item(_ label: String, symbolWidth: Double = 22, symbol: @escaping (Double, Double) -> HTML) -> LegendItem {
            let width = symbolWidth + 6 + TextMetrics.width(label, size: size)
            return LegendItem(width: width) { x, y in
                symbol(x, y) + SVG.text(label, x: x + symbolWidth + 6, y: y + 15, size: size)
            }
        }
        var items = RoleStatus.allCases.map { status in
            item(status.label(plot.language)) { x, y in
                PlotStyle.swatch(status, prefix: prefix, x: x, y: y, width: 22, height: 22)
            }
        }
        items.append(item(plot.pick("vervult de rol (% van de tijd)", "holds the role (% of the time)")) { x, y in
            SVG.rect(x: x, y: y + 2, width: 22, height: 18, fill: PlotStyle.held, radius: 3)
        })
        items.append(item(plot.pick("vacature", "vacancy")) { x, y in
            SVG.rect(x: x, y: y + 2, width: 22, height: 18, fill: "#ffffff", stroke: PlotStyle.heldInk,
                     strokeWidth: 1.5, dashed: true, radius: 3)
        })
        for priority in Priority.allCases {
            items.append(item(priority.label(plot.language), symbolWidth: 24) { x, y in
                Self.priorityMark(priority, centerX: x + 12, centerY: y + 11)
            })
        }
        return items
    }

    /// Places items left to right, starting a new row when the next does not fit.
    private func flow(_ widths: [Double], within available: Double) -> [(x: Double, row: Int)] {
        var places: [(x: Double, row: Int)] = []
        var x = 0.0
        var row = 0
        for width in widths {
            if x > 0 && x + width > available {
                x = 0
                row += 1
            }
            places.append((x, row))
            x += width + 18
        }
        return places
    }

    // MARK: Text alternative

    private func description() -> String {
        let language = plot.language
        let categoryCount = plot.counted(categories.count, ("categorie", "categorieën"), ("category", "categories"))
        var parts = [plot.pick(
            "Matrix van \(plot.functions(analysis.functions.count)) en \(plot.roles(roles.count)) in \(categoryCount).",
            "Matrix of \(plot.functions(analysis.functions.count)) and \(plot.roles(roles.count)) in \(categoryCount).")]
        for status in RoleStatus.allCases {
            let names = roles.filter { $0.status == status }.map { $0.role.name(language) }
            if names.isEmpty { continue }
            let label = status.label(language)
            parts.append("\(label.prefix(1).uppercased() + label.dropFirst()) (\(names.count)): \(names.joined(separator: ", ")).")
        }
        let vacancies = analysis.functions.teamFunctions.filter(\.isVacancy).map(\.title)
        if !vacancies.isEmpty {
            parts.append(plot.pick("Vacatures: ", "Vacancies: ") + vacancies.joined(separator: ", ") + ".")
        }
        return parts.joined(separator: " ")
    }
}
