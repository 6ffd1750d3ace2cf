namespace Platform.Architecture.Tests.Rules;

/// <summary>Rule 3: handlers and validators are internal and sealed (they are found by scanning, never used by name).</summary>
public static class HandlerRules
{
    public static IReadOnlyList<Violation> FindPublicOrUnsealedHandlersAndValidators(IEnumerable<Type> types)
    {
        var list = types.ToList();
        return RequestRules.Handlers(list).Select(t => (Type: t, Kind: "handler"))
            .Concat(RequestRules.Validators(list).Select(t => (Type: t, Kind: "validator")))
            .SelectMany(entry => Problems(entry.Type, entry.Kind))
            .ToList();
    }

    private static IEnumerable<Violation> Problems(Type type, string kind)
    {
        if (!TypeFacts.IsInternal(type))
        {
            yield return new Violation(TypeFacts.Display(type), $"{kind} is public, must be internal");
        }

        if (!type.IsSealed)
        {
            yield return new Violation(TypeFacts.Display(type), $"{kind} is not sealed");
        }
    }
}
