/// Why the engine could not take an event, said so the operator can act.
public enum EngineError: Error, Sendable, Equatable, CustomStringConvertible {
    case store(StoreError)
    case unknownWorkflow(String)
    case unknownCategory(String, workflow: String)
    case unknownTicket(Int64)
    /// A ticket runs on a workflow version that is not loaded (its source
    /// was not kept, or no longer compiles).
    case missingVersion(hash: String, ticket: Int64)

    public var description: String {
        switch self {
        case .store(let error): error.description
        case .unknownWorkflow(let path): "no workflow \(path) is loaded; check the path and run `escala lint \(path)`"
        case .unknownCategory(let category, let workflow): "\(workflow) has no ticket category named \(category)"
        case .unknownTicket(let id): "no ticket with id \(id) in the database"
        case .missingVersion(let hash, let ticket):
            "ticket \(ticket) runs on workflow version \(hash.prefix(12)), which cannot be loaded; it is left as it is"
        }
    }
}
