namespace Platform.Architecture.Tests.Rules;

/// <summary>One breach of an architecture rule: what broke it (a type or assembly name) and how.</summary>
public sealed record Violation(string Subject, string Message)
{
    public override string ToString() => $"{Subject}: {Message}";

    /// <summary>Renders violations one per line, for assertion messages.</summary>
    public static string Describe(IEnumerable<Violation> violations) =>
        string.Join(Environment.NewLine, violations.Select(v => "  " + v));
}
