namespace Platform.Application.Identity;

/// <summary>Whether an account signs in with a second factor, since when, and how many recovery codes it has left.</summary>
public sealed record MfaStatusDto(bool TotpEnabled, DateTimeOffset? EnabledAt, int RecoveryCodesRemaining, bool Required);
