import Foundation
import Testing
@testable import LanguageServer

@Suite("LSP message framing")
struct MessageFramingTests {
    static let first = Data(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#.utf8)
    static let second = Data(#"{"jsonrpc":"2.0","method":"initialized","params":{"texto":"ñandú 😀"}}"#.utf8)

    @Test("a message split anywhere, even inside its header or a multi-byte character, comes out whole once")
    func splitAnywhere() throws {
        let stream = MessageFraming.frame(Self.first) + MessageFraming.frame(Self.second)
        for cut in 1..<stream.count {
            var framing = MessageFraming()
            let messages = try framing.append(stream.prefix(cut)) + framing.append(stream.dropFirst(cut))
            #expect(messages == [Self.first, Self.second], "cut at \(cut)")
        }
    }

    @Test("the length counts bytes, headers other than Content-Length are skipped, and a header without a length is an error")
    func headers() throws {
        var framing = MessageFraming()
        let withType = Data("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: \(Self.second.count)\r\n\r\n".utf8) + Self.second
        #expect(try framing.append(withType) == [Self.second])
        var broken = MessageFraming()
        #expect(throws: MessageFraming.MalformedHeader.self) { try broken.append(Data("Content-Type: x\r\n\r\n{}".utf8)) }
    }
}
