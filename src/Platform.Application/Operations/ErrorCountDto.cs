namespace Platform.Application.Operations;

/// <summary>One error code: problem responses that carried it over the last 5 minutes, hour and day, across all instances, and the routes that sent it.</summary>
public sealed record ErrorCountDto(string Code, long LastFiveMinutes, long LastHour, long LastDay, IReadOnlyList<ErrorRouteCountDto> Routes);
