import Crypto
import Foundation

extension AWSSigning {
    /// The Signature Version 4 computation: canonical request → string to sign → derived key → signature.
    struct SigV4 {
        var method: String
        var url: SimpleURL
        var headers: [String: String]
        var body: [UInt8]
        var credentials: Credentials
        var timeNanoseconds: Int64
        var unsignedPayload: Bool

        func sign() -> (authorization: String, headers: [String: String]) {
            let (date, stamp) = Self.timestamps(timeNanoseconds)
            let contentHash = unsignedPayload ? "UNSIGNED-PAYLOAD" : CryptoBuiltins.hex(SHA256.hash(data: body))
            var awsHeaders = ["host": url.host, "x-amz-date": stamp]
            // S3 and Glacier want the payload hash as a header; other services do not.
            if credentials.service == "s3" || credentials.service == "glacier" { awsHeaders["x-amz-content-sha256"] = contentHash }
            if !credentials.sessionToken.isEmpty { awsHeaders["x-amz-security-token"] = credentials.sessionToken }
            var toSign = awsHeaders
            for (k, v) in headers where !ignoredHeaders.contains(k.lowercased()) { toSign[k.lowercased()] = v }
            let names = toSign.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
            let signedHeaders = names.joined(separator: ";")
            var canonical = method + "\n" + url.escapedPath + "\n" + url.rawQuery + "\n"
            for name in names { canonical += name + ":" + toSign[name]! + "\n" }
            canonical += "\n" + signedHeaders + "\n" + contentHash
            let scope = "\(date)/\(credentials.region)/\(credentials.service)/aws4_request"
            let stringToSign = "AWS4-HMAC-SHA256\n\(stamp)\n\(scope)\n" + CryptoBuiltins.hex(SHA256.hash(data: Array(canonical.utf8)))
            var key = Self.mac(Array(date.utf8), key: Array(("AWS4" + credentials.secretKey).utf8))
            for part in [credentials.region, credentials.service, "aws4_request"] { key = Self.mac(Array(part.utf8), key: key) }
            let signature = CryptoBuiltins.hex(Self.mac(Array(stringToSign.utf8), key: key))
            let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKey)/\(scope),SignedHeaders=\(signedHeaders),Signature=\(signature)"
            return (authorization, awsHeaders)
        }

        static func mac(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
            Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
        }

        /// `20060102` and `20060102T150405Z` in UTC, from Unix nanoseconds (days from the civil calendar).
        static func timestamps(_ ns: Int64) -> (date: String, stamp: String) {
            let seconds = ns >= 0 ? ns / 1_000_000_000 : (ns - 999_999_999) / 1_000_000_000
            let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
            let secondOfDay = seconds - days * 86_400
            // Howard Hinnant's days-to-civil algorithm.
            let z = days + 719_468
            let era = (z >= 0 ? z : z - 146_096) / 146_097
            let doe = z - era * 146_097
            let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
            let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
            let mp = (5 * doy + 2) / 153
            let day = doy - (153 * mp + 2) / 5 + 1
            let month = mp < 10 ? mp + 3 : mp - 9
            let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
            let date = String(format: "%04lld%02lld%02lld", year, month, day)
            let time = String(format: "%02lld%02lld%02lld", secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
            return (date, date + "T" + time + "Z")
        }
    }

    /// The parts of a URL SigV4 needs (Go's `url.URL` Host, EscapedPath, RawQuery).
    struct SimpleURL {
        var host = "", escapedPath = "", rawQuery = ""

        init(_ text: String) throws(BuiltinError) {
            var rest = Substring(text)
            if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
            if let q = rest.firstIndex(of: "?") {
                rawQuery = String(rest[rest.index(after: q)...])
                rest = rest[..<q]
            }
            if let scheme = rest.range(of: "://") {
                rest = rest[scheme.upperBound...]
                let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
                var authority = rest[..<authorityEnd]
                if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
                host = String(authority)
                rest = rest[authorityEnd...]
            }
            if rest.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } ?? false }) {
                throw BuiltinError("parse \"\(text)\": invalid character in URL")
            }
            escapedPath = Self.escapePath(String(rest))
        }

        /// Keeps valid escapes and path characters; escapes the rest like Go's `url.PathEscape` for paths.
        static func escapePath(_ path: String) -> String {
            let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~/!$&'()*+,;=:@%".utf8)
            var out = ""
            for b in path.utf8 {
                if allowed.contains(b) { out.append(Character(Unicode.Scalar(b))) } else { out += String(format: "%%%02X", b) }
            }
            return out
        }
    }
}
