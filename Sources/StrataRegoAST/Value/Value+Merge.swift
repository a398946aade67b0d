extension Value {
    /// Deep-merges objects (for loading several data documents, as `opa eval -d a.json -d b.json` does).
    /// Returns nil when both sides define the same non-object key differently (a merge conflict).
    public func merging(_ other: Value) -> Value? {
        guard case .object(var mine) = self, case .object(let theirs) = other else {
            return self == other ? self : nil
        }
        for (k, v) in theirs {
            if let existing = mine[k] {
                guard let merged = existing.merging(v) else { return nil }
                mine[k] = merged
            } else {
                mine[k] = v
            }
        }
        return .object(mine)
    }

    /// `value` placed under `path` (`["a", "b"]` → `{"a": {"b": value}}`), for data files in directories.
    public static func nested(_ value: Value, under path: [String]) -> Value {
        path.reversed().reduce(value) { inner, key in .object([.string(key): inner]) }
    }
}
