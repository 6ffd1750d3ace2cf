using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Queries.GetServiceUptime;

public sealed record ServiceUptimeDto(UptimeServiceDto Service, IReadOnlyList<UptimeDayDto> Days, double? UptimePercent);
