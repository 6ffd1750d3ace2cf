using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Queries.GetMaintenance;

[AllowAnonymousRequest]
public sealed record GetMaintenanceQuery(Guid MaintenanceId) : IQuery<MaintenanceDto>;
