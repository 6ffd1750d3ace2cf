using Platform.Domain.Common;
using Platform.Domain.Identity.Events;

namespace Platform.Domain.Identity;

/// <summary>
/// A signed-in device: one refresh-token family. It ends when it is revoked, when it is not used for its idle
/// lifetime, or at its absolute lifetime, whichever comes first; using it pushes the idle expiry forward but never
/// past the absolute one.
/// </summary>
public sealed class UserSession : Entity
{
    public const int MaxDeviceNameLength = 100;
    public const int MaxUserAgentLength = 512;

    private UserSession()
    {
    }

    private UserSession(Guid id, Guid userId, string deviceName, string? userAgent, string? ip, DateTimeOffset now, SessionLifetimes lifetimes)
        : base(id)
    {
        UserId = userId;
        DeviceName = deviceName;
        UserAgent = userAgent;
        Ip = ip;
        CreatedAt = now;
        LastUsedAt = now;
        AbsoluteExpiresAt = now + lifetimes.Absolute;
        IdleExpiresAt = Min(now + lifetimes.Idle, AbsoluteExpiresAt);
    }

    public Guid UserId { get; private set; }

    public string DeviceName { get; private set; } = string.Empty;

    public string? UserAgent { get; private set; }

    public string? Ip { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastUsedAt { get; private set; }

    public DateTimeOffset IdleExpiresAt { get; private set; }

    public DateTimeOffset AbsoluteExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevokeReason { get; private set; }

    /// <summary>When the session ends if nothing else happens: the earlier of the idle and absolute expiry.</summary>
    public DateTimeOffset ExpiresAt => Min(IdleExpiresAt, AbsoluteExpiresAt);

    public static UserSession Start(Guid userId, string deviceName, string? userAgent, string? ip, DateTimeOffset now, SessionLifetimes lifetimes)
    {
        ArgumentNullException.ThrowIfNull(lifetimes);
        var name = string.IsNullOrWhiteSpace(deviceName) ? "Unknown device" : deviceName.Trim();
        return new UserSession(
            Uuid7.Create(now),
            userId,
            Truncate(name, MaxDeviceNameLength),
            userAgent is null ? null : Truncate(userAgent, MaxUserAgentLength),
            ip,
            now,
            lifetimes);
    }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;

    /// <summary>Records a use (a refresh): the idle expiry moves to <c>now + idle</c>, capped at the absolute expiry.</summary>
    public void Touch(DateTimeOffset now, TimeSpan idleLifetime, string? ip)
    {
        if (!IsActive(now))
        {
            throw new DomainException(IdentityErrorCodes.InvalidRefreshToken, "The session has ended.");
        }

        LastUsedAt = now;
        IdleExpiresAt = Min(now + idleLifetime, AbsoluteExpiresAt);
        Ip = ip ?? Ip;
    }

    /// <summary>Ends the session. Returns false when it was already revoked (the first reason is kept).</summary>
    public bool Revoke(DateTimeOffset now, string reason)
    {
        if (RevokedAt is not null)
        {
            return false;
        }

        RevokedAt = now;
        RevokeReason = reason;
        Raise(new SessionRevokedDomainEvent(this, reason, now));
        return true;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
