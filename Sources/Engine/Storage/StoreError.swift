/// What can go wrong with the database, said so an operator can act on it.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case newerSchema(path: String)
    case database(String)
    case corrupt(String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            "cannot open the database \(path): \(reason). Check that the data folder exists and is writable (--data or ESCALA_DATA)."
        case .newerSchema(let path):
            "the database \(path) was written by a newer version of Escala; run that version, or restore a backup."
        case .database(let message):
            "database error: \(message)"
        case .corrupt(let message):
            "the database holds something this version cannot read: \(message)"
        }
    }
}
