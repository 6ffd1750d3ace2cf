using System.Text.Json;
using Platform.Application.Common.Messaging;

namespace Platform.Application.Outbox;

/// <summary>An outbox message as admins see it: the event, and where its dispatch stands.</summary>
public sealed record OutboxMessageDto(
    Guid Id,
    string Type,
    DateTimeOffset OccurredAt,
    string Status,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset? LockedUntil,
    string? LockedBy,
    string? LastError,
    DateTimeOffset? ProcessedAt,
    DateTimeOffset? FailedAt,
    JsonElement Payload) : IHasId;
