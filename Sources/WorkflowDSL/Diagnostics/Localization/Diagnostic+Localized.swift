extension Diagnostic {
    /// The same problem in `language`: its message, help and related
    /// lines; its code, place and severity do not change.
    public func localized(to language: DiagnosticLanguage) -> Diagnostic {
        guard language != .en else { return self }
        return Diagnostic(code, DiagnosticCatalogue.localized(message, to: language), path: path, range: range,
                          help: help.map { DiagnosticCatalogue.localized($0, to: language) },
                          related: related.map { Diagnostic.Related($0.range, DiagnosticCatalogue.localized($0.message, to: language)) },
                          fix: fix)
    }
}

extension LintRun {
    /// The run as each file's admin reads it: in the language asked for
    /// (`--lang`), else the system's, else each workflow's first locale
    /// (an `.ids` file goes with its workflow). The report's last line is
    /// in the language most of its diagnostics are in (most of its files
    /// when there are none), so it reads like the lines above it.
    public func localized(asked: String?, environment: [String: String]) -> LintRun {
        let chosen = DiagnosticLanguage.chosen(asked: asked, environment: environment)
        var language = chosen ?? .en
        let files = files.map { file -> FileResult in
            // Reading a workflow's locales means parsing it again: only
            // when nobody chose the language.
            if chosen == nil, !file.source.path.hasSuffix(".ids") {
                let locales = file.locales ?? Parser.parse(file.source).file.locales.map(\.text)
                language = DiagnosticLanguage.resolve(asked: nil, environment: [:], workflowLocales: locales)
            }
            return FileResult(source: file.source, diagnostics: file.diagnostics.map { $0.localized(to: language) }, language: language,
                              locales: file.locales)
        }
        let spoken = files.flatMap { file in file.diagnostics.map { _ in file.language } }
        return LintRun(files: files, language: chosen ?? DiagnosticLanguage.most(of: spoken) ?? DiagnosticLanguage.most(of: files.map(\.language)) ?? .en)
    }
}
