namespace Platform.Application.Identity;

/// <summary>The account mails that are requested through the outbox (<see cref="AccountMailRequestDto.Kind"/>).</summary>
public static class AccountMailKinds
{
    public const string EmailVerification = "email_verification";
    public const string EmailChange = "email_change";
    public const string PasswordReset = "password_reset";
    public const string OneTimeCode = "one_time_code";

    /// <summary>Notices about the account's second factor, mailed to its current address (<see cref="AccountMailRequestDto.UserId"/> is set).</summary>
    public const string MfaEnabled = "mfa_enabled";
    public const string MfaDisabled = "mfa_disabled";
    public const string MfaReset = "mfa_reset";
    public const string MfaRecoveryCodeUsed = "mfa_recovery_code_used";

    /// <summary>The kinds that are notices to a known account (they need <see cref="AccountMailRequestDto.UserId"/>).</summary>
    public static IReadOnlyList<string> MfaNotices { get; } = [MfaEnabled, MfaDisabled, MfaReset, MfaRecoveryCodeUsed];

    public static IReadOnlyList<string> All { get; } = [EmailVerification, EmailChange, PasswordReset, OneTimeCode, .. MfaNotices];
}
