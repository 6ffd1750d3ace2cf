namespace Platform.Application.Identity;

/// <summary>
/// An access token and the refresh token that renews it (null in the body when it travels in a cookie). Never
/// stored, logged or replayed.
/// </summary>
public sealed record TokenDto(string AccessToken, string TokenType, int ExpiresIn, string? RefreshToken, Guid SessionId);
