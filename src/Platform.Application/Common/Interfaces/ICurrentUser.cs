namespace Platform.Application.Common.Interfaces;

/// <summary>Who is making the current request. Anonymous callers have no user id; jobs run as the system.</summary>
public interface ICurrentUser
{
    Guid? UserId { get; }

    IReadOnlyCollection<string> Roles { get; }

    /// <summary>The session the access token belongs to (its <c>sid</c> claim), when signed in.</summary>
    Guid? SessionId => null;

    /// <summary>The client's IP address as the API saw it, when the request came over HTTP.</summary>
    string? ClientIp { get; }

    bool IsAuthenticated => UserId is not null;

    bool IsInRole(string role) => Roles.Contains(role, StringComparer.Ordinal);
}
