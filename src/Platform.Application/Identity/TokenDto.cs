namespace Platform.Application.Identity;

/// <summary>An access token and the refresh token that renews it. Never stored, logged or replayed.</summary>
public sealed record TokenDto(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken, Guid SessionId);
