using Platform.Application.Common.Messaging;
using Platform.Domain.Email;

namespace Platform.Application.Email;

/// <summary>
/// One message as admins see it: who it went to, what it was, and how sending went. Never its content (it may carry
/// a sign-in code). <see cref="NextAttemptAt"/> is set only while it is pending. Mapped in <see cref="EmailMapping"/>.
/// </summary>
public sealed record EmailMessageDto(
    Guid Id,
    string Template,
    string Recipient,
    string Subject,
    EmailMessageStatus Status,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    string? LastError,
    string? Provider,
    string? ProviderMessageId,
    Guid? EventId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? FinishedAt) : IHasId;
