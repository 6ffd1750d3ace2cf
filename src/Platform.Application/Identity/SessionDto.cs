namespace Platform.Application.Identity;

/// <summary>A live session as its owner sees it. Never carries a token or a token hash.</summary>
public sealed record SessionDto(
    Guid Id,
    string DeviceName,
    string? UserAgent,
    string? Ip,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUsedAt,
    DateTimeOffset ExpiresAt,
    bool IsCurrent);
