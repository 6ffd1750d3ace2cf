using Platform.Application.Common.Outbox;

namespace Platform.Infrastructure.Outbox;

/// <summary>The handler types registered for each integration event type (<c>AddOutboxHandler</c>).</summary>
public sealed class OutboxHandlerRegistry(IEnumerable<OutboxHandlerRegistration> registrations)
{
    private readonly Dictionary<string, Type[]> handlers = registrations
        .GroupBy(r => r.EventType, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(r => r.HandlerType).Distinct().ToArray(), StringComparer.Ordinal);

    public IReadOnlyList<Type> For(string eventType) => handlers.TryGetValue(eventType, out var types) ? types : [];
}
