/// A non-repeatable directive appears once per location.
struct UniqueDirectivesPerLocation: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .directives(let dirs, _) = event else { return }
        var seen: Set<String> = []
        for dir in dirs where context.schema.directives[dir.name]?.isRepeatable != true {
            if !seen.insert(dir.name).inserted {
                context.report("The directive \"@\(dir.name)\" can only be used once at this location.", at: dir.position)
            }
        }
    }
}
