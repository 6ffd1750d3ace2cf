using System.Security.Claims;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Security;

namespace Platform.Api.Http;

/// <summary>The signed-in user from the validated access token; anonymous when there is none (or no HTTP request, as in jobs).</summary>
internal sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    public Guid? UserId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(PlatformClaims.Subject), out var id) ? id : null;

    public IReadOnlyCollection<string> Roles =>
        accessor.HttpContext?.User.FindAll(PlatformClaims.Role).Select(c => c.Value).ToArray() ?? [];

    public Guid? SessionId =>
        Guid.TryParse(accessor.HttpContext?.User.FindFirstValue(PlatformClaims.Session), out var id) ? id : null;

    public string? ClientIp => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
