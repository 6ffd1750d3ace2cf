using System.Text.Json;

namespace Platform.Application.Common.Messaging;

/// <summary>
/// The names enums have on the wire: snake_case (<c>degraded_performance</c>, <c>in_progress</c>, <c>high</c>), the
/// same names <see cref="ApplicationJson"/> writes for enum-typed DTO members. Commands take these names as strings
/// (so a wrong one is a validation error naming the allowed values, not a malformed body) and parse them here.
/// </summary>
public static class WireNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    /// <summary>Every name of <typeparamref name="T"/>, in declaration order (for validation messages and docs).</summary>
    public static IReadOnlyList<string> All<T>()
        where T : struct, Enum => Names<T>.Values;

    public static bool TryParse<T>(string? value, out T result)
        where T : struct, Enum
    {
        result = default;
        if (value is null || value.Length == 0 || !value.All(c => char.IsAsciiLetterLower(c) || c == '_'))
        {
            return false;
        }

        var index = Array.IndexOf(Names<T>.Values, value);
        if (index < 0)
        {
            return false;
        }

        result = Names<T>.Enums[index];
        return true;
    }

    public static T Parse<T>(string value)
        where T : struct, Enum =>
        TryParse<T>(value, out var result) ? result : throw new ArgumentException($"Unknown {typeof(T).Name} '{value}'.", nameof(value));

    private static class Names<T>
        where T : struct, Enum
    {
        public static readonly T[] Enums = Enum.GetValues<T>();

        public static readonly string[] Values = [.. Enums.Select(v => Of(v))];
    }
}
