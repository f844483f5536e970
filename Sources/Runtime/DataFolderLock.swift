import Foundation

/// One serving process per data folder, held for the process's life.
///
/// Two `escala run` on one folder (a second `make run` in another terminal,
/// a restart script that does not wait) would both identify and both act:
/// duplicate channels, greetings and transcripts. The lock is an advisory
/// `flock` on `escala.lock` in the folder, which the kernel releases when
/// the process ends however it ends; the file holds the owner's pid so the
/// refusal can name it.
public final class DataFolderLock: Sendable {
    private let descriptor: Int32
    public let path: String

    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// Another process holds the lock (its pid when it wrote one).
        case held(path: String, pid: Int32?)
        case cannotOpen(path: String, reason: String)

        public var description: String {
            switch self {
            case .held(let path, let pid):
                "another escala\(pid.map { " (pid \($0))" } ?? "") already serves this data folder (\(path)); stop it first, or give this one its own --data folder"
            case .cannotOpen(let path, let reason):
                "cannot lock \(path): \(reason). Check that the data folder is writable (--data or ESCALA_DATA)."
            }
        }
    }

    /// Takes the lock of `folder`, or says who holds it.
    public init(folder: String) throws(Failure) {
        path = (folder as NSString).appendingPathComponent("escala.lock")
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = pread(descriptor, &buffer, buffer.count, 0)
            close(descriptor)
            let pid = count > 0 ? Int32(String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) : nil
            throw .held(path: path, pid: pid)
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
