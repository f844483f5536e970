import Foundation

/// Discord's own description of REST v10 (`Tests/Fixtures/discord/openapi.json`),
/// used to judge every request the client sends: a method and path Discord
/// has, and a JSON body its schema accepts.
///
/// Stricter than the spec in one way on purpose: an object property the
/// schema does not list is a mismatch. Discord silently ignores unknown
/// fields, so a misspelt `allowed_mention` would otherwise pass here and
/// ping `@everyone` in production.
///
/// Where the spec and Discord's documentation disagree, the documentation
/// wins (see `../shared/discord/README.md`): overwrite `allow`/`deny` are
/// decimal strings, and message `content` holds 2,000 characters, not 4,000.
public final class OpenAPIContract: Sendable {
    let paths: [String: JSONValue]
    let schemas: [String: JSONValue]

    public static let shared: OpenAPIContract = {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Tests/Fixtures/discord/openapi.json")
        let spec = (try? Data(contentsOf: url)).flatMap { try? JSONValue.parse($0) } ?? .null
        return OpenAPIContract(paths: spec["paths"]?.object ?? [:], schemas: spec["components"]?["schemas"]?.object ?? [:])
    }()

    /// Each path template split once into segments, for `template(for:)`.
    private let templates: [(template: String, parts: [Substring])]

    init(paths: [String: JSONValue], schemas: [String: JSONValue]) {
        self.paths = paths
        self.schemas = schemas
        templates = paths.keys.sorted().map { ($0, $0.split(separator: "/", omittingEmptySubsequences: true)) }
    }

    public var isLoaded: Bool { !paths.isEmpty }

    /// The spec's template for a concrete path (`/channels/1/messages` →
    /// `/channels/{channel_id}/messages`); the one with the most literal
    /// segments when several match.
    public func template(for path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var best: (template: String, literals: Int)?
        for (template, parts) in templates {
            guard parts.count == segments.count else { continue }
            var literals = 0
            var matches = true
            for (part, segment) in zip(parts, segments) {
                if part.hasPrefix("{") { continue }
                if part != segment { matches = false; break }
                literals += 1
            }
            if matches, literals > (best?.literals ?? -1) { best = (template, literals) }
        }
        return best?.template
    }

    /// Every way the request differs from the spec; empty when Discord
    /// would accept it.
    public func violations(method: String, path: String, body: Data?) -> [String] {
        guard let template = template(for: path) else { return ["\(method) \(path): no such path in Discord's API"] }
        guard let operation = paths[template]?[method.lowercased()] else {
            return ["\(method) \(template): Discord's API has no \(method) on this path"]
        }
        let schema = operation["requestBody"]?["content"]?["application/json"]?["schema"]
        guard let body, !body.isEmpty else {
            if operation["requestBody"]?["required"] == .bool(true) { return ["\(method) \(template): a JSON body is required"] }
            return []
        }
        guard let schema else { return ["\(method) \(template): takes no JSON body, but one was sent"] }
        let value: JSONValue
        do { value = try JSONValue.parse(body) } catch { return ["\(method) \(template): the body is not JSON"] }
        var errors: [String] = []
        validate(value, schema, at: "body", into: &errors)
        return errors.map { "\(method) \(template): \($0)" }
    }

    // MARK: JSON Schema, the parts Discord's spec uses

    func validate(_ value: JSONValue, _ schema: JSONValue, at location: String, into errors: inout [String]) {
        if let reference = schema["$ref"]?.string {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let target = schemas[name] else { errors.append("\(location): unknown schema \(reference)"); return }
            validate(value, target, at: location, into: &errors)
            return
        }
        for part in schema["allOf"]?.array ?? [] { validate(value, part, at: location, into: &errors) }
        if let choices = schema["oneOf"]?.array ?? schema["anyOf"]?.array {
            var branchErrors: [[String]] = []
            for choice in choices {
                var attempt: [String] = []
                validate(value, choice, at: location, into: &attempt)
                if attempt.isEmpty { branchErrors = []; break }
                branchErrors.append(attempt)
            }
            if let closest = branchErrors.min(by: { $0.count < $1.count }) { errors += closest }
        }
        if let types = schema["type"] {
            let allowed = types.array?.compactMap(\.string) ?? [types.string].compactMap { $0 }
            if !allowed.contains(where: { Self.has(value, type: $0, at: location) }) {
                errors.append("\(location): expected \(allowed.joined(separator: " or ")), found \(Self.describe(value))")
                return
            }
        }
        if let constant = schema["const"], constant != value, !Self.sameNumber(constant, value) {
            errors.append("\(location): must be \(Self.describe(constant))")
        }
        if let options = schema["enum"]?.array, !options.contains(where: { $0 == value || Self.sameNumber($0, value) }) {
            errors.append("\(location): \(Self.describe(value)) is not one of the allowed values")
        }
        switch value {
        case .string(let text):
            let limit = location.hasSuffix(".content") ? min(2_000, schema["maxLength"]?.number.map(Int.init) ?? .max) : schema["maxLength"]?.number.map(Int.init)
            if let limit, text.count > limit { errors.append("\(location): \(text.count) characters, at most \(limit)") }
            if let minimum = schema["minLength"]?.number, text.count < Int(minimum) { errors.append("\(location): shorter than \(Int(minimum))") }
            if let pattern = schema["pattern"]?.string, !Self.isDecimalOverwrite(location),
               text.range(of: pattern, options: .regularExpression) == nil {
                errors.append("\(location): \"\(text)\" does not match \(pattern)")
            }
        case .number(let number):
            if let minimum = schema["minimum"]?.number, number < minimum { errors.append("\(location): below \(minimum)") }
            if let maximum = schema["maximum"]?.number, number > maximum { errors.append("\(location): above \(maximum)") }
        case .array(let items):
            if let maximum = schema["maxItems"]?.number, items.count > Int(maximum) { errors.append("\(location): more than \(Int(maximum)) items") }
            if let minimum = schema["minItems"]?.number, items.count < Int(minimum) { errors.append("\(location): fewer than \(Int(minimum)) items") }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() { validate(item, itemSchema, at: "\(location)[\(index)]", into: &errors) }
            }
        case .object(let object):
            for required in schema["required"]?.array?.compactMap(\.string) ?? [] where object[required] == nil {
                errors.append("\(location): missing required \(required)")
            }
            if let properties = schema["properties"]?.object {
                for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                    if let propertySchema = properties[key] {
                        validate(member, propertySchema, at: "\(location).\(key)", into: &errors)
                    } else if let extra = schema["additionalProperties"], extra != .bool(false), extra.object != nil {
                        validate(member, extra, at: "\(location).\(key)", into: &errors)
                    } else if schema["additionalProperties"] != .bool(true) {
                        errors.append("\(location): \(key) is not a field Discord knows here")
                    }
                }
            }
        default:
            break
        }
    }

    static func has(_ value: JSONValue, type: String, at location: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object), ("number", .number):
            return true
        case ("integer", .number(let number)):
            return number == number.rounded()
        case ("integer", .string(let text)) where isDecimalOverwrite(location):
            return !text.isEmpty && text.allSatisfy(\.isNumber)
        default:
            return false
        }
    }

    /// Overwrite `allow`/`deny`: decimal strings, as documented.
    static func isDecimalOverwrite(_ location: String) -> Bool {
        location.hasSuffix(".allow") || location.hasSuffix(".deny")
    }

    static func sameNumber(_ left: JSONValue, _ right: JSONValue) -> Bool {
        if case .number(let a) = left, case .number(let b) = right { return a == b }
        return false
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .number(let number): number == number.rounded() ? "\(Int64(number))" : "\(number)"
        case .string(let text): "\"\(text.prefix(40))\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
