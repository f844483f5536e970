import Foundation

/// The key desk sessions are signed with, kept in the data folder
/// (`desk-session.key`, readable by its owner only) so that a restart
/// keeps everyone signed in. Deleting the file signs everyone out.
public enum DeskSessionKey {
    public static let fileName = "desk-session.key"

    /// A key that lives as long as the process: tools and benchmarks.
    public static func newKeyForTools() -> [UInt8] { DeskSessions.newKey() }

    public static func load(inFolder folder: String) throws -> [UInt8] {
        let path = (folder as NSString).appendingPathComponent(fileName)
        if let data = FileManager.default.contents(atPath: path), data.count >= 32 { return Array(data) }
        let key = DeskSessions.newKey()
        guard FileManager.default.createFile(atPath: path, contents: Data(key), attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        return key
    }
}
