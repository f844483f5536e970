import CPCRE2

/// A compiled PCRE2 regular expression.
///
/// Patterns are compiled at lint time so that a mistake is an error with a
/// column in the workflow file, not a surprise in production. The compiled
/// code is owned by a final class because PCRE2 memory must be freed exactly
/// once; the class is immutable after init, so sharing it is safe.
public final class Pattern: Sendable {
    /// Why a pattern does not compile, and at which byte of the pattern.
    public struct CompileError: Error, Sendable, Hashable {
        public let message: String
        public let offset: Int
    }

    private nonisolated(unsafe) let code: OpaquePointer
    public let source: String

    /// - Parameter optimize: JIT-compile for fast matching. Lint only needs
    ///   to know that a pattern compiles, and JIT costs far more than that.
    public init(_ source: String, optimize: Bool = true) throws(CompileError) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        let utf8 = Array(source.utf8)
        let compiled = utf8.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, UInt32(PCRE2_UTF | PCRE2_UCP),
                            &errorCode, &errorOffset, nil)
        }
        guard let compiled else {
            throw CompileError(message: Pattern.message(for: errorCode), offset: errorOffset)
        }
        // JIT is an optimisation: a pattern that cannot be JIT-compiled
        // still matches through the interpreter.
        if optimize { _ = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) }
        self.code = compiled
        self.source = source
    }

    deinit { pcre2_code_free_8(code) }

    /// Whether the pattern matches anywhere in `text`.
    public func matches(_ text: String) -> Bool {
        guard let data = pcre2_match_data_create_from_pattern_8(code, nil) else { return false }
        defer { pcre2_match_data_free_8(data) }
        let utf8 = Array(text.utf8)
        let result = utf8.withUnsafeBufferPointer { buffer in
            pcre2_match_8(code, buffer.baseAddress, buffer.count, 0, 0, data, nil)
        }
        return result >= 0
    }

    static func message(for errorCode: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
        guard length > 0 else { return "error \(errorCode)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
