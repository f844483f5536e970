#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Tells when a `.flow` file of a folder is saved, created, renamed or
/// removed, from the kernel's own notification (inotify), not by reading
/// the folder again and again. An editor that saves by writing a new file
/// and renaming it over the old one is heard as well.
///
/// The watch blocks one thread in `poll` on the inotify descriptor and a
/// pipe; `stop()` writes to the pipe, which ends the thread.
public final class WorkflowFolderWatch: Sendable {
    public let changes: AsyncStream<Void>
    private let wake: (read: Int32, write: Int32)
    private let notify: Int32

    /// Nil when the folder cannot be watched (not Linux, or no inotify):
    /// saving then needs the page's reset to be seen.
    public init?(folder: String) {
        #if canImport(Glibc)
        let notify = inotify_init1(Int32(IN_CLOEXEC))
        guard notify >= 0 else { return nil }
        let mask = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MOVED_TO) | UInt32(IN_MOVED_FROM) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
        guard inotify_add_watch(notify, folder, mask) >= 0 else {
            close(notify)
            return nil
        }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else {
            close(notify)
            return nil
        }
        self.notify = notify
        wake = (ends[0], ends[1])
        let (changes, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        self.changes = changes
        let wakeRead = ends[0]
        let thread = Thread {
            Self.listen(notify: notify, wake: wakeRead, continuation: continuation)
        }
        thread.name = "escala.workflow-watch"
        thread.start()
        #else
        return nil
        #endif
    }

    public func stop() {
        #if canImport(Glibc)
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
        #endif
    }

    #if canImport(Glibc)
    private static func listen(notify: Int32, wake: Int32, continuation: AsyncStream<Void>.Continuation) {
        defer {
            continuation.finish()
            close(notify)
            close(wake)
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            var watched = [pollfd(fd: notify, events: Int16(POLLIN), revents: 0), pollfd(fd: wake, events: Int16(POLLIN), revents: 0)]
            guard poll(&watched, 2, -1) >= 0 else {
                if errno == EINTR { continue }
                return
            }
            if watched[1].revents != 0 { return }
            let count = read(notify, &buffer, buffer.count)
            guard count > 0 else { return }
            if Self.namesAFlowFile(buffer[0..<count]) { continuation.yield() }
        }
    }

    /// Whether any event in `bytes` (a run of `inotify_event`s, each
    /// followed by its NUL-padded name) is about a `.flow` file: an
    /// editor's swap and backup files are not news.
    static func namesAFlowFile(_ bytes: ArraySlice<UInt8>) -> Bool {
        let header = MemoryLayout<inotify_event>.size
        var offset = bytes.startIndex
        while offset + header <= bytes.endIndex {
            let length = bytes[(offset + 12)..<(offset + 16)].withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }
            let nameBytes = bytes[(offset + header)..<min(bytes.endIndex, offset + header + Int(length))].prefix { $0 != 0 }
            if String(decoding: nameBytes, as: UTF8.self).hasSuffix(".flow") { return true }
            offset += header + Int(length)
        }
        return false
    }
    #endif
}
