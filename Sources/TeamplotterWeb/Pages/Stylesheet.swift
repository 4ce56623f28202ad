import Foundation
import TeamplotterReport

/// The one stylesheet, served by us: no outside fonts or frameworks. Colours meet WCAG AA
/// contrast (text at least 4.5:1, focus rings and borders at least 3:1).
enum Stylesheet {
    static let path = "/static/style.css?v=2"

    static let css = """
    :root {
      --blue: #154273; --blue-dark: #0e2f52; --text: #1b1b1b; --muted: #4a4a4a; --line: #b4b4b4;
      --bg-soft: #f3f6f9; --red: #a4161a; --focus: #ffb612;
    }
    *, *::before, *::after { box-sizing: border-box; }
    html { font-size: 100%; }
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
      color: var(--text); background: #fff; line-height: 1.5; }
    .wrap { max-width: 68rem; margin: 0 auto; padding: 0 1rem; }
    a { color: var(--blue); text-decoration: underline; text-underline-offset: 0.15em; }
    a:hover { color: var(--blue-dark); text-decoration-thickness: 2px; }
    :focus-visible { outline: 3px solid #0b0c0c; outline-offset: 2px; box-shadow: 0 0 0 6px var(--focus); }
    main:focus { outline: none; box-shadow: none; }
    .skip-link { position: absolute; left: -9999px; top: 0; background: var(--focus); color: #0b0c0c; padding: 0.5rem 1rem; z-index: 10; }
    .skip-link:focus { left: 1rem; }
    .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

    .site-header { background: var(--blue); color: #fff; margin-bottom: 1.5rem; }
    .header-row { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1.5rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
    .brand { color: #fff; font-weight: 700; font-size: 1.35rem; text-decoration: none; }
    .brand:hover { color: #fff; text-decoration: underline; }
    .brand-mark { margin-right: 0.4rem; }
    .nav { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
    .nav a { color: #fff; }
    .nav a:hover { color: #fff; }
    .nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
    .site-footer { border-top: 1px solid var(--line); margin-top: 3rem; padding: 1rem 0 2rem; color: var(--muted); font-size: 0.95rem; }

    h1 { font-size: 2rem; line-height: 1.2; margin: 0.5rem 0 1rem; color: var(--blue-dark); }
    h2 { font-size: 1.5rem; line-height: 1.25; margin: 2rem 0 0.75rem; color: var(--blue-dark); }
    h3 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
    .lead { font-size: 1.15rem; max-width: 46rem; }
    .muted, .hint { color: var(--muted); }
    .hint { margin: 0 0 0.35rem; font-size: 0.95rem; }
    .breadcrumbs { font-size: 0.95rem; margin: 0 0 0.5rem; }
    .breadcrumbs ol { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.25rem; }
    .breadcrumbs li + li::before { content: "›"; margin-right: 0.25rem; color: var(--muted); }

    .tabs { list-style: none; padding: 0; margin: 0 0 1.5rem; display: flex; flex-wrap: wrap; gap: 0.5rem; border-bottom: 2px solid var(--blue); }
    .tabs a { display: inline-block; padding: 0.5rem 0.9rem; text-decoration: none; border: 1px solid var(--line); border-bottom: none; border-radius: 4px 4px 0 0; background: var(--bg-soft); }
    .tabs a[aria-current="page"] { background: var(--blue); color: #fff; font-weight: 700; border-color: var(--blue); }

    .field { margin: 0 0 1.1rem; }
    .field label, .field-label { display: block; font-weight: 700; margin-bottom: 0.2rem; }
    input[type="text"], input[type="file"], select, textarea { font: inherit; color: var(--text); border: 2px solid #505a5f; border-radius: 0; padding: 0.4rem 0.5rem; background: #fff; max-width: 100%; }
    input[type="text"], textarea { width: 100%; max-width: 36rem; }
    input.input-short { max-width: 9rem; }
    .field-invalid { border-left: 5px solid var(--red); padding-left: 0.75rem; }
    .field-invalid input, .field-invalid textarea, .field-invalid select { border-color: var(--red); }
    .field-error { color: var(--red); font-weight: 700; margin: 0 0 0.35rem; }
    .field-error::before { content: "⚠ "; }
    div.field-error::before { content: none; }
    div.field-error > p:first-child::before { content: "⚠ "; }
    div.field-error p { margin: 0 0 0.25rem; }
    div.field-error ul { margin: 0 0 0.5rem; font-weight: 400; color: var(--text); }
    .checkbox { display: flex; align-items: flex-start; gap: 0.5rem; margin: 0.25rem 0; }
    .checkbox input { width: 1.35rem; height: 1.35rem; margin: 0.15rem 0 0; flex: none; }
    .checkbox label { font-weight: 700; }
    fieldset { border: 1px solid var(--line); padding: 0.75rem 1rem 0.5rem; margin: 0 0 1.25rem; min-width: 0; }
    legend { font-weight: 700; font-size: 1.15rem; padding: 0 0.35rem; color: var(--blue-dark); }
    .button { display: inline-block; font: inherit; font-weight: 700; background: var(--blue); color: #fff; border: 2px solid var(--blue); padding: 0.5rem 1.1rem; cursor: pointer; text-decoration: none; border-radius: 3px; margin: 0.25rem 0.5rem 0.25rem 0; }
    .button:hover { background: var(--blue-dark); color: #fff; }
    .button-secondary { background: #fff; color: var(--blue); }
    .button-secondary:hover { background: var(--bg-soft); color: var(--blue-dark); }
    .button-warning { background: var(--red); border-color: var(--red); }
    .button-warning:hover { background: #7d1013; }
    .actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; margin: 1rem 0; }
    .actions form { margin: 0; }
    .panel { background: var(--bg-soft); border: 1px solid #d5dde5; padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
    .panel > h2:first-child, .panel > h3:first-child { margin-top: 0; }
    .grid-2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem 1.5rem; }
    .error-summary { border: 4px solid var(--red); padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
    .error-summary h2 { margin-top: 0; color: var(--red); font-size: 1.25rem; }
    .error-summary a { color: var(--red); font-weight: 700; }
    .notice { border-left: 6px solid var(--blue); background: var(--bg-soft); padding: 0.75rem 1rem; margin: 0 0 1.5rem; }

    .table-wrap { overflow-x: auto; margin: 0 0 1.5rem; }
    table { border-collapse: collapse; width: 100%; }
    caption { text-align: left; font-weight: 700; padding: 0.25rem 0; }
    th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.6rem; border-bottom: 1px solid var(--line); }
    thead th { border-bottom: 2px solid var(--blue-dark); }
    td.number, th.number { text-align: right; white-space: nowrap; }
    ul.plain { list-style: none; padding: 0; margin: 0; }

    .status { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 3px; border: 1px solid; font-weight: 700; white-space: nowrap; }
    .status-missing { background: #fbe3e4; color: #8a1014; border-color: #8a1014; }
    .status-understaffed { background: #fdebd3; color: #6b3900; border-color: #6b3900; }
    .status-single { background: #fff5c7; color: #574600; border-color: #574600; }
    .status-covered { background: #e2f1e5; color: #1b5a2a; border-color: #1b5a2a; }
    .status-extra { background: #e6eef7; color: var(--blue-dark); border-color: var(--blue-dark); }
    .status-notNeeded { background: #f0f0f0; color: #3b3b3b; border-color: #6b6b6b; }
    .counts { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; list-style: none; padding: 0; margin: 0 0 1rem; }
    .gaps { padding-left: 1.5rem; }
    .gaps li { margin: 0 0 0.9rem; }
    .gaps .fix { display: block; font-size: 0.95rem; }
    .warning-list { margin: 0; padding-left: 1.1rem; }

    .role-option { border-top: 1px solid #d5dde5; padding: 0.6rem 0; display: grid; grid-template-columns: 1fr; gap: 0.25rem 1rem; }
    .role-option:first-of-type { border-top: none; }
    .role-option .hint { margin: 0 0 0 1.85rem; }
    .role-option .share { margin: 0 0 0 1.85rem; }
    .role-option .share .field { margin: 0; }
    .need-row { border-top: 1px solid #d5dde5; padding: 0.75rem 0; }
    .need-row:first-of-type { border-top: none; }
    .need-row h3 { margin: 0 0 0.2rem; font-size: 1.1rem; }
    .need-fields { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: 0 1rem; }
    .need-fields .field { margin-bottom: 0.5rem; }
    .need-fields input[type="text"] { max-width: 100%; }
    .teamplot { margin: 0 0 1.5rem; }
    .teamplot svg { max-width: 100%; height: auto; }
    dl.roles dt { font-weight: 700; margin-top: 1rem; }
    dl.roles dd { margin: 0.2rem 0 0; }
    code { font-size: 0.95em; background: var(--bg-soft); padding: 0 0.2rem; }

    /* The four role tables line up: the same column widths in each. */
    @media (min-width: 40.01rem) {
      table.role-table { table-layout: fixed; }
      table.role-table thead th:nth-child(1) { width: 27%; }
      table.role-table thead th:nth-child(2) { width: 12%; }
      table.role-table thead th:nth-child(3) { width: 24%; }
      table.role-table thead th:nth-child(4) { width: 10%; }
      table.role-table thead th:nth-child(5) { width: 12%; }
      table.role-table thead th:nth-child(6) { width: 15%; }
    }
    @media (min-width: 48rem) {
      .role-option { grid-template-columns: minmax(16rem, 1fr) 12rem; align-items: start; }
      .role-option .hint { grid-column: 1; }
      .role-option .share { margin: 0; grid-column: 2; grid-row: 1 / span 2; }
    }
    /* On a phone, wide tables become one block per row, each value with its column's name. */
    @media (max-width: 40rem) {
      table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      table.stack tr { display: block; border-bottom: 2px solid var(--line); padding: 0.5rem 0; }
      table.stack th, table.stack td { display: block; border: none; padding: 0.15rem 0; text-align: left; }
      table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 700; }
      table.stack td:empty { display: none; }
      h1 { font-size: 1.6rem; }
    }
    .teamplot { overflow-x: auto; }
    .downloads { padding-left: 1.25rem; }
    @media print {
      .site-header nav, .actions, .skip-link, .downloads { display: none; }
    }
    """

    static var response: HTTPResponse {
        // Versioned in its URL, so it may be cached for long.
        HTTPResponse(
            status: 200,
            headers: [("Content-Type", "text/css; charset=utf-8"), ("Cache-Control", "public, max-age=86400")],
            body: Data((css + "\n" + TeamPlot.stylesheet).utf8))
    }
}
