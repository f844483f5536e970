import Testing
@testable import Engine

/// The words of Escala's own slash commands: every command faces route to
/// has them in English, Spanish and French, each as Discord takes it.
@Suite("Command words")
struct CommandWordsTests {
    @Test("every community command and option is named and described in English, Spanish and French, as Discord accepts")
    func everyCommand() throws {
        #expect(Set(CommandWords.community.keys) == CommunityCommand.names)
        for (routed, words) in CommandWords.community {
            #expect(words.command.en.name == routed, "the English name is the one faces route by")
            for (option, optionWords) in words.options {
                #expect(optionWords.en.name == option)
            }
            for phrase in [words.command] + Array(words.options.values) {
                for language in ["en", "es", "fr"] {
                    let said = try #require(phrase.words(language))
                    // Discord's rule for names: lowercase, 1 to 32 of letters, digits, - and _.
                    #expect(said.name.wholeMatch(of: #/[-_\p{L}\p{N}]{1,32}/#) != nil && said.name == said.name.lowercased(), "\(said.name)")
                    #expect((1...100).contains(said.description.count), "\(language) \(routed): \(said.description)")
                }
                #expect(phrase.es.description != phrase.en.description && phrase.fr.description != phrase.en.description, "\(routed): translated")
            }
        }
        #expect(CommandWords.workflowCommand("reabrir").es.description == "Escala: /reabrir en este ticket")
    }
}
