namespace Platform.Application.Identity;

/// <summary>A waiting <c>mfa_token</c>: the account and the device the sign-in named.</summary>
public sealed record MfaChallenge(Guid UserId, string DeviceName, string? UserAgent);
