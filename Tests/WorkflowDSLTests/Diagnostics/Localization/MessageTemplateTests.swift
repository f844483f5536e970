import Testing
@testable import WorkflowDSL

@Suite("Message templates")
struct MessageTemplateTests {
    @Test("names, quoted texts and numbers are taken out; a list of names is one argument")
    func arguments() {
        let template = MessageTemplate("the form `alta` has 7 questions; a Discord form holds 5")
        #expect(template.key == "the form {0} has {1} questions; a Discord form holds {2}")
        #expect(template.arguments == ["`alta`", "7", "5"])
        let list = MessageTemplate("known names: `admin`, `cm`, `trainee`")
        #expect(list.key == "known names: {0}" && list.arguments == ["`admin`, `cm`, `trainee`"])
        #expect(MessageTemplate("\"Europe/Madrid\" is not a time zone").key == "{0} is not a time zone")
        #expect(MessageTemplate("E101 in v2 stays").key == "E101 in v2 stays", "digits inside a word are words")
        #expect(MessageTemplate("placeholders are: {user}").key == "placeholders are: {user}")
    }

    @Test("a translation may put the arguments in another order; an unknown place is left as written")
    func filling() {
        let template = MessageTemplate("`a` leaves the chain of `t`")
        #expect(template.filling("{1}: {0} sale de su cadena") == "`t`: `a` sale de su cadena")
        #expect(template.filling("{user} y {7}") == "{user} y {7}")
    }
}
