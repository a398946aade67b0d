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
}
