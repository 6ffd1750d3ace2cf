using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Queries.ListMonitoredServices;

/// <summary>Every service with its current status, in page order (group, display order, name). Public.</summary>
[AllowAnonymousRequest]
public sealed record ListMonitoredServicesQuery : IQuery<IReadOnlyList<MonitoredServiceDto>>;
