import WorkflowDSL

/// Evidence: attachments and links kept from messages, lists of items, what is still missing.
extension MachineStep {
    /// The files the member and staff posted, kept for a sanction's
    /// `evidence required` and its ledger row; the newest 25 are enough
    /// to cite, and the row must stay small.
    mutating func keepAttachments(_ urls: [String]) {
        guard !urls.isEmpty else { return }
        state.attachments = Array(((state.attachments ?? []) + urls).suffix(25))
    }

    var evidenceComplete: Bool {
        !category.evidence.isEmpty && category.evidence.allSatisfy { !(state.evidence[$0.name] ?? []).isEmpty }
    }

    /// One message answers one kind of request: a file or a link fills the
    /// items that ask for them, and only a message that gave neither counts
    /// as a written answer, so that "my photo" sent with the photo does not
    /// become the member's description.
    ///
    /// A written item is answered only after the bot has asked for it by
    /// name: the member's reply to the greeting is a reply, not silently
    /// the first item. After each message that gave something, or that gave
    /// nothing while nothing was asked, the bot says what it received, what
    /// is still missing, and which written item it expects next.
    mutating func collectEvidence(from message: TicketEvent.Message) {
        let asked = category.evidence.filter(\.isMembers)
        guard !asked.isEmpty, !asked.allSatisfy({ !(state.evidence[$0.name] ?? []).isEmpty }) else { return }
        var received = fillFilesAndLinks(asked, from: message)
        let gaveFileOrLink = !received.isEmpty
        if !gaveFileOrLink, !message.text.trimming(" \t\n").isEmpty, let awaited = state.awaitingEvidence,
           let item = category.evidence.first(where: { $0.name == awaited }), (state.evidence[item.name] ?? []).isEmpty {
            if item.kind == .list {
                let lines = message.text.split(whereSeparator: \.isNewline).map { String($0).trimming(" -•*\t") }.filter { !$0.isEmpty }
                if !lines.isEmpty { state.evidence[item.name] = lines }
            } else {
                state.evidence[item.name] = [message.text]
            }
            if !(state.evidence[item.name] ?? []).isEmpty {
                received.append(item.label)
                state.awaitingEvidence = nil
            }
        }
        let missing = asked.filter { (state.evidence[$0.name] ?? []).isEmpty }
        var next: Category.Evidence?
        if let awaited = state.awaitingEvidence, let item = missing.first(where: { $0.name == awaited }) {
            next = received.isEmpty ? nil : item // asked already: named again only beside news
        } else if let item = missing.first(where: { $0.kind == .text || $0.kind == .list }) {
            state.awaitingEvidence = item.name
            next = item
        }
        guard !received.isEmpty || next != nil else { return }
        let progress = Notice.evidenceProgress(received: received, missing: missing.map(\.label), next: next?.label)
        effects.append(.send(text: NoticeCatalogue.text(progress, locale: locale), buttons: [], pings: []))
    }

    /// The items staff give (`from cm`): a file or a link from someone the
    /// item names; what the member sends never fills them.
    mutating func collectStaffEvidence(from message: TicketEvent.Message) {
        let items = category.evidence.filter { item in item.from.map { allows([$0], message.author) } ?? false }
        let received = fillFilesAndLinks(items, from: message)
        guard !received.isEmpty else { return }
        let missing = category.evidence.filter { (state.evidence[$0.name] ?? []).isEmpty }.map(\.label)
        let progress = Notice.evidenceProgress(received: received, missing: missing, next: nil)
        effects.append(.send(text: NoticeCatalogue.text(progress, locale: locale), buttons: [], pings: []))
    }

    /// Fills the file and link items among `items` that `message` gives;
    /// returns their labels.
    mutating func fillFilesAndLinks(_ items: [Category.Evidence], from message: TicketEvent.Message) -> [String] {
        var received: [String] = []
        for item in items where (state.evidence[item.name] ?? []).isEmpty {
            switch item.kind {
            case .attachment where !message.attachments.isEmpty:
                state.evidence[item.name] = message.attachments
                received.append(item.label)
            case .link:
                let links = message.text.split(whereSeparator: \.isWhitespace).map(String.init)
                    .filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
                    .filter { link in item.pattern.map { machine.matches($0, link) } ?? true }
                if !links.isEmpty {
                    state.evidence[item.name] = links
                    received.append(item.label)
                }
            case .attachment, .text, .list:
                continue
            }
        }
        return received
    }
}
