using Platform.Domain.Email;

namespace Platform.Application.Email.Inbound;

/// <summary>
/// One provider's report about a message, in the common model: who reported it, its id at the provider, what
/// happened, to which address, when, the provider's message id (to find our message), and the provider's record as JSON.
/// </summary>
public sealed record ProviderEmailEvent(
    string Provider, string ProviderEventId, EmailEventKind Kind, string Recipient, DateTimeOffset OccurredAt, string? ProviderMessageId, string Raw);
