namespace Platform.Application.Identity;

/// <summary>The account mails that are requested through the outbox (<see cref="AccountMailRequestDto.Kind"/>).</summary>
public static class AccountMailKinds
{
    public const string EmailVerification = "email_verification";
    public const string EmailChange = "email_change";
    public const string PasswordReset = "password_reset";
    public const string OneTimeCode = "one_time_code";
}
