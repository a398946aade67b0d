import Testing
import StrataRego
import StrataRegoAST

/// `providers.aws.sign_req`: the signature is deterministic in the time argument; the date and
/// scope follow the UTC calendar; configuration errors name the missing keys.
@Suite("AWS SigV4 signing")
struct AWSSigningTests {
    static let config = #"{"aws_access_key": "AKID", "aws_secret_access_key": "SECRET", "aws_service": "s3", "aws_region": "eu-west-1"}"#

    func sign(_ request: String, time: String, config: String = Self.config) throws -> Value? {
        try CryptoEval.eval("providers.aws.sign_req(\(request), \(config), \(time))")
    }

    @Test("dates in the credential scope and x-amz-date", arguments: [
        ("0", "19700101", "19700101T000000Z"),
        ("951782400000000000", "20000229", "20000229T000000Z"),
        ("1709251199999999999", "20240229", "20240229T235959Z"),
        ("4102444800000000000", "21000101", "21000101T000000Z"),
        ("-1000000000", "19691231", "19691231T235959Z"),
    ])
    func dates(time: String, date: String, stamp: String) throws {
        let out = try sign(#"{"method": "GET", "url": "https://bucket.example.com/a%20b?x=1"}"#, time: time)
        let headers = try #require(out?[.string("headers")])
        #expect(headers[.string("x-amz-date")] == .string(stamp))
        #expect(headers[.string("host")] == .string("bucket.example.com"))
        let auth = try #require(headers[.string("Authorization")]?.stringValue)
        #expect(auth.hasPrefix("AWS4-HMAC-SHA256 Credential=AKID/\(date)/eu-west-1/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature="))
    }

    @Test("the signature depends on every signed part")
    func sensitivity() throws {
        func signature(_ request: String, _ time: String = "1451311705000000000", config: String = Self.config) throws -> String {
            let auth = try sign(request, time: time, config: config)?[.string("headers")]?[.string("Authorization")]?.stringValue
            return String(try #require(auth).split(separator: "=").last ?? "")
        }
        let base = try signature(#"{"method": "GET", "url": "https://example.com/"}"#)
        #expect(try signature(#"{"method": "GET", "url": "https://example.com/"}"#) == base)
        let variants = [
            try signature(#"{"method": "PUT", "url": "https://example.com/"}"#),
            try signature(#"{"method": "GET", "url": "https://example.com/x"}"#),
            try signature(#"{"method": "GET", "url": "https://example.com/?a=b"}"#),
            try signature(#"{"method": "GET", "url": "https://example.com/", "headers": {"X-Extra": "1"}}"#),
            try signature(#"{"method": "GET", "url": "https://example.com/", "raw_body": "b"}"#),
            try signature(#"{"method": "GET", "url": "https://example.com/"}"#, "1451311706000000000"),
            try signature(#"{"method": "GET", "url": "https://example.com/"}"#, config: Self.config.replacingOccurrences(of: "SECRET", with: "OTHER")),
        ]
        #expect(Set(variants).count == variants.count && !variants.contains(base))
        // Ignored headers (a proxy may rewrite them) do not change the signature.
        #expect(try signature(#"{"method": "GET", "url": "https://example.com/", "headers": {"User-Agent": "x"}}"#) == base)
    }

    @Test("configuration and request errors", arguments: [
        (#"{"aws_access_key": "a"}"#, #"{"method": "GET", "url": "https://e.com"}"#, "missing required AWS config parameters(s)"),
        (#"{"aws_access_key": 1, "aws_secret_access_key": "s", "aws_service": "s3", "aws_region": "r"}"#,
         #"{"method": "GET", "url": "https://e.com"}"#, "invalid values for required AWS config parameters(s): {\"aws_access_key\"}"),
        (config, #"{"url": "https://e.com"}"#, "missing required request parameters(s)"),
        (config, #"{"method": 1, "url": "https://e.com"}"#, "invalid values for required request parameters(s)"),
        (#"{"aws_access_key": "a", "aws_secret_access_key": "s", "aws_service": "s3", "aws_region": "r", "disable_payload_signing": "yes"}"#,
         #"{"method": "GET", "url": "https://e.com"}"#, "invalid value for 'disable_payload_signing'"),
    ])
    func errors(config: String, request: String, message: String) throws {
        let error = CryptoEval.error("providers.aws.sign_req(\(request), \(config), 0)")
        #expect(error?.contains(message) == true, "\(String(describing: error))")
    }
}
