import TeamplotterCore

extension TeamPlot {
    /// Per category one row of squares, one square per needed role, present roles first; beside
    /// it how many are present and how many hang on one person.
    func coverageDrawing(_ analysis: GapAnalysis) -> Drawing {
        let pad = 12.0
        let labelWidth = 280.0
        let rowHeight = 44.0
        let area = 300.0
        let categories = analysis.categories
        let maxNeeded = max(categories.map(\.needed).max() ?? 1, 1)
        // Squares shrink when a category needs many roles; below 16 pixels the symbol is left out.
        let step = min(26, (area / Double(maxNeeded)).rounded(.down))
        let square = max(step - 3, 3)
        let order: [RoleStatus] = [.covered, .single, .understaffed, .missing]
        let prefix = id("coverage")

        let summaries = categories.map(coverageSentence)
        let textLeft = pad + labelWidth + area + 12
        let textWidth = summaries.map { TextMetrics.width($0, size: 11) }.max() ?? 0
        let width = textLeft + textWidth + pad
        let top = pad + 18.0
        let height = top + Double(categories.count) * rowHeight + pad

        var content = PlotStyle.patterns(prefix: prefix)
        content += SVG.text(pick("Categorie", "Category"), x: pad, y: pad + 11, size: 11, bold: true)
        content += SVG.text(pick("Rollen die nodig zijn", "Needed roles"), x: pad + labelWidth, y: pad + 11, size: 11, bold: true)
        content += SVG.text(pick("Aanwezig", "Present"), x: textLeft, y: pad + 11, size: 11, bold: true)
        for (index, category) in categories.enumerated() {
            let y = top + Double(index) * rowHeight
            if index % 2 == 0 {
                content += SVG.rect(x: pad - 4, y: y, width: width - 2 * pad + 8, height: rowHeight, fill: PlotStyle.stripe)
            }
            let name = "\(index + 1). " + category.category.name(language)
            let label = TextMetrics.wrap(name, maxWidth: labelWidth - 12, size: 11, maxLines: 2)
            let firstBaseline = label.lines.count == 1 ? y + 26 : y + 19
            content += SVG.titled(name) {
                for (line, text) in label.lines.enumerated() {
                    SVG.text(text, x: pad, y: firstBaseline + Double(line) * 14, size: 11)
                }
            }
            let needed = analysis.roles
                .filter { $0.categoryId == category.category.id && $0.isNeeded }
                .sorted { order.firstIndex(of: $0.status) ?? 9 < order.firstIndex(of: $1.status) ?? 9 }
            if needed.isEmpty {
                content += SVG.text(pick("geen rollen nodig", "no roles needed"), x: pad + labelWidth, y: y + 26,
                                    size: 11, italic: true, fill: PlotStyle.muted)
            }
            for (number, role) in needed.enumerated() {
                let x = pad + labelWidth + Double(number) * step
                let squareTop = y + (rowHeight - square) / 2
                let tooltip = "\(role.role.name(language)): \(role.status.label(language))"
                content += SVG.titled(tooltip) {
                    if square >= 16 {
                        PlotStyle.swatch(role.status, prefix: prefix, x: x, y: squareTop, width: square, height: square)
                    } else {
                        SVG.rect(x: x, y: squareTop, width: square, height: square,
                                 fill: "url(#\(PlotStyle.patternId(role.status, prefix: prefix)))",
                                 stroke: PlotStyle.ink, strokeWidth: 0.75)
                    }
                }
            }
            content += SVG.text(summaries[index], x: textLeft, y: y + 26, size: 11)
        }

        let description = categories.enumerated().map { index, category in
            "\(index + 1). \(category.category.name(language)): \(coverageSentence(category))."
        }.joined(separator: " ")
        let svg = SVG.root(
            id: prefix, width: width, height: height,
            title: pick("Dekking per categorie", "Coverage per category"),
            description: description, content: content)
        return Drawing(svg: svg, width: width, height: height)
    }

    /// "5 van 7 aanwezig (71%) · 4 bij één persoon".
    func coverageSentence(_ category: CategoryResult) -> String {
        guard let coverage = category.coverage else { return pick("geen rollen nodig", "no roles needed") }
        var text = pick(
            "\(category.present) van \(category.needed) aanwezig (\(NumberFormatting.percent(coverage)))",
            "\(category.present) of \(category.needed) present (\(NumberFormatting.percent(coverage)))")
        if category.single > 0 {
            text += pick(" · \(category.single) bij één persoon", " · \(category.single) with one person")
        }
        return text
    }

    /// The counts per status as six tiles, gaps first.
    func overviewDrawing(_ analysis: GapAnalysis) -> Drawing {
        let pad = 8.0
        let prefix = id("overview")
        let statuses = RoleStatus.allCases
        let labelSize = 13.0
        let labels = statuses.map { TextMetrics.wrap($0.label(language), maxWidth: 92, size: labelSize, maxLines: 2).lines }
        let labelWidth = labels.flatMap { $0 }.map { TextMetrics.width($0, size: labelSize) }.max() ?? 0
        let tileWidth = 40 + 10 + max(labelWidth, 40) + 10
        let tileHeight = 64.0
        let width = pad * 2 + Double(statuses.count) * tileWidth + Double(statuses.count - 1) * 10
        let height = pad * 2 + tileHeight

        var content = PlotStyle.patterns(prefix: prefix)
        for (index, status) in statuses.enumerated() {
            let x = pad + Double(index) * (tileWidth + 10)
            let y = pad
            let count = analysis.count(status)
            let names = analysis.roles.filter { $0.status == status }.map { $0.role.name(language) }
            let tooltip = "\(status.label(language)): \(count)" + (names.isEmpty ? "" : " — " + names.joined(separator: ", "))
            content += SVG.titled(tooltip) {
                SVG.rect(x: x, y: y, width: tileWidth, height: tileHeight, fill: "#ffffff", stroke: "#8a8a8a", radius: 4)
                PlotStyle.swatch(status, prefix: prefix, x: x + 6, y: y + 12, width: 40, height: 40)
                SVG.text("\(count)", x: x + 56, y: y + 25, size: 22, bold: true)
                for (line, text) in labels[index].enumerated() {
                    SVG.text(text, x: x + 56, y: y + 42 + Double(line) * 15, size: labelSize, fill: PlotStyle.muted)
                }
            }
        }
        let description = statuses.map { "\($0.label(language)): \(analysis.count($0))" }.joined(separator: ", ") + "."
        let svg = SVG.root(
            id: prefix, width: width, height: height,
            title: pick("Aantal rollen per status", "Number of roles per status"),
            description: description, content: content)
        return Drawing(svg: svg, width: width, height: height)
    }
}
