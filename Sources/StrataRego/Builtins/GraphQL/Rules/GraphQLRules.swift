/// The validation rules, in gqlparser's registration order (alphabetical by rule name), so that
/// errors on one node come out in the same order. A test checks every rule is listed once.
enum GraphQLRules {
    static var all: [any GraphQLRule] {
        [
            FieldsOnCorrectType(), FragmentsOnCompositeTypes(), KnownArgumentNames(), KnownDirectives(),
            KnownFragmentNames(), KnownRootType(), KnownTypeNames(), LoneAnonymousOperation(), NoFragmentCycles(),
            NoUndefinedVariables(), NoUnusedFragments(), NoUnusedVariables(), OverlappingFieldsCanBeMerged(),
            PossibleFragmentSpreads(), ProvidedRequiredArguments(), ScalarLeafs(), SingleFieldSubscriptions(),
            UniqueArgumentNames(), UniqueDirectivesPerLocation(), UniqueFragmentNames(), UniqueInputFieldNames(),
            UniqueOperationNames(), UniqueVariableNames(), ValuesOfCorrectType(), VariablesAreInputTypes(),
            VariablesInAllowedPosition(),
        ]
    }
}
