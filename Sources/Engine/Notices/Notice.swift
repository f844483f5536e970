import WorkflowDSL

/// Every text Escala writes itself (the workflow's own texts are the
/// admin's): refusals and rule notices of the engine, the answers a face
/// gives to a click or a command, and the community's answers.
///
/// A message is a key and its arguments; `NoticeCatalogue` holds the
/// words for each key in each language, so a face never writes a sentence
/// of its own, and adding a language is adding one file.
public enum Notice: Sendable, Hashable {
    // Ticket rules
    case userSpeaksFirst(staff: String)
    case ticketOwned(staff: String, handler: String)
    /// The member answered the farewell question with more to say, and
    /// nobody has written since: staff are asked, once.
    case farewellAnswered(staff: String)
    /// A close or escalation refused until a mandatory step is done.
    case mandatoryStep(Category.Mandatory.Requirement, beforeClose: Bool, displayNames: [String: String])
    /// Staff who see the ticket without receiving it (a side role…).
    case notReceiving(staff: String)
    /// Who may act instead, each named as a refusal names it: a rank or
    /// role by the name the workflow gives it (`displayNames`).
    case notAllowed(who: [Actor], displayNames: [String: String] = [:])
    case notNow
    case closeReasonNeeded
    case limitReached(Int)
    case categoryLimitReached(Int, category: String)
    /// Every Discord category a ticket may go in holds its 50 channels.
    case placesFull(category: String)
    /// Told to staff: members are being turned away for want of room.
    case placesFullStaff(category: String, member: String)
    /// The server holds Discord's 500 channels: no ticket channel fits.
    case serverFull(category: String)
    /// Told to staff: a member was turned away for the server's 500 channels.
    case serverFullStaff(category: String, member: String)
    /// The evidence a category requires, listed when the ticket opens so
    /// that the member knows what to send without waiting for staff.
    case evidenceNeeded([String])
    /// After a member's message: the items it gave, those still missing,
    /// and the written one the next message will answer.
    case evidenceProgress(received: [String], missing: [String], next: String?)
    // Answers to clicks and commands
    case ticketOpened(channel: String)
    case ticketBeingCreated
    case notATicket
    case staffOnly
    case closeReasonLabel
    // The sanctions ledger
    /// A row of the table whose `applied by` the staff member is below.
    case sanctionReserved(offence: String, who: [Actor], displayNames: [String: String])
    /// `evidence required`, and the ticket holds no file or link yet.
    case sanctionNeedsEvidence(offence: String)
    /// `warning required`, and the warning box was not ticked.
    case sanctionNeedsWarning(offence: String)
    /// A sanction given outside Escala needs its offence and its applier.
    case outsideSanctionIncomplete
    /// Said in the ticket once the ledger holds the sanction.
    case sanctionRecorded(offence: String, sanction: String, member: String, staff: String)
    /// Said in the ticket once staff named the sanction an appeal is about.
    case appealedSanctionNamed(offence: String, staff: String)
    /// The sanction forms' words (Discord: modal titles and labels).
    case sanctionFormTitle, sanctionOffenceLabel, sanctionMemberLabel, sanctionWarnedLabel
    case appealFormTitle, appealRecordLabel, appealOutsideOption, appealOutsideOffenceLabel, appealOutsideSanctionerLabel
    /// The ledger read back (`/sanciones`, `escala sanctions`).
    case sanctionsOf(member: String, count: Int)
    case sanctionLine(date: String, offence: String, sanction: String, staff: String, ticket: String)
    // Community
    case repToSelf
    case repToBot
    case repLimit(count: Int, perMember: Bool, seconds: Int)
    case repGiven(to: String, points: Int, level: String?)
    case noReputation
    case noRanking
    case rankingEmpty
    case rankingMembers(Int)
    case statisticsLegend
    /// A number a person typed is outside what the command takes.
    case numberOutOfRange(option: String, minimum: Int, maximum: Int)
    /// `/help`: the community commands the person may run (by routing
    /// name) and the workflows' own, each worded in the reader's language.
    case help(commands: [String], ticketCommands: [String])
    /// `/tickets`: the heading, and one line a ticket.
    case ticketsOf(member: String, count: Int)
    case ticketLine(number: Int, category: String, open: Bool, opened: String, handler: String?)
    /// A staff tool used by someone who does not hold the ticket, where
    /// the workflow leaves the tool to its handler (nil: nobody holds it).
    case onlyHandler(handler: String?)
    /// `/transfer` to someone the ticket is not for.
    case transferRefused(staff: String)
    /// Said in the ticket: the handler handed it over.
    case transferred(from: String, to: String)
    /// `/add` refused: a bot, someone not in the server, or someone the
    /// ticket is already in front of.
    case addRefused(String, AddRefusal)
    /// `/remove` of someone `/add` did not let in.
    case notAGuest(String)
    /// `/reply` with a name the ticket's category has no reply for.
    case noSuchReply(String)
    /// `/move` to a category the ticket's workflow does not have.
    case noSuchCategory(String)
    /// `/transcript N`: no such ticket, not the reader's, still open; sent.
    case transcriptNoTicket(Int)
    case transcriptNotYours(Int)
    case transcriptStillOpen(Int)
    case transcriptSent(Int)
    /// `/transcript N` when the reader's direct messages are closed.
    case transcriptDirectMessagesClosed
    /// `/ticket` with a category no panel opens.
    case noCategoryToOpen(String)
    /// `/move` to the category the ticket is in.
    case alreadyInCategory(String)
    /// Said in the ticket: moved by `by` (the handler it had released).
    case moved(from: String, to: String, by: String, released: String?)
    /// Said in the ticket: a rule's `move to` moved it.
    case movedByRule(from: String, to: String)
    /// `/priority` and `/topic`: what the channel is told, the refusal of
    /// a level the workflow does not have, the topic form's label.
    case priorityChanged(String, by: String)
    case noSuchPriority(String)
    case topicChanged(String, by: String)
    case topicCleared(by: String)
    case topicLabel
    /// `/close_inactive`: the ticket's last words, and what staff are told.
    case closedForInactivity(reason: String, by: String)
    case closedInBulk(count: Int, category: String, left: Int)
    case noneInactive(category: String)
    case noCategoryToCloseInBulk(String)
    case inactivityReason
    /// «Report message»: the ticket's first word about it, the button's
    /// label, what its staff are shown, and the refusals.
    /// The blocklist: the member's refusal, staff's answers.
    case blockedFromOpening(reason: String, until: Int64?)
    case memberBlocked(String, until: Int64?)
    case memberUnblocked(String)
    case notBlocked(String)
    case blockSelf
    case notADuration(String)
    case openedFor(member: String, by: String)
    case openTicketFor(member: String)
    case nothingToOpenFor
    case messageReported
    case reportedMessageButton
    case reportedMessageTitle
    case reportedMessage(ReportedMessage, cut: Bool)
    case reportedMessageStaffOnly
    case reportOwnMessage
    case noReportCategory
    case reportLost
    /// Said in the ticket, pinging the guest so that they find it.
    case guestAdded(String, by: String)
    case guestRemoved(String, by: String)
    /// The title over the opening form's answers (first message, transcript).
    case openingAnswers
    /// Told to staff once when an effect can never succeed and is set aside.
    case effectSetAside(ticket: Int?, reason: String)

    /// The catalogue entry that words this message.
    public var key: NoticeKey {
        switch self {
        case .userSpeaksFirst: .userSpeaksFirst
        case .ticketOwned: .ticketOwned
        case .farewellAnswered: .farewellAnswered
        case .notReceiving: .notReceiving
        case .mandatoryStep(_, let beforeClose, _): beforeClose ? .mandatoryBeforeClose : .mandatoryBeforeEscalation
        case .notAllowed: .notAllowed
        case .notNow: .notNow
        case .closeReasonNeeded: .closeReasonNeeded
        case .limitReached: .limitReached
        case .categoryLimitReached: .categoryLimitReached
        case .placesFull: .placesFull
        case .placesFullStaff: .placesFullStaff
        case .serverFull: .serverFull
        case .serverFullStaff: .serverFullStaff
        case .evidenceNeeded: .evidenceNeeded
        case .evidenceProgress(let received, let missing, let next):
            missing.isEmpty ? .evidenceAllReceived : next == nil ? .evidenceReceived : received.isEmpty ? .evidenceAsk : .evidenceReceivedAsk
        case .ticketOpened: .ticketOpened
        case .ticketBeingCreated: .ticketBeingCreated
        case .notATicket: .notATicket
        case .staffOnly: .staffOnly
        case .closeReasonLabel: .closeReasonLabel
        case .sanctionReserved: .sanctionReserved
        case .sanctionNeedsEvidence: .sanctionNeedsEvidence
        case .sanctionNeedsWarning: .sanctionNeedsWarning
        case .outsideSanctionIncomplete: .outsideSanctionIncomplete
        case .sanctionRecorded: .sanctionRecorded
        case .appealedSanctionNamed: .appealedSanctionNamed
        case .sanctionFormTitle: .sanctionFormTitle
        case .sanctionOffenceLabel: .sanctionOffenceLabel
        case .sanctionMemberLabel: .sanctionMemberLabel
        case .sanctionWarnedLabel: .sanctionWarnedLabel
        case .appealFormTitle: .appealFormTitle
        case .appealRecordLabel: .appealRecordLabel
        case .appealOutsideOption: .appealOutsideOption
        case .appealOutsideOffenceLabel: .appealOutsideOffenceLabel
        case .appealOutsideSanctionerLabel: .appealOutsideSanctionerLabel
        case .sanctionsOf(_, let count): count == 0 ? .noSanctions : .sanctionsOf
        case .sanctionLine: .sanctionLine
        case .repToSelf: .repToSelf
        case .repToBot: .repToBot
        case .numberOutOfRange: .numberOutOfRange
        case .openingAnswers: .openingAnswers
        case .onlyHandler(let handler): handler == nil ? .nobodyHolds : .onlyHandler
        case .addRefused(_, let why): why.key
        case .notAGuest: .notAGuest
        case .noSuchReply: .noSuchReply
        case .noSuchCategory: .noSuchCategory
        case .noCategoryToOpen: .noCategoryToOpen
        case .transcriptNoTicket: .transcriptNoTicket
        case .transcriptNotYours: .transcriptNotYours
        case .transcriptStillOpen: .transcriptStillOpen
        case .transcriptSent: .transcriptSent
        case .transcriptDirectMessagesClosed: .transcriptDirectMessagesClosed
        case .alreadyInCategory: .alreadyInCategory
        case .moved(_, _, _, let released): released == nil ? .moved : .movedReleased
        case .movedByRule: .movedByRule
        case .guestAdded: .guestAdded
        case .priorityChanged: .priorityChanged
        case .noSuchPriority: .noSuchPriority
        case .topicChanged: .topicChanged
        case .topicCleared: .topicCleared
        case .topicLabel: .topicLabel
        case .closedForInactivity: .closedForInactivity
        case .closedInBulk(_, _, let left): left == 0 ? .closedInBulk : .closedInBulkMore
        case .noneInactive: .noneInactive
        case .noCategoryToCloseInBulk: .noCategoryToCloseInBulk
        case .inactivityReason: .inactivityReason
        case .guestRemoved: .guestRemoved
        case .blockedFromOpening(_, let until): until == nil ? .blockedFromOpening : .blockedFromOpeningUntil
        case .memberBlocked(_, let until): until == nil ? .memberBlocked : .memberBlockedUntil
        case .memberUnblocked: .memberUnblocked
        case .notBlocked: .notBlocked
        case .blockSelf: .blockSelf
        case .notADuration: .notADuration
        case .openedFor: .openedFor
        case .openTicketFor: .openTicketFor
        case .nothingToOpenFor: .nothingToOpenFor
        case .messageReported: .messageReported
        case .reportedMessageButton: .reportedMessageButton
        case .reportedMessageTitle: .reportedMessageTitle
        case .reportedMessage(let message, let cut):
            message.attachments.isEmpty ? (cut ? .reportedMessageCut : .reportedMessage) : (cut ? .reportedMessageCutFiles : .reportedMessageFiles)
        case .reportedMessageStaffOnly: .reportedMessageStaffOnly
        case .reportOwnMessage: .reportOwnMessage
        case .noReportCategory: .noReportCategory
        case .reportLost: .reportLost
        case .transferRefused: .transferRefused
        case .ticketsOf(_, let count): count == 0 ? .noTickets : .ticketsOf
        case .ticketLine(_, _, let open, _, let handler): open ? (handler == nil ? .ticketLineOpenUnhandled : .ticketLineOpen) : .ticketLineClosed
        case .transferred: .transferred
        case .help(_, let ticketCommands): ticketCommands.isEmpty ? .help : .helpWithTicketCommands
        case .effectSetAside(let ticket, _): ticket == nil ? .effectSetAside : .effectSetAsideInTicket
        case .repLimit(_, let perMember, _): perMember ? .repLimitMember : .repLimitTotal
        case .repGiven(_, _, let level): level == nil ? .repGiven : .repGivenLevel
        case .noReputation: .noReputation
        case .noRanking: .noRanking
        case .rankingEmpty: .rankingEmpty
        case .rankingMembers: .rankingMembers
        case .statisticsLegend: .statisticsLegend
        }
    }

    /// What fills the `{name}` places of the key's words, in `language`.
    func arguments(language: String) -> [String: RichText] {
        switch self {
        case .userSpeaksFirst(let staff), .notReceiving(let staff), .farewellAnswered(let staff): ["staff": RichText([.person(staff)])]
        case .mandatoryStep(let requirement, _, let displayNames):
            ["requirement": NoticeCatalogue.requirement(requirement, language: language, displayNames: displayNames)]
        case .ticketOwned(let staff, let handler): ["staff": RichText([.person(staff)]), "handler": RichText([.person(handler)])]
        case .notAllowed(let who, let displayNames):
            ["who": NoticeCatalogue.either(who, language: language, displayNames: displayNames)]
        case .limitReached(let limit): ["limit": RichText(String(limit))]
        case .categoryLimitReached(let limit, let category): ["limit": RichText(String(limit)), "category": RichText(category)]
        case .placesFull(let category), .serverFull(let category): ["category": RichText(category)]
        case .placesFullStaff(let category, let member), .serverFullStaff(let category, let member):
            ["category": RichText(category), "member": RichText([.person(member)])]
        case .evidenceNeeded(let items): ["items": RichText(items.map { "\n• " + $0 }.joined())]
        case .evidenceProgress(let received, let missing, let next):
            ["received": RichText(received.map { "«" + $0 + "»" }.joined(separator: ", ")),
             "missing": RichText(missing.map { "\n• " + $0 }.joined()), "next": RichText(next ?? "")]
        case .ticketOpened(let channel): ["channel": RichText([.channel(channel)])]
        case .sanctionReserved(let offence, let who, let displayNames):
            ["offence": RichText(offence), "who": NoticeCatalogue.either(who, language: language, displayNames: displayNames)]
        case .sanctionNeedsEvidence(let offence), .sanctionNeedsWarning(let offence): ["offence": RichText(offence)]
        case .sanctionRecorded(let offence, let sanction, let member, let staff):
            ["offence": RichText(offence), "sanction": RichText(sanction), "member": RichText([.person(member)]), "staff": RichText([.person(staff)])]
        case .appealedSanctionNamed(let offence, let staff): ["offence": RichText(offence), "staff": RichText([.person(staff)])]
        case .sanctionsOf(let member, let count): ["member": RichText([.person(member)]), "count": RichText(String(count))]
        case .sanctionLine(let date, let offence, let sanction, let staff, let ticket):
            ["date": RichText(date), "offence": RichText(offence), "sanction": RichText(sanction),
             "staff": RichText([.person(staff)]), "ticket": RichText(ticket)]
        case .repLimit(let count, _, let seconds):
            ["count": RichText(String(count)), "period": NoticeCatalogue.span(seconds, language: language)]
        case .repGiven(let member, let points, let level):
            ["member": RichText([.person(member)]), "points": RichText(String(points)), "level": RichText(level ?? "")]
        case .rankingMembers(let count): ["count": RichText(String(count))]
        case .numberOutOfRange(let option, let minimum, let maximum):
            ["option": RichText(option), "minimum": RichText(String(minimum)), "maximum": RichText(String(maximum))]
        case .effectSetAside(let ticket, let reason):
            ["ticket": RichText(ticket.map(String.init) ?? ""), "reason": RichText(reason)]
        case .onlyHandler(let handler): ["handler": RichText(handler.map { [.person($0)] } ?? [])]
        case .addRefused(let person, _), .notAGuest(let person): ["person": RichText([.person(person)])]
        case .noSuchReply(let name): ["reply": RichText(name)]
        case .transcriptNoTicket(let number), .transcriptNotYours(let number), .transcriptStillOpen(let number), .transcriptSent(let number):
            ["number": RichText(String(number))]
        case .noSuchCategory(let category), .alreadyInCategory(let category), .noCategoryToOpen(let category): ["category": RichText(category)]
        case .movedByRule(let from, let to): ["from": RichText(from), "to": RichText(to)]
        case .moved(let from, let to, let by, let released):
            ["from": RichText(from), "to": RichText(to), "by": RichText([.person(by)]), "handler": RichText(released.map { [.person($0)] } ?? [])]
        case .guestAdded(let person, let by), .guestRemoved(let person, let by): ["person": RichText([.person(person)]), "by": RichText([.person(by)])]
        case .transferRefused(let staff): ["staff": RichText([.person(staff)])]
        case .priorityChanged(let priority, let by): ["priority": RichText(priority), "by": RichText([.person(by)])]
        case .noSuchPriority(let priority): ["priority": RichText(priority)]
        case .topicChanged(let topic, let by): ["topic": RichText(topic), "by": RichText([.person(by)])]
        case .topicCleared(let by): ["by": RichText([.person(by)])]
        case .closedForInactivity(let reason, let by): ["reason": RichText(reason), "by": RichText([.person(by)])]
        case .closedInBulk(let count, let category, let left): ["count": RichText(String(count)), "category": RichText(category), "left": RichText(String(left))]
        case .noneInactive(let category), .noCategoryToCloseInBulk(let category): ["category": RichText(category)]
        case .blockedFromOpening(let reason, let until): ["reason": RichText(reason), "until": RichText(until.map(CalendarDay.utcMinute) ?? "")]
        case .memberBlocked(let member, let until): ["member": RichText([.person(member)]), "until": RichText(until.map(CalendarDay.utcMinute) ?? "")]
        case .memberUnblocked(let member), .notBlocked(let member): ["member": RichText([.person(member)])]
        case .notADuration(let text): ["duration": RichText(text)]
        case .openedFor(let member, let by): ["member": RichText([.person(member)]), "by": RichText([.person(by)])]
        case .openTicketFor(let member): ["member": RichText([.person(member)])]
        case .reportedMessage(let message, let cut):
            ["author": RichText([.person(message.author)]), "channel": RichText([.channel(message.channel)]),
             "sent": RichText(CalendarDay.utcMinute(message.sentAt)), "link": RichText(message.link),
             "text": RichText(Self.quoted(cut ? String(message.text.prefix(Self.reportShownLength)) : message.text)),
             "files": RichText(message.attachments.map { "\n• " + $0 }.joined())]
        case .ticketsOf(let member, let count): ["member": RichText([.person(member)]), "count": RichText(String(count))]
        case .ticketLine(let number, let category, _, let opened, let handler):
            ["number": RichText(String(number)), "category": RichText(category), "opened": RichText(opened),
             "handler": RichText(handler.map { [.person($0)] } ?? [])]
        case .transferred(let from, let to): ["from": RichText([.person(from)]), "to": RichText([.person(to)])]
        case .help(let commands, let ticketCommands):
            ["commands": RichText(commands.compactMap { CommandWords.named($0) }.map { Self.helpLine($0.command, language) }.joined()),
             "ticketCommands": RichText(ticketCommands.map {
                 Self.helpLine(StaffTool(rawValue: $0).flatMap { CommandWords.ticketTools[$0]?.command } ?? CommandWords.workflowCommand($0), language)
             }.joined())]
        default: [:]
        }
    }
}

extension Notice {
    /// How much of a reported message a private answer shows: Discord's
    /// 2,000 characters hold it with its words around; the transcript
    /// has it whole.
    static let reportShownLength = 1_500

    /// Each line behind `> `, as a quotation reads on Discord and in a
    /// scenario's trace.
    static func quoted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
    }

    /// `• /estadisticas — Estadísticas de tickets…`, on its own line.
    static func helpLine(_ words: CommandWords.Words, _ language: String) -> String {
        let phrase = words.words(language) ?? words.en
        return "\n• /\(phrase.name) — \(phrase.description)"
    }
}

/// The entries of the catalogue: one per sentence, whatever its arguments.
public enum NoticeKey: String, Sendable, Hashable, CaseIterable {
    case mandatoryBeforeClose, mandatoryBeforeEscalation, requirementEscalation, requirementEvidence, requirementSanction
    case userSpeaksFirst, ticketOwned, farewellAnswered, notReceiving, notAllowed, notNow, closeReasonNeeded, limitReached, categoryLimitReached, evidenceNeeded
    case evidenceAsk, evidenceReceived, evidenceReceivedAsk, evidenceAllReceived
    case placesFull, placesFullStaff, serverFull, serverFullStaff
    case ticketOpened, ticketBeingCreated, notATicket, staffOnly, closeReasonLabel
    case repToSelf, repLimitMember, repLimitTotal, repGiven, repGivenLevel, noReputation, noRanking, rankingEmpty, rankingMembers
    case statisticsLegend, repToBot, numberOutOfRange, effectSetAside, effectSetAsideInTicket
    case openingAnswers
    case help, helpWithTicketCommands
    case onlyHandler, nobodyHolds, transferRefused, transferred
    case blockedFromOpening, blockedFromOpeningUntil, memberBlocked, memberBlockedUntil, memberUnblocked, notBlocked, blockSelf, notADuration
    case openedFor, openTicketFor, nothingToOpenFor
    case priorityChanged, noSuchPriority, topicChanged, topicCleared, topicLabel
    case closedForInactivity, closedInBulk, closedInBulkMore, noneInactive, noCategoryToCloseInBulk, inactivityReason
    case messageReported, reportedMessageButton, reportedMessageTitle, reportedMessage, reportedMessageCut, reportedMessageFiles, reportedMessageCutFiles,
         reportedMessageStaffOnly, reportOwnMessage, noReportCategory, reportLost
    case addBot, addAbsent, addAlreadyIn, notAGuest, guestAdded, guestRemoved, noSuchReply, noSuchCategory, noCategoryToOpen,
         transcriptNoTicket, transcriptNotYours, transcriptStillOpen, transcriptSent, transcriptDirectMessagesClosed, alreadyInCategory, moved, movedReleased, movedByRule
    case ticketsOf, noTickets, ticketLineOpen, ticketLineOpenUnhandled, ticketLineClosed
    case sanctionReserved, sanctionNeedsEvidence, sanctionNeedsWarning, outsideSanctionIncomplete, sanctionRecorded, appealedSanctionNamed
    case sanctionFormTitle, sanctionOffenceLabel, sanctionMemberLabel, sanctionWarnedLabel
    case appealFormTitle, appealRecordLabel, appealOutsideOption, appealOutsideOffenceLabel, appealOutsideSanctionerLabel
    case sanctionsOf, noSanctions, sanctionLine
    /// Who a refusal names.
    case actorOwner, actorHandler, actorStaff, actorSanctioner
    /// A rank or role alone (`un {rank}`), or with those above it.
    case actorRank, actorRankOrAbove
    /// The same among others: «quien atiende el ticket o un CM (o superior)».
    case actorRankOrAboveAmongOthers
    /// The last two of several who may act: `{first} o {last}`.
    case eitherOr
    /// A limit's period as admins wrote it: `{count} d`.
    case spanWeeks, spanDays, spanHours, spanMinutes
}

extension Notice {
    /// Why `/add` let nobody in.
    public enum AddRefusal: Sendable, Hashable {
        case bot, absent, alreadyIn

        var key: NoticeKey {
            switch self {
            case .bot: .addBot
            case .absent: .addAbsent
            case .alreadyIn: .addAlreadyIn
            }
        }
    }
}
