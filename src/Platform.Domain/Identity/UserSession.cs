using Platform.Domain.Common;

namespace Platform.Domain.Identity;

/// <summary>
/// A signed-in device: one refresh-token family. Only the SHA-256 hash of the current refresh token is stored;
/// every refresh replaces it (rotation), so a presented token works once.
/// </summary>
public sealed class UserSession : Entity
{
    private UserSession()
    {
    }

    private UserSession(Guid id, Guid userId, string refreshTokenHash, DateTimeOffset now, DateTimeOffset expiresAt)
        : base(id)
    {
        UserId = userId;
        RefreshTokenHash = refreshTokenHash;
        CreatedAt = now;
        LastUsedAt = now;
        ExpiresAt = expiresAt;
    }

    public Guid UserId { get; private set; }

    public string RefreshTokenHash { get; private set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastUsedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public static UserSession Start(Guid userId, string refreshTokenHash, DateTimeOffset now, TimeSpan lifetime)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), "A session lifetime must be positive.");
        }

        return new UserSession(Guid.CreateVersion7(now), userId, refreshTokenHash, now, now + lifetime);
    }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>Replaces the refresh token; the previous one stops working.</summary>
    public void Rotate(string newRefreshTokenHash, DateTimeOffset now)
    {
        if (!IsActive(now))
        {
            throw new DomainException("auth.invalid_refresh_token", "The session has ended.");
        }

        RefreshTokenHash = newRefreshTokenHash;
        LastUsedAt = now;
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
