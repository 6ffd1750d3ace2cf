using System.Text.Json;
using Platform.Application.Common.Outbox;

namespace Platform.Application.Outbox;

internal static class OutboxMessageMapping
{
    /// <summary>The stored payload is JSON text; it is parsed here, after the query, since EF cannot build a JsonElement.</summary>
    public static OutboxMessageDto ToDto(this OutboxMessage m)
    {
        using var payload = JsonDocument.Parse(m.Payload);
        return new OutboxMessageDto(
            m.Id, m.Type, m.OccurredAt, m.Status, m.Attempts, m.NextAttemptAt, m.LockedUntil, m.LockedBy, m.LastError, m.ProcessedAt, m.FailedAt,
            payload.RootElement.Clone());
    }
}
