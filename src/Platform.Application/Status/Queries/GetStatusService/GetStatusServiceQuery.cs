using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Queries.GetStatusService;

[AllowAnonymousRequest]
public sealed record GetStatusServiceQuery(Guid ServiceId) : IQuery<StatusServiceDto>;
