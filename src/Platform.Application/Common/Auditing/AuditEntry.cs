using Platform.Domain.Common;

namespace Platform.Application.Common.Auditing;

/// <summary>
/// One audited change: who did what to which resource, and from which request. Never holds secrets: the only way to
/// build one is <see cref="Record"/>, which redacts the changes, so no writer (a behaviour, a handler, a job) can
/// store them unredacted.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>For EF Core, which reads rows back.</summary>
    private AuditEntry()
    {
    }

    public Guid Id { get; private init; }

    public DateTimeOffset OccurredAt { get; private init; }

    public Guid? ActorId { get; private init; }

    public string? ActorIp { get; private init; }

    public string Action { get; private init; } = string.Empty;

    public string ResourceType { get; private init; } = string.Empty;

    public Guid? ResourceId { get; private init; }

    public string Outcome { get; private init; } = AuditOutcome.Succeeded;

    public string? RequestId { get; private init; }

    public string? TraceId { get; private init; }

    /// <summary>The changes as JSON, redacted by <see cref="AuditRedactor"/>.</summary>
    public string Changes { get; private init; } = "{}";

    /// <summary>
    /// A new row. <paramref name="changes"/> is any object with named values (a command, an anonymous object); it is
    /// serialised and redacted here.
    /// </summary>
    public static AuditEntry Record(
        DateTimeOffset occurredAt,
        Guid? actorId,
        string? actorIp,
        string action,
        string resourceType,
        Guid? resourceId,
        string outcome,
        string? requestId,
        string? traceId,
        object changes) =>
        new()
        {
            Id = Uuid7.Create(occurredAt),
            OccurredAt = occurredAt,
            ActorId = actorId,
            ActorIp = actorIp,
            Action = action,
            ResourceType = resourceType,
            ResourceId = resourceId,
            Outcome = outcome,
            RequestId = requestId,
            TraceId = traceId,
            Changes = AuditRedactor.Describe(changes),
        };
}
