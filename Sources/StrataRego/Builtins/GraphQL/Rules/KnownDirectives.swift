/// Directives must be defined and used where their definition allows (each misuse reported once).
struct KnownDirectives: GraphQLRule {
    private var seen: Set<String> = []

    mutating func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .directive(let dir, let location, let def) = event else { return }
        guard let def else {
            context.report("Unknown directive \"@\(dir.name)\".", at: dir.position)
            return
        }
        if def.locations.contains(location) { return }
        let key = "\(dir.name)@\(dir.position.line):\(dir.position.column)"
        if seen.insert(key).inserted {
            context.report("Directive \"@\(dir.name)\" may not be used on \(location).", at: dir.position)
        }
    }
}
