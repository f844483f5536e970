extension TicketStore {
    /// Sets many timers in one transaction (an import, or a benchmark of
    /// the timer table at scale), through the same statement as events use.
    public func schedule(_ timers: [DueTimer]) throws(StoreError) {
        try transaction { transaction in
            for due in timers { try transaction.schedule(due.timer, ticketID: due.ticketID) }
        }
    }

    /// Pending timers in the database.
    public func timerCount() throws(StoreError) -> Int {
        try read { try $0.timerCount() }
    }
}
