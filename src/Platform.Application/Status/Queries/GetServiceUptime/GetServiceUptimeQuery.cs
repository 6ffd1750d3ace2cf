using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Queries.GetServiceUptime;

/// <summary>A service's daily uptime for the last <paramref name="Days"/> UTC days (today included), oldest first. Public.</summary>
[AllowAnonymousRequest]
public sealed record GetServiceUptimeQuery(string Slug, int Days = 90) : IQuery<ServiceUptimeDto>;

public sealed record UptimeServiceDto(Guid Id, string Slug, string Name);

public sealed record UptimeDayDto(DateOnly Date, double? UptimePercent, Domain.Status.ServiceStatus WorstStatus);

public sealed record ServiceUptimeDto(UptimeServiceDto Service, IReadOnlyList<UptimeDayDto> Days, double? UptimePercent);
