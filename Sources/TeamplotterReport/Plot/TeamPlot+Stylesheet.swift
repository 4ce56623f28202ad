/// The stylesheet for the figures and tables of `TeamPlot`, on screen and in print. The SVGs
/// themselves need none; this lays out the figure, its table and the status badges. The report
/// includes it; a web page can serve it as it stands.
extension TeamPlot {
    public static let stylesheet = """
        figure.tp-figure { margin: 0.8rem 0; }
        .tp-scroll { overflow-x: auto; }
        .tp-figure svg { display: block; max-width: 100%; height: auto; }
        /* The matrix keeps its size on screen and scrolls; shrunk it would be too small to read. */
        .tp-matrix svg { max-width: none; }
        .tp-figure figcaption { color: #4d4d4d; font-size: 0.9rem; margin-top: 0.3rem; }
        details.tp-data { margin-top: 0.4rem; }
        details.tp-data summary { cursor: pointer; color: #005a8c; text-decoration: underline; }
        table.tp-table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; font-size: 0.92rem; }
        .tp-table caption { text-align: left; font-weight: bold; padding: 0.2rem 0; }
        .tp-table th, .tp-table td { text-align: left; vertical-align: top; padding: 0.25rem 0.45rem;
          border-bottom: 1px solid #c8c8c8; }
        .tp-table thead th { border-bottom: 2px solid #1a1a1a; }
        .tp-table tbody th { font-weight: bold; }
        .tp-table .tp-number { text-align: right; font-variant-numeric: tabular-nums; }
        /* Fixed column widths, so that the tables of the categories line up. */
        .tp-roles-compact, .tp-urgent, .tp-functions { table-layout: fixed; }
        .tp-roles-compact .tp-col-role { width: 25%; }
        .tp-roles-compact .tp-col-priority { width: 10%; }
        .tp-roles-compact .tp-col-status { width: 18%; }
        .tp-roles-compact .tp-col-people { width: 9%; }
        .tp-roles-compact .tp-col-fte { width: 6%; }
        .tp-roles-compact .tp-col-need { width: 12%; }
        .tp-roles-compact .tp-col-details { width: 20%; }
        .tp-urgent .tp-col-rank { width: 4%; }
        .tp-urgent .tp-col-role { width: 33%; }
        .tp-urgent .tp-col-status { width: 18%; }
        .tp-urgent .tp-col-priority { width: 11%; }
        .tp-urgent .tp-col-details { width: 34%; }
        .tp-functions .tp-col-function { width: 24%; }
        .tp-functions .tp-col-holder { width: 14%; }
        .tp-functions .tp-col-fte { width: 7%; }
        .tp-functions .tp-col-shares { width: 40%; }
        .tp-functions .tp-col-warnings { width: 15%; }
        .tp-table td, .tp-table th { overflow-wrap: break-word; }
        .tp-table tr.tp-not-needed th, .tp-table tr.tp-not-needed td { color: #4d4d4d; }
        .tp-table tr.tp-vacancy th, .tp-table tr.tp-vacancy td { font-style: italic; }
        .tp-visually-hidden { position: absolute; width: 1px; height: 1px;
          overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .tp-status { display: inline-block; white-space: nowrap; padding: 0 0.35rem; border-left: 0.3rem solid;
          border-radius: 2px; }
        .tp-status-missing { border-color: #D55E00; background: #fbe4d6; }
        .tp-status-understaffed { border-color: #E69F00; background: #fcefd2; }
        .tp-status-single { border-color: #c9bb00; background: #fbf8d0; }
        .tp-status-covered { border-color: #009E73; background: #d9f1e9; }
        .tp-status-extra { border-color: #56B4E9; background: #e1f1fb; }
        .tp-status-notNeeded { border-color: #8a8a8a; background: #f1f1f1; }
        @media print {
          tr, figure, svg, .tp-status { break-inside: avoid; }
          details.tp-data { display: none; }
          .tp-scroll { overflow: visible; }
          .tp-figure svg, .tp-matrix svg { max-width: 100%; height: auto; }
        }

        """
}
