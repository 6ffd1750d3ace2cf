namespace Platform.Application.Common.Auditing;

/// <summary>One audited change: who did what to which resource, and from which request. Never holds secrets.</summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public Guid? ActorId { get; init; }

    public string? ActorIp { get; init; }

    public string Action { get; init; } = string.Empty;

    public string ResourceType { get; init; } = string.Empty;

    public Guid? ResourceId { get; init; }

    public string Outcome { get; init; } = AuditOutcome.Succeeded;

    public string? RequestId { get; init; }

    public string? TraceId { get; init; }

    /// <summary>The command's fields as JSON, with sensitive values replaced by "[redacted]".</summary>
    public string Changes { get; init; } = "{}";
}
