using Mapster;
using Platform.Domain.Identity;

namespace Platform.Application.Identity;

/// <summary>
/// Identity DTO maps. <see cref="UserDto"/> names what leaves the system; the password hash and the normalised
/// email have no member there, so they are never read or sent.
/// </summary>
internal sealed class IdentityMapping : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<User, UserDto>().Map(d => d.EmailVerified, s => s.EmailVerifiedAt != null);
}
