import Engine
import Foundation

/// The simulator's Discord: it "carries out" effects by remembering them,
/// and hands out channel ids.
///
/// It honours idempotency keys the way Discord honours a message `nonce`
/// with `enforce_nonce`: an effect delivered again (after a crash between
/// delivery and the store's record of it) is recognised and not performed
/// twice. With a ledger file, what it performed survives the process, which
/// is what the crash test reads.
public actor SimulatedDiscord: EffectExecutor {
    /// Every ticket effect performed, in order, by ticket.
    public private(set) var performed: [(ticketID: Int64, effect: Effect)] = []
    private var receipts: [String: EffectReceipt] = [:]
    private let ledger: Int32?

    /// - Parameter ledgerPath: a file that records each performed effect's
    ///   key (one line, one `write`), read back on start.
    public init(ledgerPath: String? = nil) throws {
        guard let ledgerPath else { ledger = nil; return }
        if let text = try? String(contentsOfFile: ledgerPath, encoding: .utf8) {
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                receipts[String(fields[0])] = EffectReceipt(channelID: fields.count > 1 && !fields[1].isEmpty ? String(fields[1]) : nil)
            }
        }
        let descriptor = Foundation.open(ledgerPath, O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: ledgerPath]) }
        ledger = descriptor
    }

    public func execute(_ pending: PendingEffect) async throws -> EffectReceipt {
        if let receipt = receipts[pending.idempotencyKey] { return receipt }
        var receipt = EffectReceipt()
        if case .ticket(.createChannel, let ticket, _) = pending.work { receipt.channelID = "channel-\(ticket)" }
        if let ledger {
            let line = Array("\(pending.idempotencyKey)\t\(receipt.channelID ?? "")\n".utf8)
            let written = line.withUnsafeBytes { Foundation.write(ledger, $0.baseAddress, $0.count) }
            guard written == line.count else { throw CocoaError(.fileWriteUnknown) }
        }
        receipts[pending.idempotencyKey] = receipt
        // Community effects are traced when decided (`expect role` reads
        // the store); only ticket effects are kept here.
        if case .ticket(let effect, let ticket, _) = pending.work { performed.append((ticket, effect)) }
        return receipt
    }
}
