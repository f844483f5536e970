import Foundation
import LocalDiscord
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The local Discord the tests and benchmarks run against.
@Suite("Local Discord server")
struct LocalDiscordServerTests {
    @Test("stopping the server closes a connection that never sent a request, instead of waiting for its client to")
    func stopsWithAnIdleConnection() async throws {
        let server = try await LocalDiscord.start()
        // What async-http-client's pool leaves behind: a spare connection,
        // opened and never used.
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(server.port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        #expect(connected == 0)
        // A read that gives up, so that a server that does not close ends
        // in a failure rather than a hang.
        var patience = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &patience, socklen_t(MemoryLayout<timeval>.size))
        let deadline = ContinuousClock.now + .seconds(20)
        while server.openConnections == 0, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        #expect(server.openConnections == 1, "accepted")
        let stopping = Task { await server.stop() }
        // The server closed its end: reading gives end of file, not a timeout.
        var byte: UInt8 = 0
        #expect(read(socket, &byte, 1) == 0)
        close(socket)
        await stopping.value
    }
}
