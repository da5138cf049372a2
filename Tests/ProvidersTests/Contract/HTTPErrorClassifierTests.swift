import Foundation
import Providers
import Testing

@Suite struct HTTPErrorClassifierTests {
    let classifier = HTTPErrorClassifier()

    @Test func successIsNoError() {
        #expect(classifier.classify(status: 200, headers: [:], body: "{}") == nil)
    }

    @Test func rateLimitsReadTheWaitFromHeadersOrBody() {
        #expect(classifier.classify(status: 429, headers: ["Retry-After": "7"], body: "") == .rateLimited(retryAfter: .seconds(7)))
        #expect(classifier.classify(status: 429, headers: ["retry-after-ms": "250", "retry-after": "9"], body: "")
            == .rateLimited(retryAfter: .milliseconds(250)))
        #expect(classifier.classify(status: 429, headers: ["retry-after": "1.5"], body: "") == .rateLimited(retryAfter: .milliseconds(1500)))
        let now = Date(timeIntervalSince1970: 1_445_412_470)   // Wed, 21 Oct 2015 07:27:50 GMT
        #expect(classifier.classify(status: 429, headers: ["Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"], body: "", now: now)
            == .rateLimited(retryAfter: .seconds(10)))
        let gemini = #"{"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "message": "quota", "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "37s"}]}}"#
        #expect(classifier.classify(status: 429, headers: [:], body: gemini) == .rateLimited(retryAfter: .seconds(37)))
        #expect(classifier.classify(status: 429, headers: [:], body: "") == .rateLimited(retryAfter: nil))
    }

    @Test func billingAndQuotaAreFatal() {
        let openai = #"{"error": {"message": "You exceeded your current quota", "type": "insufficient_quota", "param": null, "code": "insufficient_quota"}}"#
        #expect(classifier.classify(status: 429, headers: [:], body: openai) == .fatal("HTTP 429: You exceeded your current quota"))
        let daily = #"{"error": {"code": 429, "status": "RESOURCE_EXHAUSTED", "message": "Quota exceeded for GenerateRequestsPerDayPerProjectPerModel"}}"#
        #expect(classifier.classify(status: 429, headers: [:], body: daily)?.isRetryable == false)
        #expect(classifier.classify(status: 402, headers: [:], body: "")?.isRetryable == false)
    }

    @Test func statusesMapToTheirClasses() {
        for status in [408, 409, 500, 502, 503, 504, 529] {
            guard case .transient? = classifier.classify(status: status, headers: [:], body: "x") else {
                Issue.record("\(status) should be transient"); continue
            }
        }
        for status in [401, 403, 404] {
            guard case .fatal? = classifier.classify(status: status, headers: [:], body: "x") else {
                Issue.record("\(status) should be fatal"); continue
            }
        }
        for status in [400, 413, 422] {
            guard case .invalidRequest? = classifier.classify(status: status, headers: [:], body: "x") else {
                Issue.record("\(status) should be invalid"); continue
            }
        }
        #expect(classifier.classify(status: 529, headers: ["retry-after": "3"], body: "") == .rateLimited(retryAfter: .seconds(3)))
        let badKey = #"{"error": {"code": 400, "message": "API key not valid. Please pass a valid API key.", "status": "INVALID_ARGUMENT"}}"#
        guard case .fatal? = classifier.classify(status: 400, headers: [:], body: badKey) else { Issue.record("bad key"); return }
    }

    @Test func shouldRetryHeaderOverridesTheStatus() {
        guard case .transient? = classifier.classify(status: 400, headers: ["X-Should-Retry": "true"], body: "") else {
            Issue.record("x-should-retry: true"); return
        }
        guard case .invalidRequest? = classifier.classify(status: 503, headers: ["x-should-retry": "false"], body: "") else {
            Issue.record("x-should-retry: false"); return
        }
    }

    @Test func messagesNeverContainKeys() {
        let body = #"{"error": {"message": "Incorrect API key provided: sk-proj-abcdefghijklmnopqrstuvwxyz0123456789.", "type": "invalid_request_error", "param": null, "code": "invalid_api_key"}}"#
        let error = classifier.classify(status: 401, headers: [:], body: body)
        #expect(error == .fatal("HTTP 401: Incorrect API key provided: [REDACTED]."))
        let custom = HTTPErrorClassifier(redactor: SecretRedactor(knownSecrets: ["my-secret-token-123"]))
        #expect(custom.classify(status: 500, headers: [:], body: "failed for my-secret-token-123")
            == .transient("HTTP 500: failed for [REDACTED]"))
        #expect(SecretRedactor.redactPrefixedKeys("key=AIzaSyA1234567890abcdefghij end") == "key=[REDACTED] end")
        #expect(SecretRedactor.redactPrefixedKeys("task-list is fine, sk-short too") == "task-list is fine, sk-short too")
    }
}
