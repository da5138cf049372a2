import Basics
import Foundation

/// Turns a failed HTTP exchange with a provider into an `LLMProviderError` (provider-protocols §D.1/§D.2).
///
/// Invariants: 2xx gives nil; `x-should-retry` (when present) overrides the status; 429 is `rateLimited`
/// unless the body says billing/quota (`insufficient_quota`, `billing`, a daily Gemini quota), which is
/// `fatal`; 408/409/5xx/529 are `transient` (or `rateLimited` when the server sent a wait); 401/402/403/404
/// are `fatal`; other 4xx are `invalidRequest` (a Gemini "API key not valid" 400 is `fatal`). The wait comes
/// from `retry-after-ms`, then `retry-after` as seconds, then as an HTTP date, then a Gemini
/// `RetryInfo.retryDelay` in the body. `x-should-retry: false` gives `fatal` for 401/402/403/404 and
/// billing, else `invalidRequest`. Messages are the body's `error.message` (or its first 300
/// characters), always passed through `SecretRedactor`.
public struct HTTPErrorClassifier: Sendable {
    public var redactor: SecretRedactor

    public init(redactor: SecretRedactor = SecretRedactor()) { self.redactor = redactor }

    /// - Parameters:
    ///   - headers: response headers; names are compared case-insensitively.
    ///   - now: the current wall-clock time, for `Retry-After` HTTP dates.
    public func classify(status: Int, headers: [String: String], body: String,
                         now: Date = Date()) -> LLMProviderError? {
        guard !(200..<300).contains(status) else { return nil }
        let lowered = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
        let message = "HTTP \(status): " + redactor.redact(Self.errorMessage(body))
        let wait = Self.retryAfter(headers: lowered, body: body, now: now)
        let lowerBody = body.lowercased()
        let isBilling = lowerBody.contains("insufficient_quota") || lowerBody.contains("billing")
            || Self.isDailyQuota(lowerBody)
        if let shouldRetry = lowered["x-should-retry"]?.lowercased(), shouldRetry == "true" || shouldRetry == "false" {
            if shouldRetry == "true" { return status == 429 || wait != nil ? .rateLimited(retryAfter: wait) : .transient(message) }
            return [401, 402, 403, 404].contains(status) || isBilling ? .fatal(message) : .invalidRequest(message)
        }
        switch status {
        case 429:
            return isBilling ? .fatal(message) : .rateLimited(retryAfter: wait)
        case 408, 409:
            return .transient(message)
        case 401, 402, 403, 404:
            return .fatal(message)
        case 400 where lowerBody.contains("api key not valid") || lowerBody.contains("api_key_invalid"):
            return .fatal(message)
        case 500...:
            return wait != nil ? .rateLimited(retryAfter: wait) : .transient(message)
        default:
            return .invalidRequest(message)
        }
    }

    /// The server-requested wait, if any (see the type's invariants for the order).
    public static func retryAfter(headers lowered: [String: String], body: String, now: Date) -> Duration? {
        if let ms = lowered["retry-after-ms"].flatMap({ Double($0.trimmingCharacters(in: .whitespaces)) }),
           ms.isFinite, ms >= 0 {
            return .milliseconds(Int64(ms.rounded(.up)))
        }
        if let raw = lowered["retry-after"]?.trimmingCharacters(in: .whitespaces) {
            if let seconds = Double(raw), seconds.isFinite, seconds >= 0 {
                return .milliseconds(Int64((seconds * 1000).rounded(.up)))
            }
            if let date = httpDate(raw) {
                return .milliseconds(max(0, Int64((date.timeIntervalSince(now) * 1000).rounded(.up))))
            }
        }
        return geminiRetryDelay(body)
    }

    /// RFC 7231 IMF-fixdate, e.g. `Wed, 21 Oct 2015 07:28:00 GMT`.
    static func httpDate(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: text)
    }

    /// `error.details[].retryDelay` such as `"37s"` or `"0.2s"`.
    static func geminiRetryDelay(_ body: String) -> Duration? {
        guard let value = try? JSONReader.parse(body), let details = value["error"]?["details"]?.arrayValue else {
            return nil
        }
        for detail in details {
            guard let text = detail["retryDelay"]?.stringValue, text.hasSuffix("s"),
                  let seconds = Double(text.dropLast()), seconds.isFinite, seconds >= 0 else { continue }
            return .milliseconds(Int64((seconds * 1000).rounded(.up)))
        }
        return nil
    }

    /// A daily Gemini quota does not clear within seconds: treat it as fatal for the run.
    static func isDailyQuota(_ lowerBody: String) -> Bool {
        lowerBody.contains("resource_exhausted") && (lowerBody.contains("perday") || lowerBody.contains("per day"))
    }

    /// `error.message` of the three providers' error bodies, or the body's start.
    static func errorMessage(_ body: String) -> String {
        if let value = try? JSONReader.parse(body) {
            if let message = value["error"]?["message"]?.stringValue { return message }
            if let message = value["message"]?.stringValue { return message }
        }
        let trimmed = body.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "(empty body)" : String(trimmed.prefix(300))
    }
}
