namespace Platform.Application.Identity;

/// <summary>How many sessions a revoke call ended (0 when they had already ended).</summary>
public sealed record RevocationResultDto(int RevokedSessions);
