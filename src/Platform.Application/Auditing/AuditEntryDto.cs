using System.Text.Json;

namespace Platform.Application.Auditing;

public sealed record AuditEntryDto(
    Guid Id,
    DateTimeOffset OccurredAt,
    Guid? ActorId,
    string? ActorIp,
    string Action,
    string ResourceType,
    Guid? ResourceId,
    string Outcome,
    string? RequestId,
    string? TraceId,
    JsonElement Changes);
