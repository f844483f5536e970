import Foundation
import Runtime
import Testing

@Suite("Data folder lock")
struct DataFolderLockTests {
    @Test("a second hold on a folder is refused and names the holder's pid; released, the folder is free again")
    func oneHolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("escala-lock-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var first: DataFolderLock? = try DataFolderLock(folder: folder)
        #expect(first != nil)
        #expect(throws: DataFolderLock.Failure.held(path: folder + "/escala.lock", pid: getpid())) {
            _ = try DataFolderLock(folder: folder)
        }
        first = nil
        _ = try DataFolderLock(folder: folder)
    }
}
