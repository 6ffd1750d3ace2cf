using System.Text.Json;
using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>The snake_case names the API uses for status-page enums (<c>degraded_performance</c>, <c>in_progress</c>).</summary>
public static class StatusNames
{
    public static IReadOnlyList<string> ServiceStatuses { get; } = Names<ServiceStatus>();

    public static IReadOnlyList<string> IncidentStatuses { get; } = Names<IncidentStatus>();

    public static IReadOnlyList<string> Impacts { get; } = Names<IncidentImpact>();

    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static bool TryParse<T>(string? value, out T result)
        where T : struct, Enum
    {
        result = default;
        if (value is null || value.Length == 0 || !value.All(c => char.IsAsciiLetterLower(c) || c == '_'))
        {
            return false;
        }

        foreach (var candidate in Enum.GetValues<T>())
        {
            if (Of(candidate) == value)
            {
                result = candidate;
                return true;
            }
        }

        return false;
    }

    public static T Parse<T>(string value)
        where T : struct, Enum =>
        TryParse<T>(value, out var result) ? result : throw new ArgumentException($"Unknown {typeof(T).Name} '{value}'.", nameof(value));

    private static string[] Names<T>()
        where T : struct, Enum => [.. Enum.GetValues<T>().Select(v => Of(v))];
}
