import WorkflowDSL

/// What `escala fmt` says, in the language `escala lint` would speak for the
/// same file: the one asked for, else the system's, else the workflow's.
enum FormatWords {
    static func hasErrors(_ path: String, _ count: Int, _ language: DiagnosticLanguage) -> String {
        switch language {
        case .en: "\(path) has \(count) error(s); run `escala lint \(path)` and fix them first"
        case .es: "\(path) tiene \(count == 1 ? "1 error" : "\(count) errores"); ejecuta `escala lint \(path)` y corrígelos antes"
        case .fr: "\(path) a \(count == 1 ? "1 erreur" : "\(count) erreurs") ; lancez `escala lint \(path)` et corrigez-les d'abord"
        }
    }

    static func unreadable(_ path: String, _ language: DiagnosticLanguage) -> String {
        switch language {
        case .en: "\(path): cannot be read"
        case .es: "\(path): no se puede leer"
        case .fr: "\(path) : illisible"
        }
    }

    static func wouldReformat(_ path: String, _ language: DiagnosticLanguage) -> String {
        switch language {
        case .en: "would reformat \(path)"
        case .es: "se reformatearía \(path)"
        case .fr: "\(path) serait remis en forme"
        }
    }

    static func reformatted(_ path: String, _ language: DiagnosticLanguage) -> String {
        switch language {
        case .en: "reformatted \(path)"
        case .es: "reformateado \(path)"
        case .fr: "\(path) remis en forme"
        }
    }

    static func alreadyFormatted(_ count: Int, _ language: DiagnosticLanguage) -> String {
        switch language {
        case .en: "\(count) file(s) already formatted"
        case .es: count == 1 ? "1 archivo ya está formateado" : "\(count) archivos ya están formateados"
        case .fr: count == 1 ? "1 fichier déjà en forme" : "\(count) fichiers déjà en forme"
        }
    }
}
