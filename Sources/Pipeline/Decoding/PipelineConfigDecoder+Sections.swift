import Basics

extension PipelineConfigDecoder {
    static let processingKeys = ["strategy", "chunk_size", "repeat", "positions", "items", "expressions",
                                 "validation_retry"]
    static let apiKeys = ["provider", "model", "max_tokens", "max_inflight_batches", "poll_interval_seconds",
                          "retry", "realtime", "subprocess_timeout_seconds", "pricing", "rate_limits",
                          "concurrency", "mock"]

    func decodeProcessing(_ r: inout ConfigReader, into d: inout DiagnosticCollector) -> ProcessingConfig {
        var spec = UnitGenerationSpec()
        let strategy = r.choice("strategy", UnitGenerationSpec.Strategy.allCases.map(\.rawValue), into: &d)
        if let strategy { spec.strategy = UnitGenerationSpec.Strategy(rawValue: strategy) ?? .permutation }
        // A misspelt strategy was reported; do not also demand the positions of the default one.
        let strategyKnown = strategy != nil || r.object["strategy"]?.isNull ?? true
        spec.repeatCount = r.int("repeat", minimum: 1, into: &d) ?? 1
        let chunkSize = r.int("chunk_size", minimum: 1, into: &d) ?? 100
        var source: String?
        if var items = r.child("items", required: true, into: &d) {
            source = items.string("source", required: true, into: &d)
            spec.itemsKey = items.string("key", into: &d)
            spec.nameField = items.string("name_field", into: &d) ?? "name"
            items.finish(allowed: ["source", "key", "name_field"], into: &d)
        }
        if let positions = r.list("positions", into: &d) {
            for (path, value) in positions {
                switch value {
                case .string(let name):
                    spec.positions.append(.init(name: name))
                case .object(let object):
                    var p = ConfigReader(path: path, object: object, locator: locator)
                    if let name = p.string("name", required: true, into: &d) {
                        spec.positions.append(.init(name: name, sourceKey: p.string("source_key", into: &d)))
                    }
                    _ = p.string("name_field", into: &d)  // per-position name_field: read but unused (as upstream)
                    p.finish(allowed: ["name", "source_key", "name_field"], into: &d)
                default:
                    d.error("config.wrong-type", "'\(path)' must be a position name or a mapping with 'name'",
                            at: locator.location(of: path, key: false))
                }
            }
        }
        if strategyKnown, spec.strategy != .direct, spec.positions.isEmpty {
            let defaulted = strategy == nil
            d.error("config.missing-key",
                    "'processing.positions' is required for the \(spec.strategy.rawValue) strategy\(defaulted ? " (the default)" : "")",
                    at: defaulted ? r.location() : r.location("strategy"),
                    help: defaulted
                        ? "add 'strategy: direct' to make each item a unit, or list the unit's slots in 'positions'"
                        : "list the unit's slots, e.g. positions: [{name: npc, source_key: personalities}]")
        }
        var processing = ProcessingConfig(generation: spec, chunkSize: chunkSize, itemsSource: source)
        processing.expressions = r.expressionMap("expressions", into: &d) ?? []
        if var retry = r.child("validation_retry", into: &d) {
            processing.validationRetryMaxAttempts = retry.int("max_attempts", minimum: 0, into: &d)
            retry.finish(allowed: ["max_attempts"], into: &d)
        }
        r.finish(allowed: Self.processingKeys, into: &d)
        return processing
    }

    func decodeAPI(_ r: inout ConfigReader, into d: inout DiagnosticCollector) -> APIConfig {
        var api = APIConfig()
        api.provider = r.choice("provider", knownProviders, caseInsensitive: true, into: &d)
        api.model = r.string("model", into: &d)
        api.maxTokens = r.int("max_tokens", minimum: 1, into: &d)
        api.maxInflightBatches = r.int("max_inflight_batches", minimum: 1, into: &d) ?? 10
        api.pollIntervalSeconds = r.number("poll_interval_seconds", minimum: 0, into: &d)
        api.subprocessTimeoutSeconds = r.int("subprocess_timeout_seconds", minimum: 1, into: &d) ?? 600
        if var retry = r.child("retry", into: &d) {
            api.retry.maxAttempts = retry.int("max_attempts", minimum: 1, into: &d) ?? 3
            api.retry.initialDelaySeconds = retry.number("initial_delay_seconds", minimum: 0, into: &d) ?? 1.0
            api.retry.backoffMultiplier = retry.number("backoff_multiplier", minimum: 1, into: &d) ?? 2.0
            retry.finish(allowed: ["max_attempts", "initial_delay_seconds", "backoff_multiplier"], into: &d)
        }
        if var realtime = r.child("realtime", into: &d) {
            api.costCapUSD = realtime.number("cost_cap_usd", minimum: 0, into: &d)
            api.autoRetry = realtime.bool("auto_retry", into: &d) ?? true
            if let n = realtime.int("concurrency", minimum: 1, into: &d) { api.concurrency["*"] = n }
            realtime.finish(allowed: ["cost_cap_usd", "auto_retry", "concurrency"], into: &d)
        }
        if r.has("pricing") {
            _ = r.raw("pricing")
            d.warning("config.ignored-key", "'api.pricing' is not used: prices come from the model registry",
                      at: r.location("pricing", keyItself: true), help: "see 'octobatch models'")
        }
        if let value = r.raw("concurrency") {
            switch value {
            case .int(let n) where n >= 1:
                api.concurrency["*"] = n
            case .object(let perProvider):
                for (provider, limit) in perProvider {
                    let path = r.path.appending("concurrency").appending(provider)
                    guard knownProviders.contains(provider), case .int(let n) = limit, n >= 1 else {
                        d.error("config.bad-value", "'\(path)' must name a provider (\(knownProviders.joined(separator: ", "))) with a whole number ≥ 1",
                                at: locator.location(of: path, key: true))
                        continue
                    }
                    api.concurrency[provider] = n
                }
            default:
                d.error("config.wrong-type", "'api.concurrency' must be a whole number ≥ 1 or a mapping of provider: number",
                        at: r.location("concurrency"))
            }
        }
        if var limits = r.child("rate_limits", into: &d) {
            for provider in limits.object.keys {
                guard knownProviders.contains(provider) else {
                    _ = limits.raw(provider)
                    d.error("config.bad-value", "unknown provider '\(provider)' in api.rate_limits",
                            at: limits.location(provider, keyItself: true),
                            help: EditDistance.didYouMean(provider, in: knownProviders))
                    continue
                }
                if var entry = limits.child(provider, into: &d) {
                    api.rateLimits[provider] = APIConfig.RateLimit(
                        requestsPerMinute: entry.int("rpm", minimum: 1, into: &d),
                        tokensPerMinute: entry.int("tpm", minimum: 1, into: &d))
                    entry.finish(allowed: ["rpm", "tpm"], into: &d)
                }
            }
        }
        if var mock = r.child("mock", into: &d) {
            api.mock.latencyMilliseconds = mock.number("latency_ms", minimum: 0, into: &d) ?? 0
            api.mock.failureRate = mock.number("failure_rate", minimum: 0, maximum: 1, into: &d) ?? 0
            api.mock.malformedRate = mock.number("malformed_rate", minimum: 0, maximum: 1, into: &d) ?? 0
            mock.finish(allowed: ["latency_ms", "failure_rate", "malformed_rate"], into: &d)
        }
        r.finish(allowed: Self.apiKeys, into: &d)
        return api
    }

    func stringMap(_ r: inout ConfigReader, _ key: String, into d: inout DiagnosticCollector) -> [String: String] {
        guard var map = r.child(key, into: &d) else { return [:] }
        var result: [String: String] = [:]
        for name in map.object.keys {
            if let file = map.string(name, into: &d) { result[name] = file }
        }
        return result
    }

    func decodePrompts(_ r: inout ConfigReader, into d: inout DiagnosticCollector) -> PipelineConfig.Prompts {
        var prompts = PipelineConfig.Prompts()
        prompts.templateDirectory = r.string("template_dir", into: &d) ?? "templates"
        prompts.templates = stringMap(&r, "templates", into: &d)
        if let context = r.child("global_context", into: &d) { prompts.globalContext = context.object }
        r.finish(allowed: ["template_dir", "templates", "global_context"], into: &d)
        return prompts
    }

    func decodeSchemas(_ r: inout ConfigReader, into d: inout DiagnosticCollector) -> PipelineConfig.Schemas {
        var schemas = PipelineConfig.Schemas()
        schemas.schemaDirectory = r.string("schema_dir", into: &d) ?? "schemas"
        schemas.files = stringMap(&r, "files", into: &d)
        for ignored in ["strict_mode", "log_validation_errors"] where r.has(ignored) {
            _ = r.raw(ignored)
            d.warning("config.ignored-key", "'schemas.\(ignored)' is not used: schemas are always enforced and failures always recorded",
                      at: r.location(ignored, keyItself: true))
        }
        r.finish(allowed: ["schema_dir", "files", "strict_mode", "log_validation_errors"], into: &d)
        return schemas
    }

    func decodePostProcess(_ list: [(ConfigPath, Value)], into d: inout DiagnosticCollector) -> [PipelineConfig.PostProcess] {
        var result: [PipelineConfig.PostProcess] = []
        for (path, value) in list {
            guard case .object(let object) = value else {
                d.error("config.wrong-type", "'\(path)' must be a mapping", at: locator.location(of: path, key: false))
                continue
            }
            var r = ConfigReader(path: path, object: object, locator: locator)
            let kindText = r.choice("type", ["script", "gzip"], into: &d) ?? "script"
            var entry = PipelineConfig.PostProcess(name: r.string("name", into: &d),
                                                   kind: kindText == "gzip" ? .gzip : .script, path: path)
            entry.script = r.string("script", into: &d)
            entry.arguments = r.stringList("args", into: &d) ?? []
            entry.output = r.string("output", into: &d)
            entry.files = r.stringList("files", into: &d) ?? []
            entry.keepOriginals = r.bool("keep_originals", into: &d) ?? false
            if entry.kind == .script, entry.script == nil {
                d.error("config.missing-key", "post-process step '\(entry.name ?? path.description)' needs 'script'",
                        at: r.location())
            }
            r.finish(allowed: ["name", "type", "script", "args", "output", "files", "keep_originals"], into: &d)
            result.append(entry)
        }
        return result
    }
}
