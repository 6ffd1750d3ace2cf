namespace Platform.Application.Operations;

/// <summary>A route (template) that answered with an error code, its status, and how often over the three windows.</summary>
public sealed record ErrorRouteCountDto(string Route, int Status, long LastFiveMinutes, long LastHour, long LastDay);
