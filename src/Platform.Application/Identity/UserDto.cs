using Platform.Application.Common.Messaging;
using Platform.Domain.Identity;

namespace Platform.Application.Identity;

public sealed record UserDto(Guid Id, string Email, string DisplayName, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt) : IHasId
{
    public static UserDto From(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new UserDto(user.Id, user.Email, user.DisplayName, [.. user.Roles], user.CreatedAt, user.DisabledAt);
    }
}
