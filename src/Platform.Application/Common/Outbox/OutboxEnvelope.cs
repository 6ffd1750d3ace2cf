namespace Platform.Application.Common.Outbox;

/// <summary>One outbox message as a handler receives it. <see cref="Attempt"/> counts from 1.</summary>
public sealed record OutboxEnvelope(Guid Id, string Type, DateTimeOffset OccurredAt, string Payload, int Attempt);
