import WorkflowDSL

/// Timers: which are due when, set on entering a state, cancelled on leaving it.
extension MachineStep {
    /// The timed transitions of the current state (by index) with when each
    /// is due, or nil when its clock is not running (a silence timer with no
    /// mention yet).
    func timerSchedule() -> [(index: Int, due: Int64?)] {
        var schedule: [(index: Int, due: Int64?)] = []
        let all = transitions
        for index in all.indices {
            guard case .timer(let seconds, let since) = all[index].event else { continue }
            let delay = Int64(seconds)
            let due: Int64? = switch since {
            case .withoutReason: state.userHasSpoken ? nil : state.openedAt + delay
            case .userSilence: state.lastUserMentionAt.map { $0 + delay }
            case .handlerInactivity: state.handler == nil ? nil : (state.lastHandlerMessageAt ?? state.enteredStateAt) + delay
            case .inState: state.enteredStateAt + delay
            }
            schedule.append((index, due))
        }
        return schedule
    }

    func closes(_ index: Int) -> Bool {
        transitions[index].steps.contains { if case .close = $0 { true } else { false } }
    }

    /// (Re)schedules every timer of the current state; a timer whose clock
    /// stopped is cancelled.
    mutating func scheduleTimers() {
        for (index, due) in timerSchedule() {
            guard let due else {
                effects.append(.cancelTimer(key: TicketTimer.Purpose.transition(index: index).key))
                continue
            }
            effects.append(.schedule(TicketTimer(purpose: .transition(index: index), generation: state.generation, dueAt: max(due, now))))
            if let reminder = category.reminder, due - Int64(reminder.beforeSeconds) > now, closes(index) {
                effects.append(.schedule(TicketTimer(purpose: .reminder(index: index), generation: state.generation,
                                                     dueAt: due - Int64(reminder.beforeSeconds))))
            }
        }
    }

    mutating func cancelTimers() {
        for (index, _) in timerSchedule() {
            effects.append(.cancelTimer(key: TicketTimer.Purpose.transition(index: index).key))
            effects.append(.cancelTimer(key: TicketTimer.Purpose.reminder(index: index).key))
        }
    }

    mutating func timerFired(_ timer: TicketTimer) {
        switch timer.purpose {
        case .farewell:
            // Silence after the farewell question: the close staff asked
            // for. Not tied to a visit of the state, so no generation.
            if let pending = state.pendingClose, pending.until <= now { close(reason: pending.reason) }
        case .farewellAnswered:
            guard let answered = state.farewellAnswered else { return }
            state.farewellAnswered = nil
            // Staff wrote since (or asked the question again): nothing to ask.
            if (state.lastStaffMessageAt ?? .min) >= answered.at || state.pendingClose != nil { return }
            guard let staff = state.handler ?? answered.askedBy else { return }
            effects.append(.notice(text: NoticeCatalogue.text(.farewellAnswered(staff: staff), locale: locale), pinging: [staff]))
        case .reminder(let index):
            // A timer from an earlier visit of a state, or one whose clock
            // was reset (the user answered, the handler wrote), does nothing.
            guard timer.generation == state.generation,
                  let entry = timerSchedule().first(where: { $0.index == index }), let due = entry.due,
                  let reminder = category.reminder, due - Int64(reminder.beforeSeconds) <= now, due > now else { return }
            record(category.ruleSpots?.reminder, reminder.ruleText)
            effects.append(.send(text: render(reminder.text), buttons: [], pings: [.user]))
        case .transition(let index):
            guard timer.generation == state.generation,
                  let entry = timerSchedule().first(where: { $0.index == index }), let due = entry.due, due <= now else { return }
            let transition = transitions[index]
            if let condition = transition.condition, !holds(condition) { return }
            run(transition, by: nil)
        }
    }
}
