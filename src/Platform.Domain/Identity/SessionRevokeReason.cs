namespace Platform.Domain.Identity;

/// <summary>Why a session ended; stored with it and shown to operators in the audit log.</summary>
public static class SessionRevokeReason
{
    public const string Logout = "logout";
    public const string RevokedByUser = "revoked_by_user";
    public const string SignedOutElsewhere = "signed_out_elsewhere";
    public const string PasswordChanged = "password_changed";
    public const string PasswordReset = "password_reset";
    public const string RefreshTokenReused = "refresh_token_reused";
    public const string AccountDisabled = "account_disabled";
    public const string RevokedByAdmin = "revoked_by_admin";
    public const string MfaEnabled = "mfa_enabled";
}
