/// A message or modal component: action row, button, select menu or text
/// input. One type for all, with the fields each kind uses, so that a kind
/// Discord adds later still decodes.
public struct Component: Sendable, Hashable, Codable {
    public var type: Int
    public var customID: String?
    public var style: Int?
    public var label: String?
    public var disabled: Bool?
    public var components: [Component]?
    /// A text input's value, in a modal submission.
    public var value: String?

    public init(type: Int, customID: String? = nil, style: Int? = nil, label: String? = nil, components: [Component]? = nil) {
        self.type = type
        self.customID = customID
        self.style = style
        self.label = label
        self.components = components
    }

    enum CodingKeys: String, CodingKey {
        case type, style, label, disabled, components, value
        case customID = "custom_id"
    }

    public static func actionRow(_ components: [Component]) -> Component { Component(type: 1, components: components) }

    /// Styles: 1 primary, 2 secondary, 3 success, 4 danger.
    public static func button(_ customID: String, label: String, style: Int) -> Component {
        Component(type: 2, customID: customID, style: style, label: label)
    }
}
