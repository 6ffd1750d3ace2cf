using System.Text.Json;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Messaging;

namespace Platform.Application.Common.Outbox;

/// <summary>Adds integration events to the outbox, in the caller's unit of work.</summary>
internal static class OutboxWriter
{
    /// <summary>
    /// Adds an outbox row for <paramref name="type"/> whose payload is <paramref name="data"/> serialised as the API
    /// serialises it. Saved with the command's change; inserting it wakes every instance's dispatcher on commit.
    /// </summary>
    public static void AddIntegrationEvent<TData>(this IPlatformDbContext db, string type, TData data, DateTimeOffset occurredAt, DateTimeOffset now)
        where TData : notnull =>
        db.OutboxMessages.Add(OutboxMessage.Create(type, JsonSerializer.Serialize(data, ApplicationJson.Options), occurredAt, now));
}
