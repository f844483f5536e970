import Discord
import Engine

/// Escala's slash commands as Discord registers them: each name and
/// description in English (the name the face routes by), and, for every
/// language the server's workflows declare, the same in that language as
/// Discord's `name_localizations` (a staff member whose Discord speaks
/// Spanish reads `/estadisticas`). The words are the engine's
/// (`CommandWords`); this only says which Discord locales a language is.
enum CommandLocalizations {
    /// Discord's locales for one of a workflow's languages.
    static func discordLocales(_ language: String) -> [String] {
        switch language {
        case "es": ["es-ES", "es-419"]
        case "fr": ["fr"]
        default: []
        }
    }

    /// `command` with its words: the English ones, and those of
    /// `languages` (the workflows' locales) for their Discord locales.
    static func worded(_ command: RESTClient.SlashCommand, _ words: CommandWords, languages: [String]) -> RESTClient.SlashCommand {
        var command = command
        command.description = words.command.en.description
        (command.nameLocalizations, command.descriptionLocalizations) = localizations(words.command, languages)
        command.options = command.options?.map { option in
            guard let optionWords = words.options[option.name] else { return option }
            var option = option
            option.description = optionWords.en.description
            (option.nameLocalizations, option.descriptionLocalizations) = localizations(optionWords, languages)
            return option
        }
        return command
    }

    static func localizations(_ words: CommandWords.Words, _ languages: [String]) -> ([String: String]?, [String: String]?) {
        var names: [String: String] = [:]
        var descriptions: [String: String] = [:]
        for language in languages where language != "en" {
            guard let phrase = words.words(language) else { continue }
            for locale in discordLocales(language) {
                names[locale] = phrase.name
                descriptions[locale] = phrase.description
            }
        }
        return (names.isEmpty ? nil : names, descriptions.isEmpty ? nil : descriptions)
    }
}
