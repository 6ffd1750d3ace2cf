namespace Platform.Domain.Status;

/// <summary>
/// One UTC day of a service's uptime: the percentage (rounded down to 2 decimals; null when no time of the day
/// counted) and the most severe status the service held at any instant of the day.
/// </summary>
public sealed record UptimeDay(DateOnly Date, double? UptimePercent, ServiceStatus WorstStatus);
