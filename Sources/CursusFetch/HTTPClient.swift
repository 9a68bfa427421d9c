import CursusCore
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// How Cursus behaves on the network: it names itself, waits only so long, retries what the
/// server says may be retried, and reads no more than it can use.
public struct FetchPolicy: Sendable {
    /// Sent with every request, as Wikimedia's User-Agent policy asks.
    public var userAgent = "Cursus/\(FetchPolicy.version) (https://github.com/cursus-tools/cursus; career dossiers) Foundation-URLSession"
    /// Seconds without a byte (connecting included) before a request is given up.
    public var idleTimeout: Double = 15
    /// Seconds a whole request may take, retries excluded.
    public var totalTimeout: Double = 120
    /// Attempts after the first, for 429 and 5xx answers and dropped connections.
    public var retries = 4
    /// The first wait before a retry, doubled each time (unless `Retry-After` says otherwise).
    public var backoff: Double = 1
    /// The longest wait Cursus accepts from `Retry-After`.
    public var longestWait: Double = 60
    /// The largest response read, in bytes.
    public var maximumBytes = 64 * 1024 * 1024
    /// Requests under way at once: one by default, as Wikimedia's API etiquette asks for requests
    /// in series (and FoundationNetworking on Linux is slower with several at once).
    public var concurrency = 1

    /// Cursus's version, as the User-Agent states it.
    public static let version = "0.1.0"

    /// The default policy.
    public init() {}
}

/// Fetches URLs over HTTP(S) with `FetchPolicy`'s manners, from and into a `ResponseCache`.
/// Every failure is one `CursusError` naming the URL: `.failure` (exit 1) for the network,
/// `.data` (exit 65) for an answer that is not what was asked for.
public final class HTTPClient: @unchecked Sendable {
    let policy: FetchPolicy
    let cache: ResponseCache?
    let offline: Bool
    private let session: URLSession
    private let delegate: SessionDelegate

    /// A client; with `offline`, every answer must come from `cache`.
    public init(policy: FetchPolicy = FetchPolicy(), cache: ResponseCache? = nil, offline: Bool = false) {
        self.policy = policy
        self.cache = cache
        self.offline = offline
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = policy.idleTimeout
        configuration.timeoutIntervalForResource = policy.totalTimeout
        configuration.httpMaximumConnectionsPerHost = policy.concurrency
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        delegate = SessionDelegate(maximumBytes: policy.maximumBytes)
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
    }

    deinit { session.invalidateAndCancel() }

    /// The body of `url`, from the cache when it holds it; `what` names the answer for messages.
    public func get(_ url: URL, what: String) throws(CursusError) -> Data {
        if let cached = cache?.read(url) { return cached }
        if offline {
            throw failure(url, "is not in the cache\(cache.map { " (\($0.folder))" } ?? ""); run the import once without --offline")
        }
        let body = try fetch(url, what: what)
        do {
            try cache?.write(body, for: url)
        } catch {
            throw CursusError(
                .failure,
                Diagnostic(.error, "cannot write to the cache: \(error.localizedDescription)", at: SourceLocation(file: cache!.folder)))
        }
        return body
    }

    /// The bodies of `urls`, in order, at most `concurrency` under way at once.
    public func getAll(_ urls: [URL], what: String) throws(CursusError) -> [Data] {
        let results = Results(count: urls.count)
        let group = DispatchGroup()
        let slots = DispatchSemaphore(value: max(1, policy.concurrency))
        for (index, url) in urls.enumerated() {
            slots.wait()
            group.enter()
            DispatchQueue.global().async {
                let result = Result { () throws(CursusError) in try self.get(url, what: what) }
                results.set(index, result)
                slots.signal()
                group.leave()
            }
        }
        group.wait()
        return try results.values.map { result throws(CursusError) in try result!.get() }
    }

    /// The answers of `getAll`, filled in from several threads.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [Result<Data, CursusError>?]
        init(count: Int) { stored = Array(repeating: nil, count: count) }
        func set(_ index: Int, _ result: Result<Data, CursusError>) { lock.withLock { stored[index] = result } }
        var values: [Result<Data, CursusError>?] { lock.withLock { stored } }
    }

    /// One URL, retried as the policy says.
    private func fetch(_ url: URL, what: String) throws(CursusError) -> Data {
        var attempt = 0
        while true {
            let outcome = perform(url)
            switch outcome {
            case .success(let response, let body):
                if (200..<300).contains(response.statusCode) { return body }
                let retriable = response.statusCode == 429 || (500..<600).contains(response.statusCode)
                if retriable, attempt < policy.retries {
                    wait(retryAfter(response) ?? policy.backoff * pow(2, Double(attempt)))
                    attempt += 1
                    continue
                }
                throw failure(
                    url,
                    "answered HTTP \(response.statusCode)\(Self.apiError(body).map { ": \($0)" } ?? "")"
                        + (retriable ? " (after \(attempt + 1) attempts)" : ""),
                    kind: response.statusCode == 404 ? .data : .failure)
            case .failure(let error):
                if error.isTransient, attempt < policy.retries {
                    wait(policy.backoff * pow(2, Double(attempt)))
                    attempt += 1
                    continue
                }
                throw failure(url, error.message)
            }
        }
    }

    private enum Outcome {
        case success(HTTPURLResponse, Data)
        case failure(NetworkError)
    }

    private func perform(_ url: URL) -> Outcome {
        var request = URLRequest(url: url)
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        request.setValue(policy.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("gzip", forHTTPHeaderField: "Accept-Encoding")
        let done = DispatchSemaphore(value: 0)
        var outcome = Outcome.failure(NetworkError(message: "gave no answer", isTransient: true))
        let task = session.dataTask(with: request)
        delegate.start(task) { result in
            outcome =
                result.map { .success($0.0, $0.1) }
                ?? .failure(NetworkError.from(self.delegate.error(of: task), limit: self.policy.maximumBytes))
            done.signal()
        }
        task.resume()
        done.wait()
        return outcome
    }

    /// Seconds the server asks to wait (`Retry-After: 5`), within the policy's limit.
    private func retryAfter(_ response: HTTPURLResponse) -> Double? {
        guard let value = response.value(forHTTPHeaderField: "Retry-After"),
            let seconds = Double(value.trimmingCharacters(in: .whitespaces))
        else { return nil }
        return min(max(0, seconds), policy.longestWait)
    }

    private func wait(_ seconds: Double) {
        if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
    }

    /// The API's own words about an error: MediaWiki's `{"error": {"info": …}}`, a Wikibase or
    /// SPARQL message, or the start of a text body.
    static func apiError(_ body: Data) -> String? {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            if let error = object["error"] as? [String: Any] {
                return [error["code"] as? String, error["info"] as? String].compactMap { $0 }.joined(separator: ": ")
            }
            if let message = object["message"] as? String { return message }
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init)
        return text.flatMap { $0.isEmpty || $0.hasPrefix("<") ? nil : $0 }
    }

    func failure(_ url: URL, _ message: String, kind: CursusError.Kind = .failure) -> CursusError {
        CursusError(kind, Diagnostic(.error, message, at: SourceLocation(file: url.absoluteString)))
    }
}

/// What went wrong below HTTP, in words.
struct NetworkError: Error {
    var message: String
    var isTransient: Bool

    static func from(_ error: Error?, limit: Int) -> NetworkError {
        guard let error = error as? URLError else {
            return NetworkError(message: "failed: \(error?.localizedDescription ?? "no answer")", isTransient: true)
        }
        switch error.code {
        case .cannotFindHost, .dnsLookupFailed:
            return NetworkError(message: "cannot be reached: the host name is unknown (DNS); check the address", isTransient: false)
        case .cannotConnectToHost:
            return NetworkError(message: "refused the connection; is the server up and the port right?", isTransient: true)
        case .timedOut:
            return NetworkError(message: "did not answer in time (timeout); try again later", isTransient: true)
        case .notConnectedToInternet:
            return NetworkError(message: "cannot be reached: this machine is offline", isTransient: false)
        case .networkConnectionLost:
            return NetworkError(message: "dropped the connection before the answer was complete", isTransient: true)
        case .dataLengthExceedsMaximum:
            return NetworkError(message: "answered with more than \(limit / 1024 / 1024) MiB; Cursus reads no more", isTransient: false)
        case .cancelled:
            return NetworkError(message: "answered with more than \(limit / 1024 / 1024) MiB; Cursus reads no more", isTransient: false)
        case .httpTooManyRedirects, .redirectToNonExistentLocation:
            return NetworkError(message: "redirected too often, or elsewhere than its own host", isTransient: false)
        default:
            // curl's words for a body cut short: "transfer closed with 972 bytes remaining to read".
            if error.localizedDescription.contains("transfer closed") {
                return NetworkError(
                    message: "dropped the connection before the answer was complete (\(error.localizedDescription))", isTransient: true)
            }
            return NetworkError(message: "failed: \(error.localizedDescription)", isTransient: false)
        }
    }
}

/// Gathers each task's body, stops one that grows past the limit, and follows redirects only
/// within the same host.
final class SessionDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    /// Called once a task is over: with its response and body, or nil when it failed.
    typealias Handler = ((HTTPURLResponse, Data)?) -> Void

    let maximumBytes: Int
    private let lock = NSLock()
    private var bodies: [Int: Data] = [:]
    private var handlers: [Int: Handler] = [:]
    private var errors: [Int: Error] = [:]

    init(maximumBytes: Int) {
        self.maximumBytes = maximumBytes
    }

    func start(_ task: URLSessionTask, _ handler: @escaping Handler) {
        lock.withLock {
            bodies[task.taskIdentifier] = Data()
            handlers[task.taskIdentifier] = handler
        }
    }

    func error(of task: URLSessionTask) -> Error? { lock.withLock { errors.removeValue(forKey: task.taskIdentifier) } }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let tooLarge = lock.withLock { () -> Bool in
            bodies[dataTask.taskIdentifier, default: Data()].append(data)
            return bodies[dataTask.taskIdentifier]!.count > maximumBytes
        }
        if tooLarge {
            lock.withLock { errors[dataTask.taskIdentifier] = URLError(.dataLengthExceedsMaximum) }
            dataTask.cancel()
        }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse, newRequest request: URLRequest,
        completionHandler: @escaping (URLRequest?) -> Void
    ) {
        let sameHost = request.url?.host == task.originalRequest?.url?.host
        if !sameHost { lock.withLock { errors[task.taskIdentifier] = URLError(.redirectToNonExistentLocation) } }
        completionHandler(sameHost ? request : nil)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let (handler, body, recorded) = lock.withLock { () -> (Handler?, Data, Error?) in
            let handler = handlers.removeValue(forKey: task.taskIdentifier)
            let body = bodies.removeValue(forKey: task.taskIdentifier) ?? Data()
            if let error, errors[task.taskIdentifier] == nil { errors[task.taskIdentifier] = error }
            return (handler, body, errors[task.taskIdentifier])
        }
        if recorded == nil, let response = task.response as? HTTPURLResponse {
            if (300..<400).contains(response.statusCode) {
                lock.withLock { errors[task.taskIdentifier] = URLError(.redirectToNonExistentLocation) }
                handler?(nil)
            } else {
                handler?((response, body))
            }
        } else {
            handler?(nil)
        }
    }
}
