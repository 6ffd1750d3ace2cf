using Platform.Application.Common.Messaging;
using Platform.Domain.Email;

namespace Platform.Application.Email;

/// <summary>An address on the suppression list, shown in lower case (matching ignores case). Mapped in <see cref="EmailMapping"/>.</summary>
public sealed record EmailSuppressionDto(Guid Id, string Email, SuppressionReason Reason, string Source, string? Note, DateTimeOffset CreatedAt) : IHasId;
