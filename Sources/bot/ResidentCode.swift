import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The machine code `escala run` keeps in memory: what it runs, not the
/// whole of its libraries.
///
/// When a process first runs a page of a library, Linux maps the sixteen
/// pages around it too ("fault-around"), and start-up (parsing the
/// workflows, the migrations, Foundation's and ICU's initialisers) runs
/// code a desk never runs again. Most of a bot's resident memory was such
/// pages: 33 of 50 MiB after 500 tickets, in the executable's and the Swift
/// and Foundation libraries' code (`/proc/PID/smaps`, measured with
/// `make bench-discord`). Once started, the process gives those pages back
/// and asks for code one page at a time: a page it runs again comes back
/// from the file cache at the cost of a minor fault.
///
/// Only code mappings (read and execute, from a file) are touched: their
/// pages are never written, so dropping them loses nothing; data mappings,
/// some of whose pages were written at load time, are left alone.
enum ResidentCode {
    /// Does nothing where the map of the process cannot be read (not Linux).
    static func releaseStartupPages() {
        #if os(Linux)
        // Read to its end: /proc files say they are empty, and a reader
        // that trusts the size stops after its first buffer.
        guard let file = FileHandle(forReadingAtPath: "/proc/self/maps"),
              let data = try? file.readToEnd() else { return }
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            // 7f1c2a400000-7f1c2a5c2000 r-xp 00000000 08:01 1234 /usr/lib/…
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[1] == "r-xp", fields[5].hasPrefix("/") else { continue }
            let bounds = fields[0].split(separator: "-")
            guard bounds.count == 2, let start = UInt(bounds[0], radix: 16), let end = UInt(bounds[1], radix: 16), end > start,
                  let address = UnsafeMutableRawPointer(bitPattern: start) else { continue }
            let length = Int(end - start)
            // Random first, so that the pages faulted in again come one at a time.
            guard madvise(address, length, MADV_RANDOM) == 0 else { continue }
            _ = madvise(address, length, MADV_DONTNEED)
        }
        #endif
    }
}
