import Runtime
import Testing

@Suite("Channel waiters")
struct ChannelWaitersTests {
    @Test("a click waiting for its ticket's channel learns it when it is recorded")
    func recorded() async {
        let waiters = ChannelWaiters()
        // The lookup runs once the waiter is registered: the channel is
        // recorded from elsewhere only then, as the outbox would.
        let channel = await waiters.wait(for: 7, limit: .seconds(30)) {
            Task { waiters.recorded(ticket: 7, channel: "900") }
            return nil
        }
        #expect(channel == .channel("900"))
    }

    @Test("a channel recorded before the wait is found by the lookup")
    func alreadyRecorded() async {
        let waiters = ChannelWaiters()
        #expect(await waiters.wait(for: 1, limit: .seconds(30)) { .channel("800") } == .channel("800"))
    }

    @Test("Discord had no room: the waiting click learns what to say at once; with nobody waiting, the caller hears it must tell another way")
    func refused() async {
        let waiters = ChannelWaiters()
        #expect(!waiters.refused(ticket: 3, saying: "no room"), "nobody waits yet")
        let outcome = await waiters.wait(for: 3, limit: .seconds(30)) {
            Task { #expect(waiters.refused(ticket: 3, saying: "no room")) }
            return nil
        }
        #expect(outcome == .refused(saying: "no room"))
    }

    @Test("no channel within the limit: nil, so the member is told it is being created")
    func timeout() async {
        let waiters = ChannelWaiters()
        #expect(await waiters.wait(for: 2, limit: .milliseconds(1)) { nil } == nil)
    }
}
