import WorkflowDSL

/// The trace's own words in the admin's language: what each step did, what
/// each effect is, why an expectation failed. Each is written once, in
/// English, where the trace says it (`words("{0} presses {1}", name,
/// button)`); the English template is the key of its translation, as in
/// lint's `DiagnosticCatalogue`, so a sentence without one stays English
/// and the catalogue test names it. Names, texts and numbers (`{0}`) come
/// through as the scenario and the engine wrote them.
public struct TraceWords: Sendable, Hashable {
    public let language: DiagnosticLanguage

    public init(_ language: DiagnosticLanguage) {
        self.language = language
    }

    /// `template` in the language, its places filled with `values` in one
    /// pass (a value that itself says `{1}` is left as it is).
    func callAsFunction(_ template: String, _ values: any CustomStringConvertible...) -> String {
        let worded = Self.translations(language)?[template] ?? template
        var text = ""
        var rest = Substring(worded)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let after = rest.index(after: open)
            if let close = rest[after...].firstIndex(of: "}"), let place = Int(rest[after..<close]), values.indices.contains(place) {
                text += values[place].description
                rest = rest[rest.index(after: close)...]
            } else {
                text += "{"
                rest = rest[after...]
            }
        }
        return text + rest
    }

    static func translations(_ language: DiagnosticLanguage) -> [String: String]? {
        switch language {
        case .en: nil
        case .es: spanish
        case .fr: french
        }
    }
}

extension TraceWords {
    /// The last line of `escala simulate`.
    public func scenarios(passed: Int, failed: Int) -> String {
        self("scenarios: {0} passed, {1} failed", passed, failed)
    }
}
