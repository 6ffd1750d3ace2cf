using Platform.Application.Common.Interfaces;
using Platform.Domain.Common;

namespace Platform.Application.Common.Auditing;

/// <summary>
/// Adds an audit row for the current request: the actor, the client IP and the request and trace ids come from the
/// request's context. <see cref="Behaviours.AuditBehaviour{TRequest, TResponse}"/> uses it for audited commands;
/// handlers use it directly for events that are not one successful command: sign-in attempts (which also fail),
/// detected refresh-token reuse, and the maintenance job's transitions. Either way the changes are redacted by
/// <see cref="AuditEntry.Record"/>.
/// </summary>
internal static class AuditLog
{
    public static void Add(
        IPlatformDbContext db,
        ICurrentUser currentUser,
        IRequestContext requestContext,
        DateTimeOffset now,
        string action,
        string resourceType,
        Guid? resourceId,
        string outcome,
        object changes,
        Guid? actorId = null) =>
        db.AuditEntries.Add(AuditEntry.Record(
            now,
            actorId ?? currentUser.UserId,
            currentUser.ClientIp,
            action,
            resourceType,
            resourceId,
            outcome,
            requestContext.RequestId,
            requestContext.TraceId,
            changes));
}
