import StrataRegoAST

/// `squealer.scan_string(s)`: `{"transgressionFound": bool, "description": string}` from squealer's
/// default secret rules that have no file filter; the first matching rule wins.
enum Squealer {
    static let builtin = Builtin("squealer.scan_string", arity: 1) { (args, ctx) throws(BuiltinError) in
        let text = try args[0].string(1)
        let hit = try firstMatch(in: text, ctx)
        return .object([
            .string("transgressionFound"): .bool(hit != nil),
            .string("description"): .string(hit?.description ?? ""),
        ])
    }

    struct Rule: Sendable {
        var description: String
        var pattern: String
        init(_ description: String, _ pattern: String) {
            self.description = description
            self.pattern = pattern
        }
    }

    static func firstMatch(in text: String, _ ctx: BuiltinContext?) throws(BuiltinError) -> Rule? {
        for rule in rules {
            if try Regex.compile(rule.pattern, ctx).matches(text) { return rule }
        }
        return nil
    }

    /// squealer's default rules without a file filter, in its order (Go's `(?-i)` spelled as scoped `(?i:…)`).
    static let rules: [Rule] = [
        Rule("Check for AWS Access Key Id", #"(A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}"#),
        Rule("Check for AWS Secret Access Key", #"(?i)aws_secre.+[=:]\s{0,}[A-Za-z0-9\/+=]{40}.?"#),
        Rule("Check for Github Token", #"(?i:github[_\-\.]?token[\s:,=\"\]']+?)[0-9a-zA-Z]{35,40}"#),
        Rule("Check for new Github Token", #"gh[opusr]_[A-Za-z0-9_]{30,255}"#),
        Rule("", #"xox[baprs]-([0-9a-zA-Z]{10,48})?"#),
        Rule("Private Asymetric Key", #"-----BEGIN ((EC|PGP|DSA|RSA|OPENSSH) )?PRIVATE KEY( BLOCK)?-----"#),
        Rule("Slack API Token", #"xox.-[0-9]{12}-[0-9]{12}-[0-9]{12}-[a-zA-Z0-9]{32}"#),
        Rule("Slack OAuth Token", #"xox.-[0-9]{12}-[0-9]{12}-[r0-9a-zA-Z]{24}"#),
        Rule("Password literal text", #"(?im)password\s?[:=]\s?\"?[^\s?\$\{].+\"?"#),
        Rule("AWS Manager ID", #"(A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)[A-Z0-9]{16}"#),
        Rule("AWS Secret Key", #"(?i:aws(.{0,20})?)['\"][0-9a-zA-Z\/+]{40}['\"]"#),
        Rule("AWS MWS key", #"amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#),
        Rule("Facebook Secret Key", #"(?i:(facebook|fb)(.{0,20})?)['\"][0-9a-f]{32}['\"]"#),
        Rule("Facebook Client ID", #"(?i)(facebook|fb)(.{0,20})?['\"][0-9]{13,17}['\"]"#),
        Rule("Twitter Secret Key", #"(?i)twitter(.{0,20})?['\"][0-9a-z]{35,44}['\"]"#),
        Rule("Twitter Client ID", #"(?i)twitter(.{0,20})?['\"][0-9a-z]{18,25}['\"]"#),
        Rule("GitHub Token", #"(?i:github.{0,3}(token|api|key).{0,10}?)([0-9a-zA-Z]{35,40})"#),
        Rule("LinkedIn Client ID", #"(?i:linkedin(.{0,20})?)['\"][0-9a-z]{12}['\"]"#),
        Rule("LinkedIn Secret Key", #"(?i)linkedin(.{0,20})?['\"][0-9a-z]{16}['\"]"#),
        Rule("NPM Token", #"//registry.npmjs.org/:_authToken=[0-9a-f-]+"#),
        Rule("Slack", #"xox[baprs]-([0-9a-zA-Z]{10,48})?"#),
        Rule("EC", #"-----BEGIN EC PRIVATE KEY-----"#),
        Rule("DSA", #"-----BEGIN DSA PRIVATE KEY-----"#),
        Rule("OPENSSH", #"-----BEGIN OPENSSH PRIVATE KEY-----"#),
        Rule("RSA", #"-----BEGIN RSA PRIVATE KEY-----"#),
        Rule("PGP", #"-----BEGIN PGP PRIVATE KEY BLOCK-----"#),
        Rule("Google API key", #"AIza[0-9A-Za-z\\-_]{35}"#),
        Rule("Heroku API key", #"(?i)heroku(.{0,20})?['\"][0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}['\"]"#),
        Rule("MailChimp API key", #"(?i)(mailchimp|mc)(.{0,20})?['\"][0-9a-f]{32}-us[0-9]{1,2}['\"]"#),
        Rule("Mailgun API key", #"(?i)(mailgun|mg)(.{0,20})?['\"][0-9a-z]{32}['\"]"#),
        Rule("PayPal Braintree access token", #"access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32}"#),
        Rule("Picatic API key", #"sk_live_[0-9a-z]{32}"#),
        Rule("Slack Webhook", #"https://hooks.slack.com/services/T[a-zA-Z0-9_]{8}/B[a-zA-Z0-9_]{8}/[a-zA-Z0-9_]{24}"#),
        Rule("Stripe API key", #"(?i)stripe(.{0,20})?['\"][sk|rk]_live_[0-9a-zA-Z]{24}"#),
        Rule("Square access token", #"sq0atp-[0-9A-Za-z\-_]{22}"#),
        Rule("Square OAuth secret", #"sq0csp-[0-9A-Za-z\\-_]{43}"#),
        Rule("Twilio API key", #"(?i)twilio(.{0,20})?['\"][0-9a-f]{32}['\"]"#),
        Rule("Dynatrace token", #"dt0[a-zA-Z]{1}[0-9]{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64}"#),
        Rule("Shopify shared secret", #"shpss_[a-fA-F0-9]{32}"#),
        Rule("Shopify access token", #"shpat_[a-fA-F0-9]{32}"#),
        Rule("Shopify custom app access token", #"shpca_[a-fA-F0-9]{32}"#),
        Rule("Shopify private app access token", #"shppa_[a-fA-F0-9]{32}"#),
        Rule("Env Var", #"(?i)(apikey|secret|password|certificate_osx_p12|certificate_password|codacy_project_token|coveralls_api_token|coveralls_repo_token|coveralls_token|coverity_scan_token|cypress_record_key|database_password|db_password|deploy_password|deploy_token|digitalocean_access_token|docker_hub_password|docker_password|dockerhub_password|sonatype_password|firebase_api_token|firebase_token|firefox_secret|flask_secret_key|fossa_api_key|gcloud_service_key|gcr_password|gh_api_key|gh_next_oauth_client_secret|gh_next_unstable_oauth_client_secret|gh_oauth_client_secret|gpg_private_key|gpg_passphrase|gpg_secret_keys|heroku_api_key|okta_client_token|pypi_password|sonatype_nexus_password|travis_token|refresh_token|client_id|client_secret)(.*)?[(:=](\s)?['\"][0-9a-zA-Z\-_!$^%=]{10,120}['\")]"#),
        Rule("WP-Config", #"define(.{0,20})?(DB_CHARSET|NONCE_SALT|LOGGED_IN_SALT|AUTH_SALT|NONCE_KEY|DB_HOST|DB_PASSWORD|AUTH_KEY|SECURE_AUTH_KEY|LOGGED_IN_KEY|DB_NAME|DB_USER)(.{0,20})?['|\"].{10,120}['|\"]"#),
        Rule("SlackToken 1", #"xoxp-[a-z0-9]+-[a-z0-9]+-[a-z0-9]+-[a-z0-9]+"#),
        Rule("SlackToken 2", #"xoxb-[a-z0-9]+-[a-z0-9]+"#),
        Rule("OpenAI Secret Key", #"sk-[a-zA-Z0-9]+"#),
    ]
}
