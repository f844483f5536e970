import Foundation

/// Just enough of `multipart/form-data` to read what the client uploads.
enum Multipart {
    struct Part {
        let name: String
        let filename: String?
        let data: Data
    }

    static func parse(_ body: Data, contentType: String) -> [Part] {
        guard let boundaryRange = contentType.range(of: "boundary=") else { return [] }
        let boundary = Data(("--" + contentType[boundaryRange.upperBound...].trimmingCharacters(in: .init(charactersIn: "\""))).utf8)
        var parts: [Part] = []
        var searchStart = body.startIndex
        var sections: [Range<Data.Index>] = []
        var previous: Data.Index?
        while let found = body.range(of: boundary, in: searchStart..<body.endIndex) {
            if let previous { sections.append(previous..<found.lowerBound) }
            previous = found.upperBound
            searchStart = found.upperBound
        }
        let separator = Data("\r\n\r\n".utf8)
        for section in sections {
            let chunk = body[section]
            guard let split = chunk.range(of: separator) else { continue }
            let head = String(decoding: chunk[chunk.startIndex..<split.lowerBound], as: UTF8.self)
            var content = chunk[split.upperBound..<chunk.endIndex]
            if content.suffix(2) == Data("\r\n".utf8) { content = content.dropLast(2) }
            let name = Self.attribute("name", in: head) ?? ""
            parts.append(Part(name: name, filename: Self.attribute("filename", in: head), data: Data(content)))
        }
        return parts
    }

    private static func attribute(_ key: String, in head: String) -> String? {
        guard let range = head.range(of: key + "=\"") else { return nil }
        let rest = head[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}
