import Crypto
import Foundation
import StrataRegoAST

/// `providers.aws.sign_req(request, config, time_ns)`: AWS Signature Version 4 over an `http.send`-shaped
/// request, deterministic in the given time (OPA's `internal/providers/aws` SignV4).
enum AWSSigning {
    static let builtins: [Builtin] = [
        .ternary("providers.aws.sign_req") { (r, c, t) throws(BuiltinError) in try signRequest(try r.object(1), try c.object(2), t) },
    ]

    static let requiredConfig = ["aws_access_key", "aws_region", "aws_secret_access_key", "aws_service"]
    /// Headers a proxy may rewrite are left out of the signature, as AWS's SDK does.
    static let ignoredHeaders: Set<String> = ["authorization", "user-agent", "x-amzn-trace-id"]

    static func signRequest(_ request: [Value: Value], _ config: [Value: Value], _ time: Value) throws(BuiltinError) -> Value {
        let missing = requiredConfig.filter { config[.string($0)] == nil }
        if !missing.isEmpty { throw BuiltinError("operand 2 missing required AWS config parameters(s): \(setText(missing))") }
        let invalid = requiredConfig.filter { config[.string($0)]?.stringValue == nil }
        if !invalid.isEmpty { throw BuiltinError("operand 2 invalid values for required AWS config parameters(s): \(setText(invalid))") }
        func text(_ v: Value?) -> String { v?.stringValue ?? "" }
        let credentials = Credentials(
            accessKey: text(config[.string("aws_access_key")]), secretKey: text(config[.string("aws_secret_access_key")]),
            region: text(config[.string("aws_region")]), sessionToken: text(config[.string("aws_session_token")]),
            service: text(config[.string("aws_service")]))
        let timestamp = try time.number(3)
        guard let ns = timestamp.bigInt.flatMap({ Int64(exactly: $0) }) else {
            throw BuiltinError("operand 3 could not convert time_ns value into a unix timestamp")
        }
        let requiredRequest = ["method", "url"].filter { request[.string($0)] == nil }
        if !requiredRequest.isEmpty { throw BuiltinError("operand 1 missing required request parameters(s): \(setText(requiredRequest))") }
        var headers: [Value: Value] = [:]
        if let h = request[.string("headers")] {
            guard case .object(let o) = h else { throw BuiltinError.type("operand 0 must be object but got \(h.typeName)") }
            headers = o
        }
        let badRequest = ["method", "url"].filter { request[.string($0)]?.stringValue == nil }
        if !badRequest.isEmpty { throw BuiltinError("operand 1 invalid values for required request parameters(s): \(setText(badRequest))") }
        let url = try SimpleURL(text(request[.string("url")]))
        var disablePayloadSigning = false
        if let d = config[.string("disable_payload_signing")] {
            guard case .bool(let b) = d else { throw BuiltinError("operand 2 invalid value for 'disable_payload_signing' in AWS config") }
            disablePayloadSigning = b
        }
        let body: [UInt8]
        if let raw = request[.string("raw_body")] {
            body = Array(text(raw).utf8)
        } else if let b = request[.string("body")] {
            body = Array(b.jsonString(escapeHTML: true).utf8)
        } else {
            body = []
        }
        var headerMap: [String: String] = [:]
        for (k, v) in headers { headerMap[text(k)] = text(v) }
        let signed = SigV4(method: text(request[.string("method")]), url: url, headers: headerMap, body: body,
                           credentials: credentials, timeNanoseconds: ns, unsignedPayload: disablePayloadSigning).sign()
        var outHeaders: [Value: Value] = [:]
        for (k, v) in headerMap { outHeaders[.string(k)] = .string(v) }
        outHeaders[.string("Authorization")] = .string(signed.authorization)
        for (k, v) in signed.headers { outHeaders[.string(k)] = .string(v) }
        var out = request
        out[.string("headers")] = .object(outHeaders)
        return .object(out)
    }

    /// Go prints a set of strings as `{"a", "b"}`.
    static func setText(_ names: [String]) -> String { "{" + names.map { "\"\($0)\"" }.joined(separator: ", ") + "}" }

    struct Credentials {
        var accessKey, secretKey, region, sessionToken, service: String
    }
}
