namespace Platform.Domain.Identity;

/// <summary>
/// Every error code of the accounts, sign-in and sessions feature: the domain's rule violations and the application's answers (not found, conflicts).
/// Every code is listed in docs/errors.md; a published code is never renamed.
/// </summary>
public static class IdentityErrorCodes
{
    public const string InvalidCredentials = "auth.invalid_credentials";
    public const string InvalidRefreshToken = "auth.invalid_refresh_token";
    public const string RefreshTokenReused = "auth.refresh_token_reused";
    public const string SessionRevoked = "auth.session_revoked";
    public const string AccountDisabled = "auth.account_disabled";
    public const string LoginBackoff = "auth.login_backoff";
    public const string OtpInvalid = "auth.otp_invalid";
    public const string CsrfRequired = "auth.csrf_required";
    public const string EmailTaken = "auth.email_taken";
    public const string TokenInvalid = "auth.token_invalid";
    public const string EmailUnverified = "auth.email_unverified";
    public const string MfaRequired = "auth.mfa_required";
    public const string MfaEnrolmentRequired = "auth.mfa_enrolment_required";
    public const string MfaTokenInvalid = "auth.mfa_token_invalid";
    public const string MfaCodeInvalid = "auth.mfa_code_invalid";
    public const string MfaAlreadyEnabled = "auth.mfa_already_enabled";
    public const string MfaNotEnabled = "auth.mfa_not_enabled";
    public const string SessionNotFound = "sessions.not_found";
    public const string UserNotFound = "users.not_found";
    public const string CannotDisableSelf = "users.cannot_disable_self";
    public const string CannotResetOwnMfa = "users.cannot_reset_own_mfa";
    public const string LastAdmin = "users.last_admin";
    public const string RolesRequired = "users.roles_required";
    public const string UnknownRole = "users.unknown_role";
}
