import TeamplotterCore
import TeamplotterReport

/// Form fields with their label, hint and error wired together for assistive technology:
/// the label names the field, `aria-describedby` reads the hint and the error, and
/// `aria-invalid` marks a field that needs attention.
enum FormControls {
    static func csrf(_ token: String) -> HTML {
        element("input", HTMLAttribute("type", "hidden"), HTMLAttribute("name", CSRFToken.fieldName), HTMLAttribute("value", token))
    }

    static func text(
        id: String, name: String? = nil, label: String, value: String, error: String? = nil, hint: String? = nil,
        required: Bool = false, inputMode: String? = nil, autocomplete: String = "off", width: String? = nil,
        hiddenLabelSuffix: String? = nil
    ) -> HTML {
        element("div", .class(error == nil ? "field" : "field field-invalid")) {
            labelHintAndError(id: id, label: label, hiddenLabelSuffix: hiddenLabelSuffix, hint: hint, error: error)
            element(
                "input",
                attributes: [
                    HTMLAttribute("type", "text"), .id(id), HTMLAttribute("name", name ?? id), HTMLAttribute("value", value),
                    HTMLAttribute("autocomplete", autocomplete),
                ]
                    + [
                        width.map { .class("input-" + $0) },
                        inputMode.map { HTMLAttribute("inputmode", $0) },
                        HTMLAttribute.flag("required", required),
                        error == nil ? nil : HTMLAttribute("aria-invalid", "true"),
                        describedBy(id: id, hint: hint, error: error),
                    ].compactMap { $0 })
        }
    }

    static func textArea(id: String, label: String, value: String, error: String? = nil, hint: String? = nil, rows: Int = 4) -> HTML {
        element("div", .class(error == nil ? "field" : "field field-invalid")) {
            labelHintAndError(id: id, label: label, hint: hint, error: error)
            element(
                "textarea", .id(id), HTMLAttribute("name", id), HTMLAttribute("rows", String(rows)),
                error == nil ? nil : HTMLAttribute("aria-invalid", "true"), describedBy(id: id, hint: hint, error: error)
            ) {
                value
            }
        }
    }

    static func checkbox(id: String, name: String, value: String = "1", label: String, checked: Bool, describedBy: String? = nil) -> HTML {
        element("div", .class("checkbox")) {
            element(
                "input", HTMLAttribute("type", "checkbox"), .id(id), HTMLAttribute("name", name), HTMLAttribute("value", value),
                HTMLAttribute.flag("checked", checked), describedBy.map { HTMLAttribute("aria-describedby", $0) })
            element("label", HTMLAttribute("for", id)) { label }
        }
    }

    static func select(
        id: String, label: String, options: [(value: String, text: String)], selected: String, error: String? = nil,
        hint: String? = nil, hiddenLabelSuffix: String? = nil
    ) -> HTML {
        element("div", .class(error == nil ? "field" : "field field-invalid")) {
            labelHintAndError(id: id, label: label, hiddenLabelSuffix: hiddenLabelSuffix, hint: hint, error: error)
            element(
                "select", .id(id), HTMLAttribute("name", id), error == nil ? nil : HTMLAttribute("aria-invalid", "true"),
                describedBy(id: id, hint: hint, error: error)
            ) {
                for option in options {
                    element("option", HTMLAttribute("value", option.value), HTMLAttribute.flag("selected", option.value == selected)) {
                        option.text
                    }
                }
            }
        }
    }

    static func submit(_ text: String, secondary: Bool = false, warning: Bool = false) -> HTML {
        element("button", HTMLAttribute("type", "submit"), .class(warning ? "button button-warning" : secondary ? "button button-secondary" : "button")) {
            text
        }
    }

    /// A form that posts to `action` with the CSRF token in it.
    static func form(action: String, token: String, multipart: Bool = false, className: String? = nil, @HTMLBuilder content: () -> HTML) -> HTML {
        element(
            "form", HTMLAttribute("method", "post"), HTMLAttribute("action", action),
            multipart ? HTMLAttribute("enctype", "multipart/form-data") : nil, className.map { .class($0) }
        ) {
            csrf(token)
            content()
        }
    }

    /// The list of problems at the top of a form, each linking to its field.
    static func errorSummary(_ errors: FieldErrors, language: Language) -> HTML {
        guard !errors.isEmpty else { return HTML() }
        return element("div", .class("error-summary"), HTMLAttribute("role", "alert"), HTMLAttribute("aria-labelledby", "error-summary-title")) {
            element("h2", .id("error-summary-title")) { language.pick("Er is iets niet goed ingevuld", "Something needs correcting") }
            element("ul") {
                for (field, message) in errors.ordered {
                    element("li") { element("a", HTMLAttribute("href", "#" + field)) { message } }
                }
            }
        }
    }

    static func errorId(_ id: String) -> String { id + "-error" }
    static func hintId(_ id: String) -> String { id + "-hint" }

    /// A field's label, then its hint and error (which the control names in aria-describedby).
    private static func labelHintAndError(
        id: String, label: String, hiddenLabelSuffix: String? = nil, hint: String?, error: String?
    ) -> HTML {
        var html = element("label", HTMLAttribute("for", id)) {
            label
            // Repeated fields (a share per role) need a name that says which one they are.
            if let hiddenLabelSuffix { element("span", .class("visually-hidden")) { " " + hiddenLabelSuffix } }
        }
        if let hint { html += element("p", .class("hint"), .id(hintId(id))) { hint } }
        if let error {
            html += element("p", .class("field-error"), .id(errorId(id))) { error }
        }
        return html
    }

    private static func describedBy(id: String, hint: String?, error: String?) -> HTMLAttribute? {
        let ids = [hint.map { _ in hintId(id) }, error.map { _ in errorId(id) }].compactMap { $0 }
        return ids.isEmpty ? nil : HTMLAttribute("aria-describedby", ids.joined(separator: " "))
    }
}
