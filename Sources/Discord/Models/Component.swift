/// A message or modal component: action row, label, button, select menu,
/// text input or checkbox. One type for all, with the fields each kind
/// uses, so that a kind Discord adds later still decodes.
public struct Component: Sendable, Hashable, Codable {
    public var type: Int
    public var customID: String?
    public var style: Int?
    public var label: String?
    public var disabled: Bool?
    public var components: [Component]?
    /// A label's one component (Discord's key is `component`); an array
    /// only so that the type can hold itself.
    private var child: [Component]?
    /// A text input's value, in a modal submission; a checkbox's, as
    /// `true` or `false`.
    public var value: String?
    /// A select menu's chosen values, in a modal submission.
    public var values: [String]?
    public var description: String?
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

    /// A label's component.
    public var component: Component? {
        get { child?.first }
        set { child = newValue.map { [$0] } }
    }

    enum CodingKeys: String, CodingKey {
        case type, style, label, disabled, components, value, values, placeholder, required, options, description
        case child = "component"
        case customID = "custom_id"
        case minLength = "min_length"
        case maxLength = "max_length"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(Int.self, forKey: .type)
        customID = try container.decodeIfPresent(String.self, forKey: .customID)
        style = try container.decodeIfPresent(Int.self, forKey: .style)
        label = try container.decodeIfPresent(String.self, forKey: .label)
        disabled = try container.decodeIfPresent(Bool.self, forKey: .disabled)
        components = try container.decodeIfPresent([Component].self, forKey: .components)
        child = try container.decodeIfPresent(Component.self, forKey: .child).map { [$0] }
        // A checkbox sends a boolean where a text input sends a string.
        if let checked = try? container.decodeIfPresent(Bool.self, forKey: .value) {
            value = checked ? "true" : "false"
        } else {
            value = try container.decodeIfPresent(String.self, forKey: .value)
        }
        values = try container.decodeIfPresent([String].self, forKey: .values)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        placeholder = try container.decodeIfPresent(String.self, forKey: .placeholder)
        required = try container.decodeIfPresent(Bool.self, forKey: .required)
        minLength = try container.decodeIfPresent(Int.self, forKey: .minLength)
        maxLength = try container.decodeIfPresent(Int.self, forKey: .maxLength)
        options = try container.decodeIfPresent([SelectOption].self, forKey: .options)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        try container.encodeIfPresent(customID, forKey: .customID)
        try container.encodeIfPresent(style, forKey: .style)
        try container.encodeIfPresent(label, forKey: .label)
        try container.encodeIfPresent(disabled, forKey: .disabled)
        try container.encodeIfPresent(components, forKey: .components)
        try container.encodeIfPresent(child?.first, forKey: .child)
        try container.encodeIfPresent(value, forKey: .value)
        try container.encodeIfPresent(values, forKey: .values)
        try container.encodeIfPresent(description, forKey: .description)
        try container.encodeIfPresent(placeholder, forKey: .placeholder)
        try container.encodeIfPresent(required, forKey: .required)
        try container.encodeIfPresent(minLength, forKey: .minLength)
        try container.encodeIfPresent(maxLength, forKey: .maxLength)
        try container.encodeIfPresent(options, forKey: .options)
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

    /// A modal's labelled field: the label above one select, user picker,
    /// text input or checkbox.
    public static func label(_ label: String, description: String? = nil, _ component: Component) -> Component {
        var labelled = Component(type: 18, label: DiscordLimits.cut(label, to: DiscordLimits.labelText))
        labelled.description = description.map { DiscordLimits.cut($0, to: 100) }
        labelled.component = component
        return labelled
    }

    /// A modal's string select; `required: false` lets it be left empty.
    public static func modalSelect(_ customID: String, options: [SelectOption], required: Bool) -> Component {
        var component = select(customID, placeholder: nil, options: Array(options.prefix(25)))
        component.required = required
        return component
    }

    /// Discord's member picker (one user).
    public static func userSelect(_ customID: String, required: Bool) -> Component {
        var component = Component(type: 5, customID: customID)
        component.required = required
        return component
    }

    /// A modal's yes/no box.
    public static func checkbox(_ customID: String) -> Component {
        Component(type: 23, customID: customID)
    }

    /// Styles: 1 primary, 2 secondary, 3 success, 4 danger.
    public static func button(_ customID: String, label: String, style: Int) -> Component {
        Component(type: 2, customID: customID, style: style, label: label)
    }
}
