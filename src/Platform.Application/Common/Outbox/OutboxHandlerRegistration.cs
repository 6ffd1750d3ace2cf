namespace Platform.Application.Common.Outbox;

/// <summary>That <see cref="HandlerType"/> handles outbox messages of <see cref="EventType"/>.</summary>
public sealed record OutboxHandlerRegistration(string EventType, Type HandlerType);
