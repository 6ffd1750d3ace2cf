namespace Platform.Application.Status.Queries.GetServiceUptime;

public sealed record UptimeDayDto(DateOnly Date, double? UptimePercent, Domain.Status.ServiceStatus WorstStatus);
