import Foundation
import Hummingbird
import LocalDiscord
import Mustache
import NIOCore

/// The pages' shells (Mustache templates with the page's texts in its
/// language) and the assets beside them, all from the module's own
/// `Assets` folder: no CDN, no build step, nothing fetched from elsewhere.
enum WebPage {
    static let assets: URL? = Bundle.module.url(forResource: "Assets", withExtension: nil)

    /// The templates, read once.
    static let library: MustacheLibrary? = assets.flatMap { folder in
        var library = MustacheLibrary()
        for name in ["playground", "desk-signin", "desk-queue", "desk-ticket", "desk-message", "desk-stats"] {
            guard let text = try? String(contentsOf: folder.appendingPathComponent("\(name).mustache"), encoding: .utf8),
                  let template = try? MustacheTemplate(string: text) else { continue }
            library.register(template, named: name)
        }
        return library
    }

    /// A page in `language`, its texts given to the template and to the
    /// page's script as JSON.
    static func render(_ name: String, language: String) -> String {
        let texts = PageTexts.catalogue[language] ?? PageTexts.catalogue["es"]!
        let json = JSONValue.object(texts.mapValues(JSONValue.string)).serialized.replacingOccurrences(of: "</", with: "<\\/")
        let context: [String: Any] = ["lang": language, "title": texts["title"] ?? "Escala", "intro": texts["intro"] ?? "",
                                      "goLive": texts["goLive"] ?? "", "textsJSON": json,
                                      "languages": PageTexts.languages.map { ["code": $0, "current": $0 == language] }]
        return library?.render(context, withTemplate: name) ?? "Escala: the page's template is missing from the build"
    }

    /// Template `name` with `context` as it is: the desk's pages, whose
    /// texts the context carries under `t`.
    static func render(_ name: String, context: [String: Any]) -> String {
        library?.render(context, withTemplate: name) ?? "Escala: the page's template is missing from the build"
    }

    static func html(_ text: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.contentSecurityPolicy] = "default-src 'self'; style-src 'self'; script-src 'self'; frame-src 'self'"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A file Escala wrote (a transcript), shown in place but sandboxed:
    /// no script in it runs with the page's rights.
    static func sandboxed(_ data: Data, filename: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = filename.hasSuffix(".html") ? "text/html; charset=utf-8" : "application/octet-stream"
        headers[.contentSecurityPolicy] = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static let types = ["js": "text/javascript; charset=utf-8", "css": "text/css; charset=utf-8", "svg": "image/svg+xml",
                        "png": "image/png"]

    /// An asset by file name (no folders: nothing outside `Assets` is served).
    static func asset(_ file: String) -> Response? {
        guard !file.contains("/"), !file.hasPrefix("."), let ext = file.split(separator: ".").last, let type = types[String(ext)],
              let url = assets?.appendingPathComponent(file), let data = try? Data(contentsOf: url) else { return nil }
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
