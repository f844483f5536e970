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
    public var placeholder: String?
    public var required: Bool?
    public var minLength: Int?
    public var maxLength: Int?
    /// A string select's options.
    public var options: [SelectOption]?

    public init(type: Int, customID: String? = nil, style: Int? = nil, label: String? = nil, components: [Component]? = nil) {
        self.type = type
        self.customID = customID
        self.style = style
        self.label = label
        self.components = components
    }

    enum CodingKeys: String, CodingKey {
        case type, style, label, disabled, components, value, placeholder, required, options
        case customID = "custom_id"
        case minLength = "min_length"
        case maxLength = "max_length"
    }

    public struct SelectOption: Sendable, Hashable, Codable {
        public var label: String
        public var value: String
        public var description: String?
        public init(label: String, value: String, description: String? = nil) {
            self.label = label
            self.value = value
            self.description = description
        }
    }

    public static func actionRow(_ components: [Component]) -> Component { Component(type: 1, components: components) }

    /// A string select menu.
    public static func select(_ customID: String, placeholder: String?, options: [SelectOption]) -> Component {
        var component = Component(type: 3, customID: customID)
        component.placeholder = placeholder
        component.options = options
        return component
    }

    /// A modal's text input; style 1 one line, 2 paragraph. Discord's
    /// documentation still shows inputs inside action rows.
    public static func textInput(_ customID: String, label: String, long: Bool, required: Bool, placeholder: String?) -> Component {
        var component = Component(type: 4, customID: customID, style: long ? 2 : 1, label: label)
        component.required = required
        component.placeholder = placeholder
        component.maxLength = 4_000
        return component
    }

    /// Styles: 1 primary, 2 secondary, 3 success, 4 danger.
    public static func button(_ customID: String, label: String, style: Int) -> Component {
        Component(type: 2, customID: customID, style: style, label: label)
    }
}
