import Foundation

/// The base protocol's framing: each JSON-RPC message is preceded by a
/// `Content-Length: N` header and a blank line, over a byte stream that may
/// deliver half a message, or three at once. A value: bytes in, whole
/// messages out, so that the framing is tested without a process.
public struct MessageFraming: Sendable {
    private var buffer = Data()

    public init() {}

    /// What a framing error leaves: the stream is not LSP, or is broken.
    public struct MalformedHeader: Error, Equatable, CustomStringConvertible {
        public let header: String
        public var description: String { "malformed LSP header: \(header)" }
    }

    /// Takes bytes as they come; returns the complete messages they finish.
    public mutating func append(_ bytes: Data) throws(MalformedHeader) -> [Data] {
        buffer.append(bytes)
        var messages: [Data] = []
        let separator = Data("\r\n\r\n".utf8)
        while let end = buffer.range(of: separator) {
            let header = String(decoding: buffer[buffer.startIndex..<end.lowerBound], as: UTF8.self)
            var length: Int?
            for line in header.split(separator: "\r\n") {
                let parts = line.split(separator: ":", maxSplits: 1)
                guard parts.count == 2 else { throw MalformedHeader(header: header) }
                if parts[0].trimmingCharacters(in: .whitespaces).lowercased() == "content-length" {
                    length = Int(parts[1].trimmingCharacters(in: .whitespaces))
                }
            }
            guard let length, length >= 0 else { throw MalformedHeader(header: header) }
            let bodyStart = end.upperBound
            guard buffer.distance(from: bodyStart, to: buffer.endIndex) >= length else { break }
            let bodyEnd = buffer.index(bodyStart, offsetBy: length)
            messages.append(Data(buffer[bodyStart..<bodyEnd]))
            buffer = Data(buffer[bodyEnd...])
        }
        return messages
    }

    /// One message, framed for the stream.
    public static func frame(_ body: Data) -> Data {
        Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
