using Platform.Domain.Status;

namespace Platform.Application.Status;

/// <summary>A service on the public page: its status now and its uptime history.</summary>
public sealed record StatusPageServiceDto(MonitoredServiceDto Service, UptimeReport Uptime, DateOnly UptimeFirstDay);
