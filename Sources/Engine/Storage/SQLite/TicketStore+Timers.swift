extension TicketStore {
    /// Sets many timers in one transaction (an import, or a benchmark of
    /// the timer table at scale), through the same statement as events use.
    public func schedule(_ timers: [DueTimer]) async throws(StoreError) {
        try await writeSQL { transaction in
            for due in timers { try transaction.schedule(due.timer, ticketID: due.ticketID) }
        }
    }

    /// Pending timers in the database.
    public func timerCount() async throws(StoreError) -> Int {
        try await readSQL { try $0.timerCount() }
    }
}
