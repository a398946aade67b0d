#!/usr/bin/env python3
"""Authoring tool for Strata's built-in secret rules.

Writes Sources/StrataSecrets/Resources/rules.yaml from the compact table below, with true and
false examples made of deterministic pseudo-random tokens (seeded by rule id), then checks every
rule's regex against its examples with Python `re` (the Swift tests check them again under ICU
with keywords, entropy and allowlists). Afterwards run scripts/embed-secret-rules.py.

The rules and test strings are our own; token shapes follow the vendors' public documentation.
"""
import pathlib, random, re, sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "Sources/StrataSecrets/Resources/rules.yaml"

CS = {
    "alnum": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "alpha": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
    "lower": "abcdefghijklmnopqrstuvwxyz0123456789",
    "upper": "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    "hex": "0123456789abcdef",
    "HEX": "0123456789ABCDEF",
    "b64": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
    "b64url": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_",
    "digit": "0123456789",
    "b32": "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567",
    "b32l": "abcdefghijklmnopqrstuvwxyz234567",
    "bech": "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L",
    "bcrypt": "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "pw": "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#%^*+_",
}

RULES = []


def R(id, title, regex, kw, tok=None, ctx=None, sev="high", entropy=None, group=None, window=None,
      multiline=False, allow=None, true=(), false=(), forms=None, short=True, remediation=None):
    RULES.append(dict(id=id, title=title, regex=regex, kw=kw, tok=tok, ctx=ctx, sev=sev, entropy=entropy,
                      group=group, window=window, multiline=multiline, allow=allow, true=list(true),
                      false=list(false), forms=forms, short=short, remediation=remediation))


def gen(parts, rng, shrink=False):
    out, shrunk = [], False
    for p in parts:
        if isinstance(p, str):
            out.append(p)
        else:
            cs, n = p
            if shrink and not shrunk:
                n, shrunk = max(1, n // 3), True
            out.append("".join(rng.choice(CS[cs]) for _ in range(n)))
    return "".join(out)


def uuid(rng):
    h = lambda n: "".join(rng.choice(CS["hex"]) for _ in range(n))
    return f"{h(8)}-{h(4)}-4{h(3)}-a{h(3)}-{h(12)}"


U = [("hex", 8), "-", ("hex", 4), "-4", ("hex", 3), "-a", ("hex", 3), "-", ("hex", 12)]

# Assignment context for "name = value" rules: NAME then an operator and an optional quote.
# Assignment operators of YAML, JSON, .env, shells, Python, Go, Ruby, PHP and Make (`?=`, `::=`, `:::=`).
# A comma separates a name from its value only in calls (`getenv("SECRET", "…")`), so after a comma
# the value must be quoted: unquoted, `Depends: gir1.2-secret-1, gir1.2-soup-3.0` (apt's package
# lists in every Debian image) would read as an assignment.
OP = r"""(?:(?:\?=|:{1,3}=|=>|\.=|=|:)\s*["']?|,\s*["'])"""
ASSIGN = r"""[\w.-]{0,25}["']?\s*""" + OP
END = r"""(?![A-Za-z0-9_-])"""


def ctx_rule(id, title, name_re, value_re, kw, tok, names, sev="high", entropy=3.0, false=(), **kw2):
    """A rule whose secret has no distinctive prefix: it needs a provider word before it."""
    regex = rf"(?i)(?:{name_re}){ASSIGN}({value_re}){END}"
    forms = [f'{n} = "{{t}}"' for n in names[:1]] + [f"{n}: {{t}}" for n in names[1:2] or names[:1]]
    R(id, title, regex, kw, tok=tok, forms=forms, sev=sev, entropy=entropy, false=list(false), **kw2)


# ---------------------------------------------------------------- cloud: AWS, GCP, Azure, others
R("aws-access-key-id", "AWS access key ID", r"\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})\b",
  ["akia", "asia", "abia", "acca"], tok=["AKIA", ("b32", 16)], sev="critical",
  false=["aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "id = AIDAJQABLZS4A3QDU576"])
R("aws-secret-access-key", "AWS secret access key",
  r"""(?i)(?:aws[_.-]?secret[_.-]?(?:access[_.-]?)?key|secret[_.-]?access[_.-]?key)["']?\s*(?::|=|=>)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])""",
  ["aws_secret", "awssecret", "aws-secret", "secret_access_key", "secretaccesskey", "secret-access-key"],
  tok=[("b64", 40)], sev="critical", entropy=4.0,
  forms=['aws_secret_access_key = {t}', '"SecretAccessKey": "{t}"'],
  false=["aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
         "aws_secret_access_key = ${AWS_SECRET_ACCESS_KEY}"])
R("aws-session-token", "AWS session token",
  r"""(?i)(?:aws[_.-]?)?(?:session|security)[_.-]?token["']?\s*(?::|=|=>)\s*["']?([A-Za-z0-9/+=]{100,1400})""",
  ["session_token", "sessiontoken", "security_token", "securitytoken", "session-token"],
  tok=["IQoJb3JpZ2luX2Vj", ("b64", 200)], sev="high", entropy=4.0, window=2048,
  forms=['aws_session_token = {t}', 'AWS_SESSION_TOKEN="{t}"'],
  false=["aws_session_token = <your session token>"])
R("aws-mws-auth-token", "Amazon MWS auth token",
  r"\b(amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b", ["amzn.mws."],
  tok=["amzn.mws."] + U)
R("aws-bedrock-api-key", "Amazon Bedrock long-term API key", r"\b(ABSK[A-Za-z0-9+/]{100,270}={0,2})",
  ["absk"], tok=["ABSK", ("b64", 132)], entropy=4.0)
R("gcp-api-key", "Google API key", r"\b(AIza[A-Za-z0-9_-]{35})" + END, ["aiza"],
  tok=["AIza", ("b64url", 35)], false=["key = AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"])
R("gcp-service-account-private-key", "Google Cloud service account private key",
  r'''"private_key"\s*:\s*"(-----BEGIN (?:RSA )?PRIVATE KEY-----\\n(?:[A-Za-z0-9+/=]{16,80}\\n){4,200}-----END (?:RSA )?PRIVATE KEY-----(?:\\n)?)"''',
  ["private_key"], sev="critical", window=8192, short=False,
  true=['{"type": "service_account", "project_id": "demo-123", "private_key_id": "%s", "private_key": "-----BEGIN PRIVATE KEY-----\\n%s\\n-----END PRIVATE KEY-----\\n", "client_email": "svc@demo-123.iam.gserviceaccount.com"}'],
  false=['{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n"}'])
R("gcp-oauth-client-secret", "Google OAuth client secret", r"\b(GOCSPX-[A-Za-z0-9_-]{28})" + END,
  ["gocspx-"], tok=["GOCSPX-", ("b64url", 28)])
R("google-oauth-access-token", "Google OAuth access token", r"\b(ya29\.[A-Za-z0-9_-]{30,400})" + END,
  ["ya29."], tok=["ya29.", ("b64url", 120)], entropy=3.5, sev="medium")
R("firebase-cloud-messaging-server-key", "Firebase Cloud Messaging server key",
  r"\b(AAAA[A-Za-z0-9_-]{7}:[A-Za-z0-9_-]{140})" + END, ["aaaa"],
  tok=["AAAA", ("b64url", 7), ":", ("b64url", 140)])
R("azure-storage-account-key", "Azure storage account key",
  r"""(?i)(?:storage|account)[_.-]?(?:access[_.-]?)?key["']?\s*(?::|=|=>)\s*["']?([A-Za-z0-9+/]{86}==)""",
  ["storage", "account"], tok=[("b64", 86), "=="], sev="critical", entropy=4.0,
  forms=['AZURE_STORAGE_KEY = "{t}"', 'accountKey: {t}'])
R("azure-storage-connection-string", "Azure storage connection string",
  r"(?i)DefaultEndpointsProtocol=https?;AccountName=[a-z0-9]{3,24};AccountKey=([A-Za-z0-9+/]{86}==)",
  ["defaultendpointsprotocol"], tok=[("b64", 86), "=="], sev="critical",
  forms=['conn = "DefaultEndpointsProtocol=https;AccountName=acmeprod01;AccountKey={t};EndpointSuffix=core.windows.net"'])
R("azure-cosmosdb-connection-string", "Azure Cosmos DB connection string",
  r"(?i)AccountEndpoint=https://[a-z0-9-]{3,44}\.documents\.azure\.com:443/?;AccountKey=([A-Za-z0-9+/]{86}==)",
  ["documents.azure.com"], tok=[("b64", 86), "=="], sev="critical",
  forms=['COSMOS="AccountEndpoint=https://acme-db.documents.azure.com:443/;AccountKey={t};"'])
R("azure-shared-access-key", "Azure Service Bus / Event Hubs / IoT shared access key",
  r"(?i)SharedAccessKey=([A-Za-z0-9+/]{43}=)", ["sharedaccesskey="], tok=[("b64", 43), "="],
  forms=['"Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={t}"'])
R("azure-sas-token", "Azure shared access signature",
  r"[?&]sig=((?:[A-Za-z0-9]|%2[BbFf]|%3[Dd]){43,120})", ["sig="],
  tok=[("alnum", 30), "%2B", ("alnum", 14), "%3D"], sev="medium", entropy=4.0,
  forms=['url = "https://acme.blob.core.windows.net/c/f.txt?sv=2022-11-02&ss=b&srt=o&sp=r&se=2030-01-01T00:00:00Z&sig={t}"'])
R("azure-ad-client-secret", "Azure AD (Entra ID) client secret",
  r"""(?:^|[\s'"=:(,])([A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?:$|[\s'",;)])""", ["q~"],
  tok=[("alnum", 3), ("digit", 1), "Q~", ("alnum", 34)], entropy=3.5)
ctx_rule("azure-devops-pat", "Azure DevOps personal access token", r"azure|devops|vsts|\bado",
         r"[a-z2-7]{52}", ["azure", "devops", "vsts", "ado"], [("b32l", 52)],
         ["AZURE_DEVOPS_PAT", "devops_token"], false=["checksum = " + "a" * 52])
R("azure-ad-client-secret-assignment", "Azure AD client secret (assignment)",
  r"""(?i)client[_.-]?secret["']?\s*(?::|=|=>)\s*["']?([A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?:$|[\s'",;)])""",
  ["clientsecret", "client_secret", "client-secret", "client.secret"], tok=[("alnum", 3), ("digit", 1), "Q~", ("alnum", 34)],
  forms=["client_secret={t}", "AUTH_CLIENTSECRET = {t}"], entropy=3.5)
R("alibaba-access-key-id", "Alibaba Cloud AccessKey ID", r"\b(LTAI[A-Za-z0-9]{12,20})\b", ["ltai"],
  tok=["LTAI", ("alnum", 20)], entropy=3.0)
ctx_rule("alibaba-access-key-secret", "Alibaba Cloud AccessKey secret", r"alibaba|aliyun",
         r"[A-Za-z0-9]{30}", ["alibaba", "aliyun"], [("alnum", 30)],
         ["ALIBABA_CLOUD_ACCESS_KEY_SECRET", "aliyun_secret"], entropy=3.5)
R("tencent-cloud-secret-id", "Tencent Cloud SecretId", r"\b(AKID[A-Za-z0-9]{32})\b", ["akid"],
  tok=["AKID", ("alnum", 32)], entropy=3.5)
ctx_rule("ibm-cloud-api-key", "IBM Cloud API key", r"\bibm[\w.-]{0,20}(?:api[_.-]?key|apikey)",
         r"[A-Za-z0-9_-]{44}", ["ibm"], [("b64url", 44)], ["IBM_CLOUD_API_KEY", "ibm_apikey"], entropy=3.8)
ctx_rule("cloudflare-api-token", "Cloudflare API token", r"cloudflare|\bcf[_.-]api",
         r"[A-Za-z0-9_-]{40}", ["cloudflare", "cf_api", "cf-api"], [("b64url", 40)],
         ["CLOUDFLARE_API_TOKEN", "cloudflare_token"], entropy=3.8)
ctx_rule("cloudflare-global-api-key", "Cloudflare global API key", r"cloudflare[\w.-]{0,20}(?:global|auth)[\w.-]{0,10}key",
         r"[a-f0-9]{37}", ["cloudflare"], [("hex", 37)], ["CLOUDFLARE_GLOBAL_API_KEY", "cloudflare_auth_key"])
R("cloudflare-origin-ca-key", "Cloudflare Origin CA key", r"\b(v1\.0-[a-f0-9]{24}-[a-f0-9]{146})\b", ["v1.0-"],
  tok=["v1.0-", ("hex", 24), "-", ("hex", 146)])
ctx_rule("fastly-api-token", "Fastly API token", r"fastly", r"[A-Za-z0-9_-]{32}", ["fastly"],
         [("b64url", 32)], ["FASTLY_API_TOKEN", "fastly_key"], entropy=3.8)
R("digitalocean-pat", "DigitalOcean personal access token", r"\b(dop_v1_[a-f0-9]{64})\b", ["dop_v1_"],
  tok=["dop_v1_", ("hex", 64)], sev="critical")
R("digitalocean-oauth-token", "DigitalOcean OAuth token", r"\b(doo_v1_[a-f0-9]{64})\b", ["doo_v1_"],
  tok=["doo_v1_", ("hex", 64)])
R("digitalocean-refresh-token", "DigitalOcean refresh token", r"\b(dor_v1_[a-f0-9]{64})\b", ["dor_v1_"],
  tok=["dor_v1_", ("hex", 64)])
ctx_rule("heroku-api-key", "Heroku API key", r"heroku",
         r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", ["heroku"], U,
         ["HEROKU_API_KEY", "heroku_token"], false=["request_id = 6f1c2b3a-9d8e-4f7a-b6c5-d4e3f2a1b0c9"])
R("heroku-api-key-v2", "Heroku API key (HRKU format)", r"\b(HRKU-[A-Za-z0-9_-]{60})" + END, ["hrku-"],
  tok=["HRKU-", ("b64url", 60)])
R("netlify-access-token", "Netlify personal access token", r"\b(nfp_[A-Za-z0-9]{36})\b", ["nfp_"],
  tok=["nfp_", ("alnum", 36)])
ctx_rule("vercel-token", "Vercel access token", r"vercel", r"[A-Za-z0-9]{24}", ["vercel"], [("alnum", 24)],
         ["VERCEL_TOKEN", "vercel_api_token"], entropy=3.5)
R("flyio-access-token", "Fly.io access token", r"\b((?:FlyV1 )?fm[12][ar]?_[A-Za-z0-9+/=_-]{50,700})", ["fm1", "fm2"],
  tok=["FlyV1 fm2_", ("b64", 120)], entropy=4.0)
R("render-api-key", "Render API key", r"\b(rnd_[A-Za-z0-9]{32})\b", ["rnd_"], tok=["rnd_", ("alnum", 32)])
R("supabase-access-token", "Supabase personal access token", r"\b(sbp_[a-f0-9]{40})\b", ["sbp_"],
  tok=["sbp_", ("hex", 40)])
R("planetscale-api-token", "PlanetScale API token", r"\b(pscale_tkn_[A-Za-z0-9_.-]{43})" + END, ["pscale_tkn_"],
  tok=["pscale_tkn_", ("b64url", 43)])
R("planetscale-password", "PlanetScale database password", r"\b(pscale_pw_[A-Za-z0-9_.-]{43})" + END, ["pscale_pw_"],
  tok=["pscale_pw_", ("b64url", 43)], sev="critical")
R("planetscale-oauth-token", "PlanetScale OAuth token", r"\b(pscale_oauth_[A-Za-z0-9_.-]{32,64})" + END,
  ["pscale_oauth_"], tok=["pscale_oauth_", ("b64url", 43)])
R("databricks-api-token", "Databricks API token", r"\b(dapi[a-f0-9]{32}(?:-\d)?)\b", ["dapi"],
  tok=["dapi", ("hex", 32)], entropy=3.0)
R("vault-service-token", "HashiCorp Vault service token", r"\b(hvs\.[A-Za-z0-9_-]{24,200})" + END, ["hvs."],
  tok=["hvs.", ("b64url", 90)], sev="critical", entropy=3.5)
R("vault-batch-token", "HashiCorp Vault batch token", r"\b(hvb\.[A-Za-z0-9_-]{24,400})" + END, ["hvb."],
  tok=["hvb.", ("b64url", 140)], entropy=3.5)
R("vault-recovery-token", "HashiCorp Vault recovery token", r"\b(hvr\.[A-Za-z0-9_-]{24,200})" + END, ["hvr."],
  tok=["hvr.", ("b64url", 90)], entropy=3.5)
R("terraform-cloud-api-token", "Terraform Cloud / Enterprise API token",
  r"\b([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})" + END, ["atlasv1"],
  tok=[("alnum", 14), ".atlasv1.", ("b64url", 67)], sev="critical")
R("pulumi-access-token", "Pulumi access token", r"\b(pul-[a-f0-9]{40})\b", ["pul-"], tok=["pul-", ("hex", 40)])
R("doppler-token", "Doppler token", r"\b(dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44})\b",
  ["dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."], tok=["dp.pt.", ("alnum", 43)])
R("infracost-api-token", "Infracost API token", r"(?<![A-Za-z0-9_.-])(ico-[A-Za-z0-9]{32})\b", ["ico-"], tok=["ico-", ("alnum", 32)])
R("openshift-user-token", "OpenShift user token", r"\b(sha256~[A-Za-z0-9_-]{43})" + END, ["sha256~"],
  tok=["sha256~", ("b64url", 43)])
R("scalingo-api-token", "Scalingo API token", r"\b(tk-us-[A-Za-z0-9_-]{48})" + END, ["tk-us-"],
  tok=["tk-us-", ("b64url", 48)])
R("tailscale-key", "Tailscale auth or API key",
  r"\b(tskey-(?:auth|api|client|scim|webhook)-[A-Za-z0-9]{10,20}-[A-Za-z0-9]{20,40})\b", ["tskey-"],
  tok=["tskey-auth-", ("alnum", 12), "-", ("alnum", 32)])
R("ngrok-api-key", "ngrok API key or authtoken", r"\b(2[A-Za-z0-9]{26}_[A-Za-z0-9]{21})\b", ["ngrok"],
  tok=["2", ("alnum", 26), "_", ("alnum", 21)], forms=['NGROK_AUTHTOKEN={t}', 'ngrok config add-authtoken {t}'])
R("deno-deploy-token", "Deno Deploy access token", r"\b(dd[pw]_[A-Za-z0-9]{36})\b", ["ddp_", "ddw_"],
  tok=["ddp_", ("alnum", 36)])

# ---------------------------------------------------------------- source forges and CI
for pre, what in [("ghp", "personal access token"), ("gho", "OAuth access token"),
                  ("ghu", "app user-to-server token"), ("ghs", "app server-to-server token")]:
    R(f"github-{ {'ghp': 'pat', 'gho': 'oauth-token', 'ghu': 'app-user-token', 'ghs': 'app-server-token'}[pre]}",
      f"GitHub {what}", rf"\b({pre}_[A-Za-z0-9]{{36}})\b", [pre + "_"], tok=[pre + "_", ("alnum", 36)],
      sev="critical", entropy=3.0)
R("github-refresh-token", "GitHub refresh token", r"\b(ghr_[A-Za-z0-9]{36,76})\b", ["ghr_"],
  tok=["ghr_", ("alnum", 76)], entropy=3.0)
R("github-fine-grained-pat", "GitHub fine-grained personal access token",
  r"\b(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})\b", ["github_pat_"],
  tok=["github_pat_", ("alnum", 22), "_", ("alnum", 59)], sev="critical")
for suffix, pre, body, title in [
    ("pat", "glpat-", ("b64url", 20), "GitLab personal access token"),
    ("pipeline-trigger-token", "glptt-", ("hex", 40), "GitLab pipeline trigger token"),
    ("runner-auth-token", "glrt-", ("b64url", 20), "GitLab runner authentication token"),
    ("deploy-token", "gldt-", ("b64url", 20), "GitLab deploy token"),
    ("feed-token", "glft-", ("b64url", 20), "GitLab feed token"),
    ("oauth-app-secret", "gloas-", ("b64url", 64), "GitLab OAuth application secret"),
    ("incoming-mail-token", "glimt-", ("b64url", 25), "GitLab incoming mail token"),
    ("agent-token", "glagent-", ("b64url", 50), "GitLab Kubernetes agent token"),
    ("scim-token", "glsoat-", ("b64url", 20), "GitLab SCIM OAuth token"),
    ("feature-flag-client-token", "glffct-", ("b64url", 20), "GitLab feature flag client token")]:
    lo = 20 if body[1] <= 25 else body[1]
    R(f"gitlab-{suffix}", title, rf"\b({re.escape(pre)}[A-Za-z0-9_-]{{{lo},{max(lo, body[1]) + 40}}})" + END,
      [pre], tok=[pre, body], sev="critical" if suffix == "pat" else "high", entropy=3.0)
R("gitlab-cicd-job-token", "GitLab CI/CD job token", r"\b(glcbt-[A-Za-z0-9]{1,5}_[A-Za-z0-9_-]{20})" + END,
  ["glcbt-"], tok=["glcbt-", ("alnum", 2), "_", ("b64url", 20)], short=False, false=["glcbt-ab_short"])
R("gitlab-runner-registration-token", "GitLab runner registration token",
  r"\b(GR1348941[A-Za-z0-9_-]{20})" + END, ["gr1348941"], tok=["GR1348941", ("b64url", 20)])
R("bitbucket-app-password", "Bitbucket app password / API token", r"\b(ATBB[A-Za-z0-9_=.-]{32})" + END, ["atbb"],
  tok=["ATBB", ("alnum", 32)])
R("atlassian-api-token", "Atlassian API token", r"\b(ATATT3[A-Za-z0-9_=-]{180,200})", ["atatt3"],
  tok=["ATATT3xFfGF0", ("b64url", 180)])
ctx_rule("atlassian-legacy-api-token", "Atlassian (Jira/Confluence) legacy API token",
         r"atlassian|jira|confluence", r"[A-Za-z0-9]{24}", ["atlassian", "jira", "confluence"],
         [("alnum", 24)], ["JIRA_API_TOKEN", "confluence_token"], entropy=3.5)
R("circleci-personal-token", "CircleCI personal API token", r"\b(CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40})\b",
  ["ccipat_"], tok=["CCIPAT_", ("alnum", 22), "_", ("hex", 40)])
R("buildkite-agent-token", "Buildkite token", r"\b(bk(?:ua|ct)_[a-f0-9]{40})\b", ["bkua_", "bkct_"],
  tok=["bkua_", ("hex", 40)])
R("sonarqube-token", "SonarQube / SonarCloud token", r"\b(sq[pua]_[a-f0-9]{40})\b", ["sqp_", "squ_", "sqa_"],
  tok=["squ_", ("hex", 40)])
ctx_rule("snyk-api-token", "Snyk API token", r"snyk",
         r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", ["snyk"], U, ["SNYK_TOKEN", "snyk_api_key"])
ctx_rule("codecov-token", "Codecov upload token", r"codecov",
         r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", ["codecov"], U, ["CODECOV_TOKEN", "codecov_token"])
ctx_rule("travis-ci-token", "Travis CI access token", r"travis", r"[A-Za-z0-9_-]{22}", ["travis"],
         [("b64url", 22)], ["TRAVIS_API_TOKEN", "travis_token"], entropy=3.5)
R("sourcegraph-access-token", "Sourcegraph access token", r"\b(sgp_(?:[a-fA-F0-9]{16}_)?[a-fA-F0-9]{40})\b", ["sgp_"],
  tok=["sgp_", ("hex", 16), "_", ("hex", 40)], entropy=3.0)
R("harness-api-key", "Harness API key", r"\b(pat\.[A-Za-z0-9_-]{22}\.[a-f0-9]{24}\.[A-Za-z0-9]{20})\b", ["pat."],
  tok=["pat.", ("b64url", 22), ".", ("hex", 24), ".", ("alnum", 20)])
R("octopus-deploy-api-key", "Octopus Deploy API key", r"\b(API-[A-Z0-9]{26})\b", ["api-"],
  tok=["API-", ("upper", 26)], entropy=3.5)
R("dbt-cloud-token", "dbt Cloud token", r"\b(dbt[cu]_[A-Za-z0-9_-]{40,80})" + END, ["dbtc_", "dbtu_"],
  tok=["dbtc_", ("b64url", 48)])
R("postman-api-key", "Postman API key", r"\b(PMAK-[a-f0-9]{24}-[a-f0-9]{34})\b", ["pmak-"],
  tok=["PMAK-", ("hex", 24), "-", ("hex", 34)])
R("prefect-api-key", "Prefect API key", r"\b(pnu_[A-Za-z0-9]{36})\b", ["pnu_"], tok=["pnu_", ("alnum", 36)])
R("readme-api-key", "ReadMe API key", r"\b(rdme_[a-z0-9]{70})\b", ["rdme_"], tok=["rdme_", ("lower", 70)])
R("clojars-deploy-token", "Clojars deploy token", r"\b(CLOJARS_[a-z0-9]{60})\b", ["clojars_"],
  tok=["CLOJARS_", ("lower", 60)])

# ---------------------------------------------------------------- package registries
R("npm-access-token", "npm access token", r"\b(npm_[A-Za-z0-9]{36})\b", ["npm_"], tok=["npm_", ("alnum", 36)],
  sev="critical", entropy=3.0)
R("npmrc-auth-token", "npm registry auth token in .npmrc", r"//[^\s:]{1,200}/:_authToken=([A-Za-z0-9._~+/=-]{20,})",
  ["_authtoken"], tok=[("b64url", 40)], forms=["//registry.npmjs.org/:_authToken={t}"], entropy=3.5,
  false=["//registry.npmjs.org/:_authToken=${NPM_TOKEN}"])
R("pypi-upload-token", "PyPI upload token",
  r"\b(pypi-(?:AgEIcHlwaS5vcmc|AgENdGVzdC5weXBpLm9yZw)[A-Za-z0-9_-]{50,300})" + END,
  ["pypi-ageichlwas5vcmc", "pypi-agendgvzdc5wexbplm9yzw"], tok=["pypi-AgEIcHlwaS5vcmc", ("b64url", 120)], sev="critical")
R("dockerhub-access-token", "Docker Hub access token", r"\b(dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,36})" + END,
  ["dckr_pat_", "dckr_oat_"], tok=["dckr_pat_", ("b64url", 27)], sev="critical")
R("docker-config-auth", "Registry credentials in a Docker config", r'''"auth"\s*:\s*"([A-Za-z0-9+/]{16,}={0,2})"''',
  ['"auth"'], tok=[("b64", 40)], entropy=3.5, forms=['{"auths": {"registry.acme.io": {"auth": "{t}"}}}'],
  false=['{"auths": {"registry.acme.io": {"auth": ""}}}'])
R("rubygems-api-key", "RubyGems API key", r"\b(rubygems_[a-f0-9]{48})\b", ["rubygems_"], tok=["rubygems_", ("hex", 48)])
R("nuget-api-key", "NuGet API key", r"\b(oy2[a-z0-9]{43})\b", ["oy2"], tok=["oy2", ("lower", 43)], entropy=3.5)
R("crates-io-token", "crates.io API token", r"\b(cio[A-Za-z0-9]{32})\b", ["cio"], tok=["cio", ("alnum", 32)], entropy=3.5)
R("artifactory-api-key", "JFrog Artifactory API key", r"\b(AKCp[A-Za-z0-9]{69})\b", ["akcp"], tok=["AKCp", ("alnum", 69)])
R("artifactory-reference-token", "JFrog Artifactory reference token", r"\b(cmVmdGtu[A-Za-z0-9]{56})\b", ["cmvmdgtu"],
  tok=["cmVmdGtu", ("alnum", 56)])
R("hex-pm-api-key", "Hex.pm API key", r"(?i)hex[\w.-]{0,20}(?:api[_.-]?)?key" + ASSIGN + r"([a-f0-9]{32})\b",
  ["hex"], tok=[("hex", 32)], forms=['HEX_API_KEY = "{t}"', "hex_key: {t}"])
R("gradle-publish-key", "Gradle plugin portal publish key",
  r"(?i)gradle\.publish\.(?:key|secret)\s*=\s*([A-Za-z0-9]{32})\b", ["gradle.publish."], tok=[("alnum", 32)],
  forms=["gradle.publish.key={t}", "gradle.publish.secret = {t}"], entropy=3.5)

# ---------------------------------------------------------------- messaging and chat
R("slack-bot-token", "Slack bot token", r"\b(xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24,34})\b", ["xoxb-"],
  tok=["xoxb-", ("digit", 12), "-", ("digit", 13), "-", ("alnum", 24)], sev="critical")
R("slack-user-token", "Slack user token", r"\b(xox[pe]-(?:[0-9]{10,13}-){3}[a-f0-9]{32})\b", ["xoxp-", "xoxe-"],
  tok=["xoxp-", ("digit", 12), "-", ("digit", 12), "-", ("digit", 13), "-", ("hex", 32)], sev="critical")
R("slack-app-token", "Slack app-level token", r"(?i)\b(xapp-\d-[A-Z0-9]{9,11}-\d{12,13}-[a-f0-9]{64})\b", ["xapp-"],
  tok=["xapp-1-A", ("upper", 10), "-", ("digit", 13), "-", ("hex", 64)])
R("slack-config-token", "Slack configuration access token", r"\b(xoxe\.xox[bp]-\d-[A-Za-z0-9]{163,166})\b", ["xoxe.xox"],
  tok=["xoxe.xoxp-1-", ("alnum", 164)])
R("slack-config-refresh-token", "Slack configuration refresh token", r"\b(xoxe-\d-[A-Za-z0-9]{146})\b", ["xoxe-"],
  tok=["xoxe-1-", ("alnum", 146)])
R("slack-legacy-token", "Slack legacy token", r"\b(xox[osar]-(?:\d+-){1,3}[A-Za-z0-9]{8,64})\b",
  ["xoxo-", "xoxs-", "xoxa-", "xoxr-"], tok=["xoxs-", ("digit", 10), "-", ("digit", 11), "-", ("alnum", 32)])
R("slack-webhook-url", "Slack incoming webhook URL",
  r"(https?://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9]{8,12}/[A-Za-z0-9]{8,12}/[A-Za-z0-9]{20,32})",
  ["hooks.slack.com"], tok=["https://hooks.slack.com/services/T", ("upper", 10), "/B", ("upper", 10), "/", ("alnum", 24)])
R("discord-bot-token", "Discord bot token",
  r"\b([MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})" + END, ["discord"],
  tok=["M", ("b64url", 25), ".", ("b64url", 6), ".", ("b64url", 38)], forms=['DISCORD_BOT_TOKEN="{t}"', "discord_token: {t}"])
R("discord-webhook-url", "Discord webhook URL",
  r"(https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]{17,20}/[A-Za-z0-9_-]{60,68})", ["/api/webhooks/"],
  tok=["https://discord.com/api/webhooks/", ("digit", 19), "/", ("b64url", 68)])
ctx_rule("discord-client-secret", "Discord OAuth client secret", r"discord[\w.-]{0,20}secret", r"[A-Za-z0-9_-]{32}",
         ["discord"], [("b64url", 32)], ["DISCORD_CLIENT_SECRET", "discord_secret"], entropy=3.5)
R("telegram-bot-token", "Telegram bot token", r"\b([0-9]{8,10}:AA[A-Za-z0-9_-]{33})" + END, [":aa"],
  tok=[("digit", 10), ":AA", ("b64url", 33)])
R("microsoft-teams-webhook", "Microsoft Teams incoming webhook URL",
  r"(https://[a-z0-9-]+\.webhook\.office\.com/webhookb2/[a-f0-9-]{36}@[a-f0-9-]{36}/IncomingWebhook/[a-f0-9]{32}/[a-f0-9-]{36})",
  ["webhook.office.com"], tok=["https://acme.webhook.office.com/webhookb2/"] + U + ["@"] + U + ["/IncomingWebhook/", ("hex", 32), "/"] + U)
R("google-chat-webhook", "Google Chat webhook URL",
  r"https://chat\.googleapis\.com/v1/spaces/[A-Za-z0-9_-]{8,20}/messages\?key=[A-Za-z0-9_-]{39}&token=([A-Za-z0-9_%=-]{40,80})",
  ["chat.googleapis.com"], tok=[("b64url", 43), "%3D"],
  forms=["url = https://chat.googleapis.com/v1/spaces/AAAAbcdEfgh/messages?key=AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI&token={t}"])
R("zapier-webhook-url", "Zapier webhook URL", r"(https://hooks\.zapier\.com/hooks/catch/[0-9]{5,10}/[a-z0-9]{6,10}/?)",
  ["hooks.zapier.com"], tok=["https://hooks.zapier.com/hooks/catch/", ("digit", 8), "/", ("lower", 7), "/"])
R("twilio-api-key", "Twilio API key SID", r"\b(SK[0-9a-f]{32})\b", ["sk"], tok=["SK", ("hex", 32)], sev="medium")
ctx_rule("twilio-auth-token", "Twilio auth token", r"twilio[\w.-]{0,20}(?:auth|secret|token)", r"[a-f0-9]{32}",
         ["twilio"], [("hex", 32)], ["TWILIO_AUTH_TOKEN", "twilio_secret"])
R("sendgrid-api-key", "SendGrid API key", r"\b(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})" + END, ["sg."],
  tok=["SG.", ("b64url", 22), ".", ("b64url", 43)], sev="critical")
R("mailgun-api-key", "Mailgun private API key", r"\b(key-[a-f0-9]{32})\b", ["key-"], tok=["key-", ("hex", 32)])
ctx_rule("mailgun-webhook-signing-key", "Mailgun webhook signing key", r"mailgun",
         r"[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}", ["mailgun"], [("hex", 32), "-", ("hex", 8), "-", ("hex", 8)],
         ["MAILGUN_SIGNING_KEY", "mailgun_webhook_key"])
R("mailchimp-api-key", "Mailchimp API key", r"\b([0-9a-f]{32}-us[0-9]{1,2})\b", ["-us"], tok=[("hex", 32), "-us14"])
R("brevo-api-key", "Brevo (Sendinblue) API key", r"\b(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b", ["xkeysib-"],
  tok=["xkeysib-", ("hex", 64), "-", ("alnum", 16)])
R("mailersend-api-token", "MailerSend API token", r"\b(mlsn\.[a-f0-9]{64})\b", ["mlsn."], tok=["mlsn.", ("hex", 64)])
R("resend-api-key", "Resend API key", r"\b(re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})\b", ["re_"],
  tok=["re_", ("alnum", 8), "_", ("alnum", 24)])
ctx_rule("postmark-server-token", "Postmark server token", r"postmark",
         r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", ["postmark"], U, ["POSTMARK_SERVER_TOKEN", "postmark_token"])
ctx_rule("mailjet-api-secret", "Mailjet API secret", r"mailjet[\w.-]{0,20}(?:secret|private)", r"[a-f0-9]{32}",
         ["mailjet"], [("hex", 32)], ["MAILJET_API_SECRET", "mailjet_secret"])
ctx_rule("messagebird-api-key", "MessageBird API key", r"messagebird|message[_-]bird", r"[A-Za-z0-9]{25}",
         ["messagebird", "message_bird", "message-bird"], [("alnum", 25)], ["MESSAGEBIRD_API_KEY", "messagebird_key"], entropy=3.5)
ctx_rule("pagerduty-api-key", "PagerDuty API key", r"pagerduty|pager[_-]duty", r"[A-Za-z0-9_+-]{20}",
         ["pagerduty", "pager_duty", "pager-duty"], [("alnum", 20)], ["PAGERDUTY_TOKEN", "pagerduty_api_key"], entropy=3.5)
ctx_rule("intercom-access-token", "Intercom access token", r"intercom", r"[A-Za-z0-9=_-]{60}",
         ["intercom"], [("b64url", 59), "="], ["INTERCOM_ACCESS_TOKEN", "intercom_token"], entropy=4.0)
ctx_rule("gitter-access-token", "Gitter access token", r"gitter", r"[a-f0-9]{40}", ["gitter"], [("hex", 40)],
         ["GITTER_TOKEN", "gitter_access_token"])
ctx_rule("twitch-api-token", "Twitch API token", r"twitch", r"[a-z0-9]{30}", ["twitch"], [("lower", 30)],
         ["TWITCH_CLIENT_SECRET", "twitch_token"], entropy=3.5)

R("facebook-page-access-token", "Facebook (Meta) access token", r"\b(EAA[A-Z0-9][A-Za-z0-9]{90,400})\b", ["eaa"],
  tok=["EAAM", ("alnum", 160)], entropy=4.0)
R("facebook-app-access-token", "Facebook app access token", r"\b([0-9]{15,16}\|[A-Za-z0-9_-]{27})" + END, ["facebook"],
  tok=[("digit", 16), "|", ("b64url", 27)], forms=['FACEBOOK_APP_TOKEN="{t}"', "facebook: {t}"])
ctx_rule("facebook-app-secret", "Facebook app secret", r"facebook|\bfb[_.-]", r"[a-f0-9]{32}", ["facebook", "fb_", "fb-", "fb."],
         [("hex", 32)], ["FACEBOOK_APP_SECRET", "fb_secret"])
ctx_rule("sonarqube-legacy-token", "SonarQube legacy token", r"sonar", r"[A-Za-z0-9]{40}", ["sonar"], [("alnum", 40)],
         ["SONAR_TOKEN", "sonar_login"], entropy=3.3)
ctx_rule("sourcegraph-legacy-token", "Sourcegraph legacy access token", r"sourcegraph", r"[a-fA-F0-9]{40}", ["sourcegraph"],
         [("hex", 40)], ["SOURCEGRAPH_TOKEN", "sourcegraph"])
R("nuget-config-password", "Cleartext password in a NuGet config", r"""(?i)<add\s+key=["'](?:ClearText)?Password["']\s+value=["']([^"']{4,128})["']""",
  ["<add"], tok=[("pw", 14)], forms=['<add key="ClearTextPassword" value="{t}" />', "<add key='Password' value='{t}' />"], entropy=2.5)
R("sidekiq-bundle-credentials", "Sidekiq Enterprise credentials for Bundler",
  r"""(?i)BUNDLE_(?:ENTERPRISE|GEMS)__CONTRIBSYS__COM["']?\s*[:=]\s*["']?([a-f0-9]{8}:[a-f0-9]{8})\b""", ["contribsys__com"],
  tok=[("hex", 8), ":", ("hex", 8)], forms=["BUNDLE_ENTERPRISE__CONTRIBSYS__COM: {t}", "export BUNDLE_GEMS__CONTRIBSYS__COM={t}"])

# ---------------------------------------------------------------- payments and commerce
R("stripe-live-secret-key", "Stripe live secret key", r"\b(sk_live_[A-Za-z0-9]{24,99})\b", ["sk_live_"],
  tok=["sk_live_", ("alnum", 24)], sev="critical", entropy=3.0)
R("stripe-test-secret-key", "Stripe test secret key", r"\b(sk_test_[A-Za-z0-9]{24,99})\b", ["sk_test_"],
  tok=["sk_test_", ("alnum", 24)], sev="low", entropy=3.0)
R("stripe-restricted-key", "Stripe restricted key", r"\b(rk_(?:live|test)_[A-Za-z0-9]{24,99})\b", ["rk_live_", "rk_test_"],
  tok=["rk_live_", ("alnum", 24)], entropy=3.0)
R("stripe-webhook-secret", "Stripe webhook signing secret", r"\b(whsec_[A-Za-z0-9]{32,64})\b", ["whsec_"],
  tok=["whsec_", ("alnum", 32)])
for pre, what in [("shpat", "access token"), ("shpca", "custom app access token"),
                  ("shppa", "private app access token"), ("shpss", "shared secret")]:
    R(f"shopify-{ {'shpat': 'access-token', 'shpca': 'custom-app-token', 'shppa': 'private-app-token', 'shpss': 'shared-secret'}[pre]}",
      f"Shopify {what}", rf"\b({pre}_[a-fA-F0-9]{{32}})\b", [pre + "_"], tok=[pre + "_", ("hex", 32)])
R("square-access-token", "Square access token", r"\b((?:EAAA|sq0atp-)[A-Za-z0-9_-]{22,60})" + END, ["eaaa", "sq0atp-"],
  tok=["EAAA", ("b64url", 60)], entropy=3.5)
R("square-oauth-secret", "Square OAuth secret", r"\b(sq0csp-[A-Za-z0-9_-]{43})" + END, ["sq0csp-"],
  tok=["sq0csp-", ("b64url", 43)])
R("braintree-access-token", "PayPal Braintree access token",
  r"\b(access_token\$(?:production|sandbox)\$[a-z0-9]{16}\$[a-f0-9]{32})\b", ["access_token$"],
  tok=["access_token$production$", ("lower", 16), "$", ("hex", 32)], sev="critical")
ctx_rule("braintree-private-key", "Braintree private key", r"braintree[\w.-]{0,20}private", r"[a-f0-9]{32}",
         ["braintree"], [("hex", 32)], ["BRAINTREE_PRIVATE_KEY", "braintree_private_key"])
ctx_rule("paypal-client-secret", "PayPal client secret", r"paypal[\w.-]{0,20}secret", r"[A-Za-z0-9_-]{64,90}",
         ["paypal"], [("b64url", 80)], ["PAYPAL_CLIENT_SECRET", "paypal_secret"], entropy=4.0)
R("plaid-access-token", "Plaid access token",
  r"\b(access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b",
  ["access-sandbox-", "access-development-", "access-production-"], tok=["access-production-"] + U)
ctx_rule("plaid-secret", "Plaid secret", r"plaid", r"[a-f0-9]{30}", ["plaid"], [("hex", 30)], ["PLAID_SECRET", "plaid_secret_key"])
R("flutterwave-secret-key", "Flutterwave secret key", r"\b(FLWSECK(?:_TEST)?-[a-h0-9]{32}-X)", ["flwseck"],
  tok=["FLWSECK_TEST-", ("hex", 32), "-X"])
R("shippo-api-token", "Shippo API token", r"\b(shippo_(?:live|test)_[a-f0-9]{40})\b", ["shippo_"],
  tok=["shippo_live_", ("hex", 40)])
R("easypost-api-key", "EasyPost API key", r"\b(EZ[AT]K[A-Za-z0-9]{54})\b", ["ezak", "eztk"], tok=["EZAK", ("alnum", 54)])
R("duffel-api-token", "Duffel API token", r"\b(duffel_(?:test|live)_[A-Za-z0-9_=-]{43})" + END, ["duffel_"],
  tok=["duffel_live_", ("b64url", 43)])
ctx_rule("gocardless-access-token", "GoCardless access token", r"gocardless", r"live_[A-Za-z0-9_=-]{40}",
         ["gocardless"], ["live_", ("b64url", 40)], ["GOCARDLESS_ACCESS_TOKEN", "gocardless_token"], entropy=3.5)
ctx_rule("coinbase-api-secret", "Coinbase API secret", r"coinbase[\w.-]{0,20}secret", r"[A-Za-z0-9+/=_-]{32,88}",
         ["coinbase"], [("b64", 64)], ["COINBASE_API_SECRET", "coinbase_secret"], entropy=4.0)
R("lob-api-key", "Lob API key", r"(?i)lob[\w.-]{0,20}(?:api[_.-]?)?key" + ASSIGN + r"((?:live|test)_[a-f0-9]{35})\b",
  ["lob"], tok=["live_", ("hex", 35)], forms=['LOB_API_KEY = "{t}"', "lob_key: {t}"])

# ---------------------------------------------------------------- AI and developer APIs
R("openai-api-key", "OpenAI API key",
  r"\b(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200})" + END, ["t3blbkfj"],
  tok=["sk-proj-", ("b64url", 74), "T3BlbkFJ", ("b64url", 74)], sev="critical")
R("anthropic-api-key", "Anthropic API key", r"\b(sk-ant-api03-[A-Za-z0-9_-]{93}AA)" + END, ["sk-ant-api03"],
  tok=["sk-ant-api03-", ("b64url", 93), "AA"], sev="critical")
R("anthropic-admin-key", "Anthropic admin API key", r"\b(sk-ant-admin01-[A-Za-z0-9_-]{93}AA)" + END, ["sk-ant-admin01"],
  tok=["sk-ant-admin01-", ("b64url", 93), "AA"], sev="critical")
R("huggingface-token", "Hugging Face access token", r"\b(hf_[A-Za-z]{34})\b", ["hf_"], tok=["hf_", ("alpha", 34)], entropy=3.5)
R("huggingface-org-token", "Hugging Face organization API token", r"\b(api_org_[A-Za-z]{34})\b", ["api_org_"],
  tok=["api_org_", ("alpha", 34)], entropy=3.5)
R("groq-api-key", "Groq API key", r"\b(gsk_[A-Za-z0-9]{52})\b", ["gsk_"], tok=["gsk_", ("alnum", 52)])
R("replicate-api-token", "Replicate API token", r"\b(r8_[A-Za-z0-9]{37})\b", ["r8_"], tok=["r8_", ("alnum", 37)])
R("perplexity-api-key", "Perplexity API key", r"\b(pplx-[A-Za-z0-9]{48})\b", ["pplx-"], tok=["pplx-", ("alnum", 48)])
R("xai-api-key", "xAI API key", r"\b(xai-[A-Za-z0-9]{80})\b", ["xai-"], tok=["xai-", ("alnum", 80)])
ctx_rule("cohere-api-key", "Cohere API key", r"cohere|\bco[_.-]api", r"[A-Za-z0-9]{40}", ["cohere", "co_api", "co-api"],
         [("alnum", 40)], ["COHERE_API_KEY", "cohere_key"], entropy=3.8)
ctx_rule("mistral-api-key", "Mistral API key", r"mistral", r"[A-Za-z0-9]{32}", ["mistral"], [("alnum", 32)],
         ["MISTRAL_API_KEY", "mistral_key"], entropy=3.8)
ctx_rule("deepseek-api-key", "DeepSeek API key", r"deepseek", r"sk-[a-f0-9]{32}", ["deepseek"], ["sk-", ("hex", 32)],
         ["DEEPSEEK_API_KEY", "deepseek_key"])
R("linear-api-key", "Linear API key", r"\b(lin_api_[A-Za-z0-9]{40})\b", ["lin_api_"], tok=["lin_api_", ("alnum", 40)])
R("linear-oauth-token", "Linear OAuth token", r"\b(lin_oauth_[a-f0-9]{64})\b", ["lin_oauth_"], tok=["lin_oauth_", ("hex", 64)])
R("notion-integration-token", "Notion integration token (secret_ format)", r"\b(secret_[A-Za-z0-9]{43})\b",
  ["secret_"], tok=["secret_", ("alnum", 43)], entropy=3.5)
R("notion-api-token", "Notion API token (ntn_ format)", r"\b(ntn_[0-9]{11}[A-Za-z0-9]{35})\b", ["ntn_"],
  tok=["ntn_", ("digit", 11), ("alnum", 35)])
R("airtable-pat", "Airtable personal access token", r"\b(pat[A-Za-z0-9]{14}\.[a-f0-9]{64})\b", ["pat"],
  tok=["pat", ("alnum", 14), ".", ("hex", 64)])
ctx_rule("airtable-api-key", "Airtable legacy API key", r"airtable", r"key[A-Za-z0-9]{14}", ["airtable"],
         ["key", ("alnum", 14)], ["AIRTABLE_API_KEY", "airtable_key"], entropy=3.3)
R("figma-pat", "Figma personal access token", r"\b(figd_[A-Za-z0-9_-]{40})" + END, ["figd_"], tok=["figd_", ("b64url", 40)])
R("contentful-pat", "Contentful personal access token", r"\b(CFPAT-[A-Za-z0-9_-]{43})" + END, ["cfpat-"],
  tok=["CFPAT-", ("b64url", 43)])
R("typeform-pat", "Typeform personal access token", r"\b(tfp_[A-Za-z0-9_.=-]{59})" + END, ["tfp_"], tok=["tfp_", ("b64url", 59)])
R("frameio-api-token", "Frame.io API token", r"\b(fio-u-[A-Za-z0-9_=-]{64})" + END, ["fio-u-"], tok=["fio-u-", ("b64url", 64)])
R("mapbox-secret-token", "Mapbox secret access token", r"\b(sk\.eyJ[A-Za-z0-9_-]{50,200}\.[A-Za-z0-9_-]{20,40})" + END,
  ["sk.eyj"], tok=["sk.eyJ1Ijoi", ("b64url", 60), ".", ("b64url", 22)])
ctx_rule("algolia-admin-key", "Algolia admin API key", r"algolia", r"[a-f0-9]{32}", ["algolia"], [("hex", 32)],
         ["ALGOLIA_ADMIN_KEY", "algolia_api_key"])
R("dynatrace-api-token", "Dynatrace API token", r"\b(dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64})\b", ["dt0c01."],
  tok=["dt0c01.", ("upper", 24), ".", ("upper", 64)])
R("grafana-api-key", "Grafana API key", r"\b(eyJrIjoi[A-Za-z0-9]{70,400}={0,2})", ["eyjrijoi"], tok=["eyJrIjoi", ("alnum", 90)])
R("grafana-cloud-token", "Grafana Cloud API token", r"\b(glc_[A-Za-z0-9+/]{32,400}={0,2})", ["glc_"],
  tok=["glc_", ("b64", 60)], entropy=4.0)
R("grafana-service-account-token", "Grafana service account token", r"\b(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})\b", ["glsa_"],
  tok=["glsa_", ("alnum", 32), "_", ("hex", 8)])
ctx_rule("datadog-api-key", "Datadog API key", r"datadog[\w.-]{0,20}api|\bdd[_.-]?api", r"[a-f0-9]{32}",
         ["datadog", "dd_api", "ddapi", "dd-api"], [("hex", 32)], ["DD_API_KEY", "datadog_api_key"])
ctx_rule("datadog-app-key", "Datadog application key", r"datadog[\w.-]{0,20}app|\bdd[_.-]?app", r"[a-f0-9]{40}",
         ["datadog", "dd_app", "ddapp", "dd-app"], [("hex", 40)], ["DD_APP_KEY", "datadog_application_key"])
R("newrelic-user-api-key", "New Relic user API key", r"\b(NRAK-[A-Z0-9]{27})\b", ["nrak-"], tok=["NRAK-", ("upper", 27)])
R("newrelic-insert-key", "New Relic insert key", r"\b(NRII-[A-Za-z0-9_-]{32})" + END, ["nrii-"], tok=["NRII-", ("b64url", 32)])
R("newrelic-license-key", "New Relic ingest license key", r"\b([a-f0-9]{36}NRAL)\b", ["nral"], tok=[("hex", 36), "NRAL"])
R("newrelic-browser-key", "New Relic browser key", r"\b(NRJS-[a-f0-9]{19})\b", ["nrjs-"], tok=["NRJS-", ("hex", 19)], sev="low")
R("sentry-org-token", "Sentry organization auth token", r"\b(sntrys_eyJ[A-Za-z0-9+/=_-]{60,300})", ["sntrys_"],
  tok=["sntrys_eyJpYXQiOjE3", ("b64url", 120)])
R("sentry-user-token", "Sentry user auth token", r"\b(sntryu_[a-f0-9]{64})\b", ["sntryu_"], tok=["sntryu_", ("hex", 64)])
ctx_rule("sentry-auth-token", "Sentry legacy auth token", r"sentry", r"[a-f0-9]{64}", ["sentry"], [("hex", 64)],
         ["SENTRY_AUTH_TOKEN", "sentry_token"])
ctx_rule("okta-api-token", "Okta API token", r"\bokta", r"00[A-Za-z0-9_-]{40}", ["okta"], ["00", ("b64url", 40)],
         ["OKTA_API_TOKEN", "okta_token"], entropy=3.8)
ctx_rule("auth0-client-secret", "Auth0 client secret", r"auth0[\w.-]{0,20}secret", r"[A-Za-z0-9_-]{64}", ["auth0"],
         [("b64url", 64)], ["AUTH0_CLIENT_SECRET", "auth0_secret"], entropy=4.0)
ctx_rule("launchdarkly-access-token", "LaunchDarkly access token", r"launchdarkly|launch[_-]darkly",
         r"(?:api|sdk|mob)-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}", ["launchdarkly", "launch_darkly"],
         ["api-"] + U, ["LAUNCHDARKLY_ACCESS_TOKEN", "launchdarkly_sdk_key"])
ctx_rule("hubspot-api-key", "HubSpot API key", r"hubspot",
         r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", ["hubspot"], U, ["HUBSPOT_API_KEY", "hubspot_key"])
R("hubspot-private-app-token", "HubSpot private app token", r"\b(pat-(?:na|eu)1-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})\b",
  ["pat-na1-", "pat-eu1-"], tok=["pat-na1-"] + U)
ctx_rule("zendesk-api-token", "Zendesk API token", r"zendesk", r"[A-Za-z0-9]{40}", ["zendesk"], [("alnum", 40)],
         ["ZENDESK_API_TOKEN", "zendesk_token"], entropy=3.8)
ctx_rule("segment-write-key", "Segment write key", r"segment[\w.-]{0,20}(?:write|key|token)", r"[A-Za-z0-9]{32}",
         ["segment"], [("alnum", 32)], ["SEGMENT_WRITE_KEY", "segment_token"], entropy=3.8)
ctx_rule("mixpanel-api-secret", "Mixpanel API secret", r"mixpanel[\w.-]{0,20}secret", r"[a-f0-9]{32}", ["mixpanel"],
         [("hex", 32)], ["MIXPANEL_API_SECRET", "mixpanel_secret"])
ctx_rule("asana-pat", "Asana personal access token", r"asana", r"[0-9]/[0-9]{16}:[A-Za-z0-9]{32}", ["asana"],
         ["1/", ("digit", 16), ":", ("alnum", 32)], ["ASANA_ACCESS_TOKEN", "asana_pat"], entropy=3.5)
ctx_rule("trello-api-token", "Trello API token", r"trello", r"[a-f0-9]{64}|ATTA[A-Za-z0-9_=-]{60,70}", ["trello"],
         [("hex", 64)], ["TRELLO_TOKEN", "trello_api_token"])
ctx_rule("kaggle-api-key", "Kaggle API key", r"kaggle", r"[a-f0-9]{32}", ["kaggle"], [("hex", 32)], ['"KAGGLE_KEY"', "kaggle_key"])
ctx_rule("twitter-api-secret", "Twitter / X API secret", r"twitter[\w.-]{0,20}secret|\bx[_.-]api[_.-]secret",
         r"[A-Za-z0-9]{45,50}", ["twitter", "x_api", "x-api"], [("alnum", 50)], ["TWITTER_API_SECRET", "twitter_consumer_secret"], entropy=4.0)
R("twitter-bearer-token", "Twitter / X bearer token", r"\bAAAAAAAAAAAAAAAAAAAAA([A-Za-z0-9%]{30,120})", ["aaaaaaaaaaaaaaaaaaaaa"],
  tok=[("alnum", 40), "%3D", ("alnum", 50)], forms=['TWITTER_BEARER = "AAAAAAAAAAAAAAAAAAAAA{t}"'], entropy=4.0)
ctx_rule("recaptcha-secret-key", "Google reCAPTCHA secret key", r"recaptcha", r"6L[A-Za-z0-9_-]{38}", ["recaptcha"],
         ["6L", ("b64url", 38)], ["RECAPTCHA_SECRET_KEY", "recaptcha_secret"], entropy=3.8)
R("salesforce-access-token", "Salesforce access token", r"\b(00D[A-Za-z0-9]{12}![A-Za-z0-9_.]{96})" + END, ["00d"],
  tok=["00D", ("alnum", 12), "!", ("alnum", 96)])
R("adafruit-io-key", "Adafruit IO key", r"\b(aio_[A-Za-z0-9]{28})\b", ["aio_"], tok=["aio_", ("alnum", 28)])
R("onepassword-service-account-token", "1Password service account token", r"\b(ops_eyJ[A-Za-z0-9+/=_-]{250,1200})",
  ["ops_eyj"], tok=["ops_eyJzaWduSW5BZGRyZXNzIjoi", ("b64url", 300)], sev="critical", window=2048)
R("onepassword-secret-key", "1Password account secret key",
  r"\b(A3-[A-Z0-9]{6}-[A-Z0-9]{11}-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})\b", ["a3-"],
  tok=["A3-", ("upper", 6), "-", ("upper", 11), "-", ("upper", 5), "-", ("upper", 5), "-", ("upper", 5)], sev="critical")
R("defined-networking-api-token", "Defined Networking API token", r"\b(dnkey-[a-z0-9=_-]{26}-[a-z0-9=_-]{52})" + END,
  ["dnkey-"], tok=["dnkey-", ("lower", 26), "-", ("lower", 52)])
R("dropbox-short-lived-token", "Dropbox short-lived access token", r"\b(sl\.[A-Za-z0-9_-]{130,160})" + END, ["sl."],
  tok=["sl.", ("b64url", 138)], entropy=4.0)
R("wakatime-api-key", "WakaTime API key", r"\b(waka_[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})\b",
  ["waka_"], tok=["waka_"] + U)
R("stytch-secret", "Stytch secret", r"\b(secret-(?:test|live)-[A-Za-z0-9_=-]{36})" + END, ["secret-test-", "secret-live-"],
  tok=["secret-live-", ("b64url", 36)])
R("sidekiq-enterprise-credentials", "Sidekiq Enterprise gem credentials",
  r"(https?://[a-f0-9]{8}:[a-f0-9]{8}@(?:gems|enterprise)\.contribsys\.com)", ["contribsys.com"],
  tok=["https://", ("hex", 8), ":", ("hex", 8), "@gems.contribsys.com"], forms=['source "{t}/" do'])
R("age-secret-key", "age encryption secret key", r"\b(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})\b",
  ["age-secret-key-1"], tok=["AGE-SECRET-KEY-1", ("bech", 58)], sev="critical", forms=["# {t}", "key: {t}"])

# ---------------------------------------------------------------- keys and tokens with standard formats
def pem(label, title, kw, sev="critical", extra=""):
    R(f"private-key-{label}", title,
      rf"-----BEGIN {kw} PRIVATE KEY-----\r?\n(?:[A-Za-z-]+:[^\r\n]*\r?\n)*(?:\r?\n)?((?:[A-Za-z0-9+/=]{{16,80}}\r?\n){{2,400}})-----END {kw} PRIVATE KEY-----",
      [f"begin {kw.lower()} private key"], sev=sev, multiline=True, window=16384, short=False,
      true=[f"-----BEGIN {kw} PRIVATE KEY-----\n%s\n-----END {kw} PRIVATE KEY-----"],
      false=[f"-----BEGIN {kw} PRIVATE KEY-----\n...\n-----END {kw} PRIVATE KEY-----",
             f"-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----"])


pem("rsa", "RSA private key", "RSA")
pem("dsa", "DSA private key", "DSA")
pem("ec", "EC private key", "EC")
pem("openssh", "OpenSSH private key", "OPENSSH")
pem("encrypted", "Encrypted PKCS#8 private key", "ENCRYPTED", sev="medium")
R("private-key-pkcs8", "PKCS#8 private key",
  r"-----BEGIN PRIVATE KEY-----\r?\n((?:[A-Za-z0-9+/=]{16,80}\r?\n){2,400})-----END PRIVATE KEY-----",
  ["begin private key"], sev="critical", multiline=True, window=16384, short=False,
  true=["-----BEGIN PRIVATE KEY-----\n%s\n-----END PRIVATE KEY-----"],
  false=["-----BEGIN PRIVATE KEY-----\n<redacted>\n-----END PRIVATE KEY-----"])
R("private-key-pgp", "PGP private key block",
  r"-----BEGIN PGP PRIVATE KEY BLOCK-----\r?\n(?:[A-Za-z-]+:[^\r\n]*\r?\n)*\r?\n?((?:[A-Za-z0-9+/=]{4,80}\r?\n){2,2000})(?:=[A-Za-z0-9+/]{4}\r?\n)?-----END PGP PRIVATE KEY BLOCK-----",
  ["begin pgp private key block"], sev="critical", multiline=True, window=16384, short=False,
  true=["-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n%s\n=Ab3x\n-----END PGP PRIVATE KEY BLOCK-----"],
  false=["-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nmQINBGExampleBlockOnly\n-----END PGP PUBLIC KEY BLOCK-----"])
R("private-key-putty", "PuTTY private key",
  r"PuTTY-User-Key-File-[23]: [a-z0-9-]+\r?\nEncryption: none\r?\n(?:[^\r\n]*\r?\n){1,4}?Private-Lines: \d+\r?\n((?:[A-Za-z0-9+/=]{4,80}\r?\n)+)",
  ["putty-user-key-file"], sev="critical", multiline=True, window=8192, short=False,
  true=["PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIL9y\nXq2bQ\nPrivate-Lines: 1\n%s\nPrivate-MAC: 1f2e"],
  false=["PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: aes256-cbc\nComment: deploy\nPrivate-Lines: 1\nAAAAIH\n"])
R("kubeconfig-client-key-data", "Kubernetes client key in a kubeconfig",
  r"client-key-data:\s*([A-Za-z0-9+/]{100,}={0,2})", ["client-key-data"], tok=["LS0tLS1CRUdJTi", ("b64", 200)],
  sev="critical", forms=["    client-key-data: {t}"], entropy=4.0)
R("wireguard-private-key", "WireGuard private key", r"(?i)PrivateKey\s*=\s*([A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=)",
  ["privatekey"], tok=[("b64", 42), "A="], forms=["PrivateKey = {t}"], entropy=4.0, sev="critical")
R("kubernetes-secret-data", "Data of a Kubernetes Secret manifest",
  r"(?:^|\n)[ \t]*(?:data|stringData):[ \t]*\r?\n(?:[ \t]*#[^\n]*\r?\n)*[ \t]+[\w.-]+:[ \t]*(?:[|>][-+]?[ \t]*\r?\n[ \t]+)?[\"']?([A-Za-z0-9+/]{8,}={0,2})[\"']?[ \t]*(?:\r?\n|$)",
  ["kind: secret", "type: kubernetes.io/", "type: opaque"], sev="medium", multiline=True, window=2048, short=False,
  true=["apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: %s\n" ,
        "apiVersion: v1\ndata:\n\ttoken: %s\nkind: Secret\nmetadata:\n\tname: api\n"],
  false=["apiVersion: v1\nkind: ConfigMap\ndata:\n  password: c2VjcmV0dmFsdWU=\n",
         "apiVersion: v1\nkind: Secret\nmetadata:\n  name: empty\ntype: Opaque\n"])
R("jwt", "JSON Web Token", r"\b(eyJ[A-Za-z0-9_-]{10,2000}\.eyJ[A-Za-z0-9_-]{10,8000}\.[A-Za-z0-9_-]{10,2000})" + END,
  ["eyj"], tok=["eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ", ("b64url", 60), ".", ("b64url", 43)], sev="medium", window=8192,
  false=["token = eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."])
R("bcrypt-password-hash", "bcrypt password hash", r"(\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53})", ["$2a$", "$2b$", "$2y$"],
  tok=["$2b$12$", ("bcrypt", 53)], sev="low", entropy=3.5)

# ---------------------------------------------------------------- credentials in URLs and config
URLPW = r"([^\s@/'\"`<>]{3,128})"
PLACEHOLDER_PW = r"(?i)^(?:pass(?:word)?|passwd|pwd|secret|changeme|\*+|x+|\.\.\.|user|admin|test|example|none|null|<[^>]*>|\$\{[^}]*\}|\$[A-Za-z_][A-Za-z0-9_]*|%[A-Za-z_]+%|\{\{[^}]*\}\}|:[a-z_]+|\[[^\]]*\])$|\}\}$|>$"
for id, title, scheme, kw in [
    ("postgres-url", "PostgreSQL connection URL with password", r"postgres(?:ql)?(?:\+[a-z0-9]+)?", ["postgres"]),
    ("mysql-url", "MySQL connection URL with password", r"mysql(?:\+[a-z0-9]+)?|mariadb", ["mysql", "mariadb"]),
    ("mongodb-url", "MongoDB connection URL with password", r"mongodb(?:\+srv)?", ["mongodb"]),
    ("redis-url", "Redis connection URL with password", r"rediss?", ["redis"]),
    ("amqp-url", "AMQP (RabbitMQ) URL with password", r"amqps?", ["amqp"]),
    ("mssql-url", "SQL Server connection URL with password", r"(?:mssql|sqlserver)(?:\+[a-z0-9]+)?", ["mssql", "sqlserver"]),
    ("basic-auth-url", "URL with an embedded password", r"(?:https?|ftps?|sftp|ssh|git|smtps?|ldaps?|imaps?)", ["://"]),
]:
    host = {"redis-url": "cache.internal:6379/0", "amqp-url": "mq.internal:5672/vhost"}.get(id, "db.internal:5432/app")
    user = "" if id == "redis-url" else "app_user"
    sch = {"postgres-url": "postgresql", "mysql-url": "mysql", "mongodb-url": "mongodb+srv", "redis-url": "redis",
           "amqp-url": "amqps", "mssql-url": "mssql+pyodbc", "basic-auth-url": "https"}[id]
    R(id, title, rf"(?i)\b(?:{scheme})://[^\s:/@'\"`<>]{{0,64}}:{URLPW}@[A-Za-z0-9._-]", kw, tok=[("pw", 20)],
      forms=[f'DATABASE_URL="{sch}://{user}:{{t}}@{host}"', f"url: {sch}://{user}:{{t}}@{host}"],
      allow={"regexes": [PLACEHOLDER_PW]}, entropy=2.5, sev="critical" if id != "basic-auth-url" else "high",
      false=[f"url = {sch}://{user}:password@{host}", f"url = {sch}://{user}:${{DB_PASSWORD}}@{host}",
             f"url = {sch}://{host}"])
R("jdbc-url-password", "JDBC URL with password", r"(?i)jdbc:[a-z0-9]+:[^\s'\"]{0,300}?[;?&]password=([^;&\s'\"]{3,128})",
  ["jdbc:"], tok=[("pw", 18)], forms=['url = "jdbc:sqlserver://db.internal:1433;databaseName=app;user=app;password={t};encrypt=true"'],
  allow={"regexes": [PLACEHOLDER_PW]}, entropy=2.5, false=["jdbc:postgresql://db/app?user=app&password=${DB_PASS}"])
R("connection-string-password", "Connection string with password", r"(?i)(?:^|[;\"'\s])(?:password|pwd)=([^;'\"\s]{4,128});",
  ["password=", "pwd="], tok=[("pw", 16)], forms=['"Server=tcp:sql.internal,1433;Database=app;User ID=app;Password={t};Encrypt=True;"'],
  allow={"regexes": [PLACEHOLDER_PW]}, entropy=2.5, false=['"Server=sql;Database=app;User ID=app;Password=;"'])
R("netrc-password", "Password in a .netrc entry", r"(?i)\bmachine\s+\S{1,200}\s+login\s+\S{1,200}\s+password\s+(\S{4,128})",
  ["machine"], tok=[("pw", 16)], forms=["machine api.acme.io login deploy password {t}"], allow={"regexes": [PLACEHOLDER_PW]}, entropy=2.5)
R("curl-user-password", "Password passed to curl -u", r"\bcurl\s(?:[^\n]|\\\n){0,400}?(?:-u|--user)[\s=]+['\"]?[^:\s'\"]{0,64}:([^\s'\"]{4,128})",
  ["curl"], tok=[("pw", 16)], multiline=True, window=1024, forms=["curl -sS -u deploy:{t} https://api.acme.io/v1/items", "curl -X POST https://api.acme.io/v1/items \\\n  -d @body.json \\\n  --user deploy:{t}"], allow={"regexes": [PLACEHOLDER_PW]}, entropy=2.5)
R("curl-auth-header", "Credential in a curl request header",
  r"(?i)\bcurl\s(?:[^\n]|\\\n){0,400}?(?:-H|--header)\s*[\"'](?:authorization|[\w-]{0,20}(?:api[_-]?key|token|secret|auth)[\w-]{0,20}):\s*(?:(?:bearer|token|basic|api-token)\s+)?([^\s\"']{8,200})[\"']",
  ["curl"], tok=[("b64url", 32)], multiline=True, window=1024, entropy=3.0, allow={"regexes": [PLACEHOLDER_PW]},
  forms=['curl -H "Authorization: Token {t}" https://api.acme.io/v1/items', "curl -X GET \\\n  -H 'X-Api-Key: {t}' https://api.acme.io/"],
  false=['curl -H "Authorization: Bearer $TOKEN" https://api.acme.io/', 'curl -H "Content-Type: application/json" https://api.acme.io/'])
R("cli-password-flag", "Password passed on a command line", r"(?:docker|podman|helm|oras)\s+(?:registry\s+)?login\b[^\n]{0,200}?\s(?:-p|--password)[\s=]+['\"]?([^\s'\"]{4,128})",
  ["login"], tok=[("pw", 16)], forms=["docker login registry.acme.io -u ci -p {t}"], allow={"regexes": [PLACEHOLDER_PW]}, entropy=2.5,
  false=["docker login registry.acme.io -u ci -p $CI_REGISTRY_PASSWORD"])
R("http-basic-auth-header", "HTTP Basic authorization header", r"(?i)authorization[\"']?\s*[:=]\s*[\"']?basic\s+([A-Za-z0-9+/]{8,}={0,2})",
  ["basic"], tok=[("b64", 32), "=="], forms=['-H "Authorization: Basic {t}"', "headers = {{'Authorization': 'Basic {t}'}}"], entropy=3.5)
R("http-bearer-token-header", "HTTP bearer token in an authorization header",
  r"(?i)authorization[\"']?\s*[:=]\s*[\"']?bearer\s+([A-Za-z0-9._~+/-]{20,}=*)", ["bearer"], tok=[("b64url", 48)],
  forms=['-H "Authorization: Bearer {t}"', "authorization: bearer {t}"], entropy=3.5,
  false=['-H "Authorization: Bearer $TOKEN"', '"Authorization": "Bearer ${API_TOKEN}"'])

# ---------------------------------------------------------------- generic assignments (entropy-gated)
GVAL = r"([A-Za-z0-9!#$%%^&*+/=._~@-]{%d,%d})"
GEND = r"(?:[\"'`\s;,]|$)"
def generic(id, title, name_re, kw, lo, hi, entropy, tok, names, sev="medium", false=()):
    R(id, title, rf"(?i)(?:{name_re})[\w.-]{{0,20}}[\"']?\s*" + OP + (GVAL % (lo, hi)) + GEND,
      kw, tok=tok, forms=[f'{names[0]} = "{{t}}"', f"{names[1]}: {{t}}"], sev=sev, entropy=entropy, false=list(false))

generic("generic-password", "Password assignment", r"password|passwd|\bpwd", ["password", "passwd", "pwd"], 8, 80, 3.0,
        [("pw", 16)], ["DB_PASSWORD", "password"],
        false=['password = "hunter22"', "password: ${DB_PASSWORD}", 'password = get_password(user)',
               'password_field = "password_confirmation"', "password: '********'", 'PASSWORD_MIN_LENGTH = 12'])
generic("generic-secret", "Secret assignment", r"secret", ["secret"], 16, 100, 3.5, [("alnum", 32)],
        ["CLIENT_SECRET", "app_secret"], false=['secret_name = "prod-db-credentials"', "secret: {{ .Values.secret }}",
               "Depends: gir1.2-secret-1, gir1.2-totemplparser-1.0, gir1.2-soup-3.0"])
generic("generic-api-key", "API key assignment", r"api[_.-]?key|apikey|access[_.-]?key|auth[_.-]?key",
        ["api_key", "apikey", "api-key", "api.key", "access_key", "accesskey", "access-key", "access.key", "auth_key", "authkey",
         "auth-key", "auth.key"], 16, 100, 3.5,
        [("alnum", 32)], ["SERVICE_API_KEY", "apiKey"], false=['api_key = "YOUR_API_KEY_HERE"', 'api_key_header = "X-Api-Key"'])
generic("generic-token", "Token assignment", r"token", ["token"], 20, 200, 3.7, [("b64url", 40)],
        ["AUTH_TOKEN", "refresh_token"], false=['token_type = "bearer_access_token"', "token: <token>",
                                              'csrf_token_name = "csrfmiddlewaretoken"'])
generic("generic-credential", "Credential assignment", r"credential|creds\b|private[_.-]?key", ["credential", "creds", "private_key", "privatekey", "private-key", "private.key"],
        16, 100, 3.5, [("alnum", 32)], ["SERVICE_CREDENTIALS", "private_key"], false=['credentials_file = "/etc/app/creds.json"',
                  "Depends: python3:any, golang-docker-credential-helpers, python3-distutils"])


# ---------------------------------------------------------------- global allowlist
GLOBAL_ALLOW = {
    "paths": ["**/go.sum", "**/package-lock.json", "**/yarn.lock", "**/pnpm-lock.yaml", "**/Cargo.lock",
              "**/poetry.lock", "**/composer.lock", "**/Gemfile.lock", "**/*.svg"],
    "regexes": [
        r"(?i)example|sample|dummy|placeholder|changeme|change_me|redacted|your[_-]?(?:api[_-]?)?(?:key|token|secret|password)|insert[_-]?(?:your|key|token)|foobar|lorem|notreal|not[_-]real",
        r"(?i)x{8,}|\*{4,}|\.{3,}|0{12,}",
        r"^\$\{[^}]*\}$|^\{\{.*\}\}$|^<[^>]*>$|^\$[A-Za-z_][A-Za-z0-9_]*$|^%\([a-z_]+\)s$|^%[A-Za-z0-9_]+%$",
    ],
    "stopwords": [],
}
GENERIC_ALLOW = [r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$", r"^[a-z]+(?:[-_.][a-z0-9]+)*$|^[A-Z]+(?:[-_.][A-Z0-9]+)*$|^[A-Z]?[a-z]+(?:[A-Z][a-z]+)+$", r"^(?:/|\./|~/)",
                 r"(?i)\.(?:json|ya?ml|pem|key|txt|env|cfg|conf|ini|properties|crt|p12)$"]


# Open-ended length ranges: a shortened token is still a valid token.
NO_SHORT = {"google-oauth-access-token", "vault-service-token", "vault-batch-token", "vault-recovery-token",
            "slack-legacy-token", "openai-api-key", "twitter-bearer-token", "jwt", "postgres-url", "mysql-url",
            "mongodb-url", "amqp-url", "mssql-url", "jdbc-url-password", "redis-url", "basic-auth-url", "curl-auth-header"}


def pem_body(rng, lines=10, width=64, sep="\n"):
    return sep.join("".join(rng.choice(CS["b64"]) for _ in range(width)) for _ in range(lines))


def examples(r):
    rng = random.Random("strata:" + r["id"])
    trues, falses = [], []
    for t in r["true"]:
        if r["id"] == "gcp-service-account-private-key":
            t = t % ("".join(rng.choice(CS["hex"]) for _ in range(40)), pem_body(rng, 12, 64, "\\n"))
        elif r["id"] == "private-key-putty":
            t = t % pem_body(rng, 1, 64)
        elif r["id"] == "kubernetes-secret-data":
            t = t % (pem_body(rng, 1, 24) + "==")
        elif "%s" in t:
            t = t % pem_body(rng, 12)
        trues.append(t)
    if r["tok"]:
        forms = r["forms"] or ['{name} = "{t}"', "export {name}={t}"]
        name = r["id"].upper().replace("-", "_")
        for i, f in enumerate(forms[:2]):
            trues.append(f.replace("{name}", name).replace("{t}", gen(r["tok"], rng)))
        if r["short"] and r["id"] not in NO_SHORT:
            falses.append(forms[0].replace("{name}", name).replace("{t}", gen(r["tok"], rng, shrink=True)))
        placeholder = "".join(p if isinstance(p, str) else "x" * p[1] for p in r["tok"])
        falses.append(forms[0].replace("{name}", name).replace("{t}", placeholder))
        sample = gen(r["tok"], rng)
        if not any(k in sample.lower() for k in r["kw"]) and not any(k in forms[0].lower() for k in ["://"]):
            falses.append(f'checksum = "{sample}"')
    falses += r["false"]
    return trues, falses


def sq(s):
    if "\n" in s or any(ord(c) < 32 for c in s):
        import json
        return json.dumps(s)
    return "'" + s.replace("'", "''") + "'"


def allowed(secret, r):
    for rx in GLOBAL_ALLOW["regexes"] + ((r["allow"] or {}).get("regexes", [])):
        if re.search(rx, secret):
            return True
    return False


def entropy(s):
    import math
    b = s.encode()
    n = len(b)
    return -sum(c / n * math.log2(c / n) for c in (b.count(x) for x in set(b))) if n else 0


def fires(r, text):
    if not any(k in text.lower() for k in r["kw"]):
        return False
    rx = re.compile(r["regex"])
    for m in rx.finditer(text):
        g = r["group"] if r["group"] is not None else (1 if rx.groups else 0)
        sec = m.group(g)
        if not sec:
            continue
        if r["entropy"] and entropy(sec) < r["entropy"]:
            continue
        if allowed(sec, r):
            continue
        return True
    return False


def main():
    for r in RULES:
        if r["id"].startswith("generic-"):
            r["allow"] = {"regexes": GENERIC_ALLOW}
    ids = [r["id"] for r in RULES]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        sys.exit(f"duplicate ids: {dup}")
    problems = 0
    lines = ["# Strata built-in secret rules. Generated by scripts/secret-rules/gen_rules.py (edit the table there),",
             "# then embedded by scripts/embed-secret-rules.py. Format: docs/secrets.md.",
             "allowlist:",
             "  paths: [" + ", ".join(sq(p) for p in GLOBAL_ALLOW["paths"]) + "]",
             "  regexes:"] + [f"    - {sq(x)}" for x in GLOBAL_ALLOW["regexes"]] + ["rules:"]
    for r in RULES:
        trues, falses = examples(r)
        for t in trues:
            if not fires(r, t):
                problems += 1
                print(f"[{r['id']}] true example does not fire: {t[:120]!r}")
        for f in falses:
            if fires(r, f):
                problems += 1
                print(f"[{r['id']}] false example fires: {f[:120]!r}")
        lines.append(f"  - id: {r['id']}")
        lines.append(f"    title: {sq(r['title'])}")
        lines.append(f"    severity: {r['sev']}")
        lines.append(f"    regex: {sq(r['regex'])}")
        if r["group"] is not None:
            lines.append(f"    secret-group: {r['group']}")
        lines.append("    keywords: [" + ", ".join(sq(k) for k in r["kw"]) + "]")
        if r["entropy"]:
            lines.append(f"    entropy: {r['entropy']}")
        if r["window"]:
            lines.append(f"    window: {r['window']}")
        if r["multiline"]:
            lines.append("    multiline: true")
        if r["allow"]:
            lines.append("    allowlist:")
            lines.append("      regexes:")
            lines += [f"        - {sq(x)}" for x in r["allow"]["regexes"]]
        if r["remediation"]:
            lines.append(f"    remediation: {sq(r['remediation'])}")
        lines.append("    examples:")
        lines.append("      true:")
        lines += [f"        - {sq(t)}" for t in trues]
        lines.append("      false:")
        lines += [f"        - {sq(f)}" for f in falses]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(RULES)} rules -> {OUT.relative_to(ROOT)}; {problems} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
