using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Queries.GetIncident;

[AllowAnonymousRequest]
public sealed record GetIncidentQuery(Guid IncidentId) : IQuery<IncidentDto>;
