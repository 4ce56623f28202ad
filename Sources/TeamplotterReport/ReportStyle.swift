/// The report's stylesheet and the choice of page for the plot.
enum ReportStyle {
    /// How the plot is printed.
    enum Placement: String {
        /// Scaled to fit one landscape A4 page.
        case landscape
        /// Scaled to fit one portrait A4 page.
        case portrait
        /// Too big to read on one page: in parts of a page each.
        case flow
    }

    /// A long plot is printed in parts of this many function rows per page, on this paper.
    static func paging(width: Double, fixedHeight: Double, rowHeight: Double)
        -> (orientation: Placement, rowsPerPage: Int)
    {
        // Room on a page in CSS pixels; parts are never enlarged, only shrunk to the page's width.
        let options: [(Placement, Double, Double)] = [(.landscape, 1040, 640), (.portrait, 700, 950)]
        let fits = options.map { orientation, pageWidth, pageHeight in
            let scale = min(1, pageWidth / width)
            let rows = Int(((pageHeight / scale) - fixedHeight) / rowHeight)
            return (orientation: orientation, scale: scale, rows: max(rows, 1))
        }
        // The larger print, unless it leaves too few rows per page to be worth the paper.
        let best = fits.max { ($0.rows >= 8 ? 1 : 0, $0.scale) < ($1.rows >= 8 ? 1 : 0, $1.scale) } ?? fits[0]
        return (best.orientation, best.rows)
    }

    /// The orientation that shows the plot largest, unless even that would shrink it below
    /// half size, where it stops being readable on paper.
    static func placement(width: Double, height: Double) -> Placement {
        // Room for the plot on a page, in CSS pixels (96 per inch), after margins, heading and caption.
        let landscape = min(1040 / width, 600 / height)
        let portrait = min(700 / width, 880 / height)
        if max(landscape, portrait) < 0.5 { return .flow }
        return landscape >= portrait ? .landscape : .portrait
    }

    /// The figures' and tables' stylesheet, then the page's own.
    static let css = TeamPlot.stylesheet + """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: Arial, 'Liberation Sans', Helvetica, sans-serif; color: #1a1a1a;
          background: #ffffff; line-height: 1.45; }
        .tp-report { max-width: 68rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
        h1 { font-size: 1.9rem; margin: 0 0 0.3rem; line-height: 1.2; }
        h2 { font-size: 1.4rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem; border-bottom: 2px solid #1a1a1a; }
        h3 { font-size: 1.1rem; margin: 1.4rem 0 0.4rem; }
        .tp-kicker { margin: 0; font-weight: bold; color: #005a8c; text-transform: uppercase; letter-spacing: 0.05em;
          font-size: 0.85rem; }
        .tp-meta { margin: 0; color: #4d4d4d; }
        .tp-coverage-note { font-weight: normal; color: #4d4d4d; }
        .tp-summary li { margin: 0.2rem 0; }
        .tp-how { color: #4d4d4d; margin: 0 0 0.5rem; }
        #functies caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        .tp-category table caption { position: absolute; width: 1px; height: 1px; overflow: hidden;
          clip: rect(0 0 0 0); white-space: nowrap; }
        footer { margin-top: 2.5rem; color: #4d4d4d; font-size: 0.85rem; border-top: 1px solid #c8c8c8; }

        @page { size: A4; margin: 12mm 12mm 14mm; }
        @page tp-landscape { size: A4 landscape; margin: 10mm; }
        @media print {
          body { font-size: 9.5pt; line-height: 1.3; }
          .tp-report { max-width: none; padding: 0; }
          h1 { font-size: 17pt; }
          h2 { font-size: 13pt; margin: 12pt 0 5pt; break-after: avoid; }
          h3 { font-size: 10.5pt; margin: 8pt 0 3pt; break-after: avoid; }
          table.tp-table { font-size: 8pt; margin: 2pt 0 4pt; }
          .tp-table th, .tp-table td { padding: 1pt 4pt; }
          .tp-summary { margin: 4pt 0; padding-left: 14pt; }
          .tp-summary li { margin: 1pt 0; }
          figure.tp-figure { margin: 4pt 0; }
          .tp-overview svg { width: 100%; }
          .tp-coverage svg { width: 100%; }
          .tp-figure figcaption { font-size: 8pt; }
          .tp-plot-page { break-before: page; break-after: page; }
          .tp-plot-page.tp-landscape, .tp-plot-page.tp-flow-landscape { page: tp-landscape; }
          .tp-plot-page.tp-landscape h2 { margin-top: 0; }
          .tp-plot-page.tp-landscape svg { width: 100%; max-height: 160mm; }
          .tp-plot-page.tp-portrait svg { width: 100%; max-height: 235mm; }
          /* A long plot comes in parts of a page each, each with its headers: never cut inside. */
          .tp-plot-page.tp-flow svg { width: auto; max-width: 100%; height: auto; }
          .tp-plot-page.tp-flow figure { break-inside: auto; }
          .tp-plot-part { break-inside: avoid; }
          .tp-plot-part + .tp-plot-part { break-before: page; }
          footer { margin-top: 10pt; font-size: 7.5pt; }
        }
        """
}
