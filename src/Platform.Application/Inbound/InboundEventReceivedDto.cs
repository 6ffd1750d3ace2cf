namespace Platform.Application.Inbound;

/// <summary>The payload of <c>inbound.received</c>: which stored event to hand to its source's handler.</summary>
public sealed record InboundEventReceivedDto(Guid Id, string Source, string EventId, string Type);
