namespace Platform.Application.Common.Inbound;

/// <summary>A stored inbound event, as its source's handler receives it.</summary>
public sealed record InboundEventContext(Guid Id, string Source, string EventId, string Type, string Payload, DateTimeOffset ReceivedAt);
