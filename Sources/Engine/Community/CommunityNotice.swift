/// What the community features answer a member, in the languages Escala
/// ships.
public enum CommunityNotice: Sendable, Hashable {
    case repToSelf
    case repLimit(count: Int, perMember: Bool, seconds: Int)
    case repGiven(to: String, points: Int, level: String?)
    case noReputation

    public func text(locale: String) -> String {
        let language = String(locale.prefix(2))
        switch (self, language) {
        case (.repToSelf, "es"): return "No puedes darte reputación a ti mismo."
        case (.repToSelf, "fr"): return "Vous ne pouvez pas vous donner de la réputation."
        case (.repToSelf, _): return "You cannot give reputation to yourself."
        case (.repLimit(let count, let perMember, let seconds), "es"):
            return "Ya diste \(count) punto(s) de reputación\(perMember ? " a este miembro" : "") en \(Self.span(seconds, "es")): espera para dar más."
        case (.repLimit(let count, let perMember, let seconds), "fr"):
            return "Vous avez déjà donné \(count) point(s) de réputation\(perMember ? " à ce membre" : "") en \(Self.span(seconds, "fr")) : attendez pour en donner plus."
        case (.repLimit(let count, let perMember, let seconds), _):
            return "You already gave \(count) reputation point(s)\(perMember ? " to this member" : "") within \(Self.span(seconds, "en")): wait to give more."
        case (.repGiven(let member, let points, let level), "es"):
            return "+1 de reputación para <@\(member)> (total: \(points)\(level.map { ", nivel \($0)" } ?? ""))."
        case (.repGiven(let member, let points, let level), "fr"):
            return "+1 de réputation pour <@\(member)> (total : \(points)\(level.map { ", niveau \($0)" } ?? ""))."
        case (.repGiven(let member, let points, let level), _):
            return "+1 reputation for <@\(member)> (total: \(points)\(level.map { ", level \($0)" } ?? ""))."
        case (.noReputation, "es"): return "Este servidor no usa reputación."
        case (.noReputation, "fr"): return "Ce serveur n'utilise pas la réputation."
        case (.noReputation, _): return "This server does not use reputation."
        }
    }

    /// `86400` → "1 d", `3600` → "1 h": the limit's period as admins wrote it.
    static func span(_ seconds: Int, _ language: String) -> String {
        if seconds % 604_800 == 0 { return "\(seconds / 604_800) \(language == "en" ? "w" : "sem")" }
        if seconds % 86_400 == 0 { return "\(seconds / 86_400) d" }
        if seconds % 3_600 == 0 { return "\(seconds / 3_600) h" }
        return "\(max(1, seconds / 60)) min"
    }
}
