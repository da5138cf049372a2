import Dispatch
import Foundation

/// Turns SIGINT and SIGTERM into a cancellation of the running command; a second signal exits at once
/// with status 130.
///
/// Invariant: while an instance is alive, the default handlers of both signals are replaced; `stop()`
/// restores them.
final class SignalCanceller: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var fired = false

    init(onSignal: @escaping @Sendable () -> Void) {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.lock()
                let second = self.fired
                self.fired = true
                self.lock.unlock()
                if second { exit(ExitCode.interrupted.rawValue) }
                onSignal()
            }
            source.resume()
            sources.append(source)
        }
    }

    func stop() {
        for source in sources { source.cancel() }
        sources.removeAll()
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
