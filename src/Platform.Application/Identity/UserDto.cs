using Platform.Application.Common.Messaging;

namespace Platform.Application.Identity;

/// <summary>An account as the API shows it. Mapped in <see cref="IdentityMapping"/>.</summary>
public sealed record UserDto(Guid Id, string Email, bool EmailVerified, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt) : IHasId;
