/// Operand types of common builtins, checked at compile time against literal operands
/// (`{"a": 1} | {"b": 2}` is a `rego_type_error`, as in OPA). `|` separates alternatives; `any` accepts all.
enum Signatures {
    static let table: [String: [String]] = [
        "plus": ["number", "number"], "mul": ["number", "number"], "div": ["number", "number"], "rem": ["number", "number"],
        "minus": ["number|set", "number|set"], "and": ["set", "set"], "or": ["set", "set"],
        "abs": ["number"], "round": ["number"], "ceil": ["number"], "floor": ["number"],
        "count": ["array|object|set|string"], "sum": ["array|set"], "product": ["array|set"], "max": ["array|set"],
        "min": ["array|set"], "sort": ["array|set"],
        "concat": ["string", "array|set"], "contains": ["string", "string"], "startswith": ["string", "string"],
        "endswith": ["string", "string"], "lower": ["string"], "upper": ["string"], "split": ["string", "string"],
        "replace": ["string", "string", "string"], "substring": ["string", "number", "number"], "trim": ["string", "string"],
        "trim_space": ["string"], "trim_prefix": ["string", "string"], "trim_suffix": ["string", "string"],
        "indexof": ["string", "string"], "sprintf": ["string", "array"], "format_int": ["number", "number"],
        "array.concat": ["array", "array"], "array.slice": ["array", "number", "number"], "array.reverse": ["array"],
        "object.get": ["object", "any", "any"], "object.keys": ["object"], "object.union": ["object", "object"],
        "object.remove": ["object", "array|object|set"], "object.filter": ["object", "array|object|set"],
        "regex.match": ["string", "string"], "glob.match": ["string", "array|null", "string"],
        "base64.encode": ["string"], "base64.decode": ["string"], "json.unmarshal": ["string"],
        "time.parse_rfc3339_ns": ["string"], "time.parse_duration_ns": ["string"],
        "net.cidr_contains": ["string", "string"], "semver.compare": ["string", "string"],
        "numbers.range": ["number", "number"], "units.parse": ["string"], "units.parse_bytes": ["string"],
        "http.send": ["object"], "net.lookup_ip_addr": ["string"], "json.marshal_with_options": ["any", "object"],
    ]

    /// Result kinds of builtins whose result type is fixed, for the checker's type inference
    /// (`[1] == split(s, ",")` is a match error). Builtins returning an element or any value are absent.
    static let results: [String: String] = {
        var out: [String: String] = [:]
        func put(_ kind: String, _ names: String) { for n in names.split(separator: " ") { out[String(n)] = kind } }
        put("number", "count sum product abs round ceil floor plus mul div rem to_number indexof strings.count  "
            + "time.now_ns time.parse_rfc3339_ns time.parse_ns time.parse_duration_ns time.add_date units.parse  "
            + "units.parse_bytes bits.and bits.or bits.xor bits.negate bits.lsh bits.rsh semver.compare  "
            + "rand.intn")
        put("string", "concat lower upper sprintf substring trim trim_left trim_right trim_prefix trim_suffix  "
            + "trim_space replace strings.replace_n strings.reverse format_int json.marshal yaml.marshal  "
            + "base64.encode base64url.encode base64url.encode_no_pad hex.encode urlquery.encode  "
            + "urlquery.encode_object type_name crypto.md5 crypto.sha1 crypto.sha256 crypto.hmac.md5  "
            + "crypto.hmac.sha1 crypto.hmac.sha256 crypto.hmac.sha512 time.format glob.quote_meta regex.replace  "
            + "json.marshal_with_options")
        put("boolean", "equal neq lt lte gt gte startswith endswith contains is_string is_number is_boolean is_array  "
            + "is_set is_object is_null regex.match re_match regex.is_valid glob.match net.cidr_contains  "
            + "net.cidr_intersects net.cidr_is_valid semver.is_valid json.is_valid yaml.is_valid  "
            + "base64.is_valid strings.any_prefix_match strings.any_suffix_match object.subset  "
            + "regex.template_match regex.globs_match crypto.hmac.equal internal.member_2 internal.member_3")
        put("set", "intersection union object.keys and or graph.reachable net.cidr_expand")
        put("array<string>", "split regex.split regex.find_n")
        put("array", "array.concat array.slice array.reverse sort numbers.range numbers.range_step indexof_n time.date  "
            + "time.clock")
        put("object", "object.union object.union_n object.remove object.filter json.filter json.remove  "
            + "urlquery.decode_object")
        return out
    }()
}
