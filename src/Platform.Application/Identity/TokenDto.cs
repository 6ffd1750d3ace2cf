using System.Text.Json.Serialization;

namespace Platform.Application.Identity;

/// <summary>
/// An access token and the refresh token that renews it (null in the body when it travels in a cookie). Never
/// stored, logged or replayed. <paramref name="RecoveryCodesRemaining"/> is sent only by a sign-in that used a
/// recovery code: how many of the account's codes are left.
/// </summary>
public sealed record TokenDto(
    string AccessToken,
    string TokenType,
    int ExpiresIn,
    string? RefreshToken,
    Guid SessionId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? RecoveryCodesRemaining = null);
