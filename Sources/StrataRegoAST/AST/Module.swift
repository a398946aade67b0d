/// A parsed Rego module.
public struct Module: Hashable, Sendable {
    public var file: String
    public var package: [String]
    public var packageLocation: Location
    public var imports: [Import]
    public var rules: [Rule]
    public var annotations: [Annotation]
    public var comments: [Comment]
    /// Parsed with Rego v1 rules (v1 mode, or `import rego.v1` in a v0-compatible parse); v1 adds compile checks.
    public var isV1: Bool = true

    public init(file: String, package: [String], packageLocation: Location, imports: [Import], rules: [Rule],
                annotations: [Annotation], comments: [Comment]) {
        self.file = file
        self.package = package
        self.packageLocation = packageLocation
        self.imports = imports
        self.rules = rules
        self.annotations = annotations
        self.comments = comments
    }
}

/// `import data.x.y as z`.
public struct Import: Hashable, Sendable {
    public var path: [String]
    public var alias: String?
    public var location: Location
    public init(path: [String], alias: String?, at location: Location) {
        self.path = path
        self.alias = alias
        self.location = location
    }

    /// The name the import binds in the module.
    public var boundName: String { alias ?? path.last ?? "" }
}

/// A `# METADATA` comment block: its scope and raw YAML text (parsed by the evaluator).
public struct Annotation: Hashable, Sendable {
    public var yaml: String
    public var location: Location
    public init(yaml: String, at location: Location) {
        self.yaml = yaml
        self.location = location
    }
}
