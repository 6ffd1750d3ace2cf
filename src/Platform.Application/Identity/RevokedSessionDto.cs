namespace Platform.Application.Identity;

/// <summary>A session that was revoked, with whose it was and why (the payload of <c>sessions.refresh_reuse_detected</c>). No token.</summary>
public sealed record RevokedSessionDto(
    Guid Id,
    Guid UserId,
    string DeviceName,
    string? UserAgent,
    string? Ip,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUsedAt,
    DateTimeOffset RevokedAt,
    string RevokeReason);
