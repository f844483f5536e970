import WorkflowDSL

/// One question of a category's opening form and what the member answered.
public struct OpeningAnswer: Sendable, Hashable, Codable {
    /// The question as the form asked it.
    public let question: String
    public let answer: String

    public init(question: String, answer: String) {
        self.question = question
        self.answer = answer
    }
}

extension Category {
    /// The opening form's answers in the order the form asked them; a
    /// question left blank (an optional one) is not shown. Staff read
    /// these in the ticket's first message and in its transcript.
    public func openingAnswers(_ answers: [String: String]) -> [OpeningAnswer] {
        questions.compactMap { question in
            guard let answer = answers[question.name], !answer.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
            return OpeningAnswer(question: question.label, answer: question.shown(answer))
        }
    }
}

extension Sequence where Element == Question {
    /// The answers a ticket keeps from a form of these questions: a
    /// question with choices keeps only one of its choices. Discord sends
    /// what the menu offered; anything else (an old form, a forged payload)
    /// is as if left blank, so no rule reads a choice the member never had.
    public func accepted(_ answers: [String: String]) -> [String: String] {
        answers.filter { name, answer in
            guard let choices = first(where: { $0.name == name })?.choices else { return true }
            return choices.contains { $0.name == answer }
        }
    }
}
