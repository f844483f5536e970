import Discord
import Runtime

/// The runtime's manual clock drives the REST client's limits too: one
/// clock a test moves, whatever it drives.
extension ManualClock: RESTClock {}
