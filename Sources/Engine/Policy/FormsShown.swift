import WorkflowDSL

extension TicketEngine {
    /// The form `name` as a face shows it to someone in `ticket`: one of
    /// the workflow's forms (of the version the ticket runs on), or the
    /// built-in close-reason form, worded in the ticket's language. Nil for
    /// a form the ticket's workflow does not have.
    public func form(_ name: String, for ticket: TicketState) -> Form? {
        guard let workflow = workflow(of: ticket) else { return nil }
        if name == TicketMachine.closeReasonForm {
            let label = NoticeCatalogue.text(.closeReasonLabel, locale: language(of: ticket)).plain
            return Form(name: name, title: label,
                        questions: [Question(name: TicketMachine.closeReasonAnswer, label: label, isLong: true, isOptional: false, placeholder: nil)])
        }
        if name == TicketMachine.topicForm {
            let label = NoticeCatalogue.text(.topicLabel, locale: language(of: ticket)).plain
            return Form(name: name, title: label,
                        questions: [Question(name: TicketMachine.topicAnswer, label: label, isLong: true, isOptional: true,
                                             placeholder: ticket.topic.map { String($0.prefix(100)) })])
        }
        return workflow.forms[name]
    }
}
