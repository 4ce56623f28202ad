#if canImport(Glibc)
    import Glibc
#endif

/// A lock whose waiters sleep at once (a plain pthread mutex), for locks taken by every request
/// of a server with a thread per connection. With dozens of such threads on two cores,
/// Synchronization's Mutex spun before sleeping: on the store's read lock, and later the page
/// cache's, that spinning took a tenth of the server's time while the holder waited to be
/// scheduled.
package final class SleepingLock<Value>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private var value: Value

    package init(_ value: Value) {
        self.value = value
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    package func withLock<T, E: Error>(_ body: (inout Value) throws(E) -> T) throws(E) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
