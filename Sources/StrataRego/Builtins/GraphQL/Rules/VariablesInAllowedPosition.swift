/// A variable's type must fit where it is used; a default (on the variable or on the argument)
/// lets a nullable variable stand where a non-null value is expected.
struct VariablesInAllowedPosition: GraphQLRule {
    func visit(_ event: GraphQLEvent, _ context: inout GraphQLRuleContext) {
        guard case .value(let tv) = event, tv.value.kind == .variable, tv.inOperation != nil,
              let expected = tv.expected, let variable = tv.variable else { return }
        var allowed = expected
        let variableHasDefault = variable.defaultValue.map { $0.kind != .null } ?? false
        if expected.nonNull, variableHasDefault || tv.expectedHasDefault { allowed = expected.nullable }
        if !GraphQLSchema.isCompatible(variable.type, allowed) {
            context.report("Variable \"$\(tv.value.raw)\" of type \"\(variable.type.text)\" used in position expecting type \"\(expected.text)\".",
                           at: tv.value.position)
        }
    }
}
