import Hummingbird
import LocalDiscord
import NIOCore
import ServiceLifecycle

/// Server-sent events: one `data:` line each time `feed` announces a
/// change, so a page redraws when something happened instead of asking
/// again and again. The stream ends when the server shuts down.
enum EventStream {
    static func response(for feed: ChangeFeed) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-cache"
        let changes = feed.listen()
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 1000\ndata: \(feed.count)\n\n"))
            for await count in changes.cancelOnGracefulShutdown() {
                try await writer.write(ByteBuffer(string: "data: \(count)\n\n"))
            }
            try await writer.finish(nil)
        })
    }
}
