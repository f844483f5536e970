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
            return OpeningAnswer(question: question.label, answer: answer)
        }
    }
}
