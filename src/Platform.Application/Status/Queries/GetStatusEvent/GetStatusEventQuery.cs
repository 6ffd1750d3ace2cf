using Platform.Application.Common.Messaging;
using Platform.Application.Common.Security;

namespace Platform.Application.Status.Queries.GetStatusEvent;

[AllowAnonymousRequest]
public sealed record GetStatusEventQuery(Guid ServiceId, Guid EventId) : IQuery<StatusEventDto>;
