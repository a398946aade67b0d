/// The parts of an OSV advisory that decide which versions are affected, as the evaluator takes
/// them. Decodable straight from advisory JSON; a database layer with its own OSV model maps its
/// `affected[]` entries to ``Entry`` (the names are nested so that they never clash with it).
extension OSVRangeEvaluator {
    /// One OSV `affected[]` entry: package, ranges and versions (OSV schema, "affected").
    public struct Entry: Sendable, Equatable, Decodable {
        public struct Package: Sendable, Equatable, Decodable {
            public let ecosystem: String
            public let name: String

            public init(ecosystem: String, name: String) {
                self.ecosystem = ecosystem
                self.name = name
            }
        }

        public let package: Package?
        public let ranges: [EventRange]
        public let versions: [String]

        public init(package: Package? = nil, ranges: [EventRange] = [], versions: [String] = []) {
            self.package = package
            self.ranges = ranges
            self.versions = versions
        }

        enum CodingKeys: String, CodingKey { case package, ranges, versions }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            package = try container.decodeIfPresent(Package.self, forKey: .package)
            ranges = try container.decodeIfPresent([EventRange].self, forKey: .ranges) ?? []
            versions = try container.decodeIfPresent([String].self, forKey: .versions) ?? []
        }
    }

    /// One OSV range: its type and its events, in file order.
    public struct EventRange: Sendable, Equatable, Decodable {
        public enum Kind: String, Sendable, Decodable {
            case semver = "SEMVER", ecosystem = "ECOSYSTEM", git = "GIT"
        }

        public let type: Kind
        public let events: [Event]

        public init(type: Kind, events: [Event]) {
            self.type = type
            self.events = events
        }
    }

    /// An OSV range event. `introduced: "0"` means "from the beginning"; `limit: "*"` means no limit.
    public enum Event: Sendable, Equatable, Decodable {
        case introduced(String)
        case fixed(String)
        case lastAffected(String)
        case limit(String)

        enum CodingKeys: String, CodingKey, CaseIterable { case introduced, fixed, lastAffected = "last_affected", limit }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let present = CodingKeys.allCases.filter { container.contains($0) }
            guard present.count == 1, let key = present.first else {
                throw DecodingError.dataCorruptedError(forKey: .introduced, in: container,
                                                       debugDescription: "an OSV event has exactly one of introduced, fixed, last_affected, limit")
            }
            let value = try container.decode(String.self, forKey: key)
            switch key {
            case .introduced: self = .introduced(value)
            case .fixed: self = .fixed(value)
            case .lastAffected: self = .lastAffected(value)
            case .limit: self = .limit(value)
            }
        }

        public var version: String {
            switch self {
            case .introduced(let v), .fixed(let v), .lastAffected(let v), .limit(let v): return v
            }
        }

        /// Order among events at the same version: fixed, introduced, last_affected, limit.
        var tieRank: Int {
            switch self {
            case .fixed: return 0
            case .introduced: return 1
            case .lastAffected: return 2
            case .limit: return 3
            }
        }
    }
}
