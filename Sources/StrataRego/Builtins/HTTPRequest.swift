import Foundation
import StrataRegoAST

/// Why one `http.send` failed. `network` failures are OPA's `*url.Error` (`eval_http_send_network_error`
/// with `raise_error: false`); `type` ones are operand errors (`eval_type_error`).
struct HTTPSendFailure: Error {
    var message: String
    var network = false
    var type = false
    /// What `raise_error: true` reports instead, when OPA words it differently (timeouts).
    var raised: String?
    /// Not a request failure: raised whatever `raise_error` says (network access disabled).
    var halts = false

    static func operand(_ message: String) -> HTTPSendFailure { HTTPSendFailure(message: "operand 1 " + message, type: true) }

    var builtinError: BuiltinError { BuiltinError(type ? .type : .builtin, raised ?? message) }
}

/// A validated `http.send` request object (OPA v1.20's keys and checks).
struct HTTPRequestSpec {
    static let allowedKeys: Set<String> = [
        "method", "url", "body", "enable_redirect", "force_json_decode", "force_yaml_decode", "headers", "raw_body",
        "tls_use_system_certs", "tls_ca_cert", "tls_ca_cert_file", "tls_ca_cert_env_variable", "tls_client_cert",
        "tls_client_cert_file", "tls_client_cert_env_variable", "tls_client_key", "tls_client_key_file",
        "tls_client_key_env_variable", "tls_insecure_skip_verify", "tls_server_name", "timeout", "cache", "force_cache",
        "force_cache_duration_seconds", "raise_error", "caching_mode", "max_retry_attempts", "cache_ignored_headers",
    ]
    static let stringKeys: Set<String> = [
        "method", "url", "raw_body", "tls_ca_cert", "tls_ca_cert_file", "tls_ca_cert_env_variable", "tls_client_cert",
        "tls_client_cert_file", "tls_client_cert_env_variable", "tls_client_key", "tls_client_key_file",
        "tls_client_key_env_variable", "tls_server_name",
    ]
    /// Accepted by OPA but needing custom TLS configuration, which the URLSession transport here does not offer.
    static let unsupportedTLSKeys: Set<String> = stringKeys.filter { $0.hasPrefix("tls_") }
    static let defaultTimeout = 5.0

    var method = "GET"
    var url = ""
    var headers: [(name: String, value: String)] = []
    var body: Data?
    var enableRedirect = false
    var forceJSON = false
    var forceYAML = false
    /// Seconds; 0 means no limit (Go's `http.Client.Timeout` of 0).
    var timeout = defaultTimeout
    var cache = false
    /// Set by `force_cache` with a positive `force_cache_duration_seconds`.
    var forceCacheSeconds: Int?
    var retries = 0
    /// The request as a cache key: `cache_ignored_headers` removed from `headers` (and itself null).
    var key: Value

    /// Inter-query caching requested (`cache` or `force_cache`).
    var interQuery: Bool { cache || forcedCache }
    private var forcedCache = false

    init(_ object: [Value: Value]) throws(HTTPSendFailure) {
        var names: [String: Value] = [:]
        var unknown: [Value] = []
        for (k, v) in object {
            guard case .string(let name) = k, Self.allowedKeys.contains(name) else { unknown.append(k); continue }
            names[name] = v
        }
        if !unknown.isEmpty { throw .operand("invalid request parameters(s): \(Value.set(Set(unknown)).regoString)") }
        let missing = ["method", "url"].filter { names[$0] == nil }.map { Value.string($0) }
        if !missing.isEmpty { throw .operand("missing required request parameters(s): \(Value.set(Set(missing)).regoString)") }
        key = Self.cacheKey(object)
        var rawBody: Data?
        for (name, value) in names.sorted(by: { $0.key < $1.key }) {
            if Self.stringKeys.contains(name), value.stringValue == nil {
                throw HTTPSendFailure(message: "\(Value.quoted(name)) must be a string")
            }
            switch name {
            case "method": method = (value.stringValue ?? "").uppercased()
            case "url": url = value.stringValue ?? ""
            case "raw_body": rawBody = Data((value.stringValue ?? "").utf8)
            case "body": body = Data(value.jsonString(escapeHTML: true).utf8)
            case "headers": headers = try Self.headers(value)
            case "enable_redirect": enableRedirect = try Self.bool(value, name)
            case "force_json_decode": forceJSON = try Self.bool(value, name)
            case "force_yaml_decode": forceYAML = try Self.bool(value, name)
            case "cache": cache = try Self.bool(value, name)
            case "force_cache": forcedCache = try Self.bool(value, name)
            case "timeout": timeout = try Self.timeout(value)
            case "max_retry_attempts":
                guard case .number(let n) = value, let i = n.intValue, i >= 0 else {
                    throw HTTPSendFailure(message: "invalid value \(value.regoString) for field \"max_retry_attempts\"")
                }
                retries = i
            case "caching_mode":
                guard case .string(let mode) = value else { throw HTTPSendFailure(message: "invalid value for \"caching_mode\" field") }
                guard mode == "serialized" || mode == "deserialized" else {
                    throw HTTPSendFailure(message: "invalid value specified for \"caching_mode\" field: \(mode)")
                }
            case "tls_use_system_certs": _ = try Self.bool(value, name)  // the system trust store is always used
            case "tls_insecure_skip_verify":
                if try Self.bool(value, name) { throw Self.unsupported(name) }
            default:
                if Self.unsupportedTLSKeys.contains(name) { throw Self.unsupported(name) }
            }
        }
        if let rawBody { body = rawBody }
        if forcedCache {
            guard let seconds = names["force_cache_duration_seconds"] else {
                throw HTTPSendFailure(message: "'force_cache' set but 'force_cache_duration_seconds' parameter is missing")
            }
            guard case .number(let n) = seconds, let s = n.intValue, s <= Int(Int32.max), s >= Int(Int32.min) else {
                throw HTTPSendFailure(message: "strconv.ParseInt: parsing \(Value.quoted(seconds.regoString)): invalid syntax")
            }
            if s > 0 { forceCacheSeconds = s }
        }
    }

    static func unsupported(_ name: String) -> HTTPSendFailure {
        HTTPSendFailure(message: "\(Value.quoted(name)) is not supported: Strata uses the system trust store without client certificates or other TLS settings")
    }

    static func bool(_ value: Value, _ name: String) throws(HTTPSendFailure) -> Bool {
        guard case .bool(let b) = value else { throw HTTPSendFailure(message: "invalid value for \(Value.quoted(name)) field") }
        return b
    }

    static func headers(_ value: Value) throws(HTTPSendFailure) -> [(name: String, value: String)] {
        guard case .object(let dict) = value else { throw HTTPSendFailure(message: "invalid type for headers key") }
        var out: [(name: String, value: String)] = []
        for (k, v) in dict.sorted(by: { $0.key < $1.key }) {
            guard case .string(let name) = k else { throw HTTPSendFailure(message: "invalid type for headers key") }
            guard case .string(let text) = v else { throw HTTPSendFailure(message: "invalid type for headers value \(v.jsonString())") }
            out.append((name, text))
        }
        return out
    }

    /// OPA's `parseTimeout`: nanoseconds as a number or digit string, or a Go duration string.
    static func timeout(_ value: Value) throws(HTTPSendFailure) -> Double {
        switch value {
        case .number(let n):
            guard case .int(let i) = n.canonical, let ns = Int64(exactly: i) else {
                throw HTTPSendFailure(message: "invalid timeout number value \(n), must be int64")
            }
            return Double(ns) / 1e9
        case .string(let s):
            if let ns = Int64(s) { return Double(ns) / 1e9 }
            do { return (try Duration.parse(s)).doubleValue / 1e9 } catch {
                throw HTTPSendFailure(message: "invalid timeout value \(value.regoString): \(error.message)")
            }
        default:
            throw HTTPSendFailure(message: "operand 1 'timeout' must be one of {string, number} but got \(value.typeName)", type: true)
        }
    }

    static func cacheKey(_ object: [Value: Value]) -> Value {
        var key = object
        let ignoredKey = Value.string("cache_ignored_headers")
        if case .array(let ignored)? = object[ignoredKey], case .object(var headers)? = object[.string("headers")] {
            for name in ignored { headers[name] = nil }
            key[.string("headers")] = .object(headers)
        }
        key[ignoredKey] = .null
        return .object(key)
    }
}
