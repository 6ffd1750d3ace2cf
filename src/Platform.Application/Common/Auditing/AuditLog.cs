using Platform.Application.Common.Interfaces;
using Platform.Domain.Common;

namespace Platform.Application.Common.Auditing;

/// <summary>
/// Audit rows a handler writes itself, for events that are not one successful command: sign-in attempts (which
/// also fail) and detected refresh-token reuse. Commands use <see cref="Messaging.IAuditedCommand"/> instead.
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
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Uuid7.Create(now),
            OccurredAt = now,
            ActorId = actorId ?? currentUser.UserId,
            ActorIp = currentUser.ClientIp,
            Action = action,
            ResourceType = resourceType,
            ResourceId = resourceId,
            Outcome = outcome,
            RequestId = requestContext.RequestId,
            TraceId = requestContext.TraceId,
            Changes = System.Text.Json.JsonSerializer.Serialize(changes, Messaging.ApplicationJson.Options),
        });
}
