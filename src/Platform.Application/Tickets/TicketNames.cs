using Platform.Domain.Tickets;

namespace Platform.Application.Tickets;

/// <summary>The lower-case names the API uses for ticket statuses and priorities.</summary>
public static class TicketNames
{
    public static IReadOnlyList<string> Statuses { get; } = Enum.GetValues<TicketStatus>().Select(Of).ToArray();

    public static IReadOnlyList<string> Priorities { get; } = Enum.GetValues<TicketPriority>().Select(Of).ToArray();

    public static string Of(TicketStatus status) => status.ToString().ToLowerInvariant();

    public static string Of(TicketPriority priority) => priority.ToString().ToLowerInvariant();

    public static bool TryParseStatus(string? value, out TicketStatus status) => TryParse(value, out status);

    public static bool TryParsePriority(string? value, out TicketPriority priority) => TryParse(value, out priority);

    public static TicketStatus ParseStatus(string value) =>
        TryParse<TicketStatus>(value, out var s) ? s : throw new ArgumentException($"Unknown status '{value}'.", nameof(value));

    public static TicketPriority ParsePriority(string value) =>
        TryParse<TicketPriority>(value, out var p) ? p : throw new ArgumentException($"Unknown priority '{value}'.", nameof(value));

    private static bool TryParse<T>(string? value, out T result)
        where T : struct, Enum
    {
        result = default;
        return value is not null
            && value.All(char.IsAsciiLetterLower)
            && Enum.TryParse(value, ignoreCase: true, out result)
            && Enum.IsDefined(result);
    }
}
