namespace Platform.Application.Inbound;

/// <summary>What an inbound route answers a provider: the stored event's id, and whether it had arrived before.</summary>
public sealed record InboundReceiptDto(Guid Id, bool Duplicate);
