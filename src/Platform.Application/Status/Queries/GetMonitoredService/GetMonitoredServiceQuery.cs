using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Queries.GetMonitoredService;

[AllowAnonymousRequest]
public sealed record GetMonitoredServiceQuery(Guid ServiceId) : IQuery<MonitoredServiceDto>;
