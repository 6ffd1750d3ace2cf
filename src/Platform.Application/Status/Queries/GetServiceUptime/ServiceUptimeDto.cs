namespace Platform.Application.Status.Queries.GetServiceUptime;

public sealed record ServiceUptimeDto(UptimeServiceDto Service, IReadOnlyList<UptimeDayDto> Days, double? UptimePercent);
