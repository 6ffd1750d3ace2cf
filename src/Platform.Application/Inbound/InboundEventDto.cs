using Platform.Application.Common.Messaging;
using Platform.Domain.Inbound;

namespace Platform.Application.Inbound;

/// <summary>A stored inbound event as admins see it, payload included (the body as the provider sent it).</summary>
public sealed record InboundEventDto(
    Guid Id,
    string Source,
    string EventId,
    string Type,
    InboundEventStatus Status,
    string? ContentType,
    string Payload,
    DateTimeOffset ReceivedAt,
    int Attempts,
    DateTimeOffset? ProcessedAt,
    string? Error) : IHasId;
