using Microsoft.Extensions.Options;
using Platform.Application.Common.Email;

namespace Platform.Application.Identity.Emails;

/// <summary>The account emails: their templates, names and wording, in one place.</summary>
internal sealed class IdentityEmails(IOptions<EmailOptions> options, IOptions<AuthOptions> auth)
{
    public const string OneTimeCode = "one_time_code";
    public const string PasswordChanged = "password_changed";
    public const string RefreshReuse = "refresh_reuse_detected";
    public const string AccountDisabled = "account_disabled";
    public const string EmailVerification = "email_verification";
    public const string EmailChange = "email_change";
    public const string EmailChangeTaken = "email_change_taken";
    public const string EmailChanged = "email_changed";
    public const string PasswordReset = "password_reset";
    public const string MfaEnabled = "mfa_enabled";
    public const string MfaDisabled = "mfa_disabled";
    public const string MfaReset = "mfa_reset";
    public const string MfaRecoveryCodeUsed = "mfa_recovery_code_used";

    private string Product => options.Value.ProductName;

    public EmailContent OneTimeCodeMail(string displayName, string code, TimeSpan validFor) =>
        new EmailTemplate(Product, "Your sign-in code")
            .Paragraph($"Hello {displayName},")
            .Paragraph($"Use this code to sign in to {Product}. It works once, for {(int)validFor.TotalMinutes} minutes:")
            .Code(code)
            .Paragraph("If you did not ask for it, ignore this message: nobody can sign in without the code, and asking for a new one replaces it.")
            .Build();

    public EmailContent PasswordChangedMail(UserDto user, DateTimeOffset changedAt) =>
        new EmailTemplate(Product, "Your password was changed")
            .Paragraph($"Hello {user.DisplayName},")
            .Paragraph($"The password of your {Product} account ({user.Email}) was changed. Your other sessions were signed out.")
            .Facts(("When", EmailTemplate.Time(changedAt)))
            .Paragraph("If this was you, there is nothing to do. If it was not, reset your password at once and contact support.")
            .Build();

    public EmailContent RefreshReuseMail(string displayName, RevokedSessionDto session) =>
        new EmailTemplate(Product, "A session was signed out for your safety")
            .Paragraph($"Hello {displayName},")
            .Paragraph("A sign-in token of one of your sessions was used twice, which happens when it has been copied. We signed that session out.")
            .Facts(
                ("Device", session.DeviceName),
                ("Browser or app", session.UserAgent),
                ("IP address", session.Ip),
                ("Signed in", EmailTemplate.Time(session.CreatedAt)),
                ("Signed out", EmailTemplate.Time(session.RevokedAt)))
            .Paragraph("If you do not recognise this device, change your password and sign out your other sessions.")
            .Build();

    public EmailContent AccountDisabledMail(UserDto user, DateTimeOffset disabledAt) =>
        new EmailTemplate(Product, "Your account was disabled")
            .Paragraph($"Hello {user.DisplayName},")
            .Paragraph($"An administrator disabled your {Product} account ({user.Email}); every session of it was signed out.")
            .Facts(("When", EmailTemplate.Time(disabledAt)))
            .Paragraph("If you think this is a mistake, contact your administrator.")
            .Build();

    public EmailContent EmailVerificationMail(string displayName, string token, TimeSpan validFor) =>
        WithToken(
            new EmailTemplate(Product, "Confirm your email address")
                .Paragraph($"Hello {displayName},")
                .Paragraph($"Confirm that this address belongs to your {Product} account. The link and the code work once, for {Duration(validFor)}."),
            auth.Value.VerifyEmailUrl,
            "Confirm your address",
            token)
            .Paragraph("If you did not create an account, ignore this message: the address stays unconfirmed.")
            .Build();

    public EmailContent EmailChangeMail(string displayName, string currentEmail, string token, TimeSpan validFor) =>
        WithToken(
            new EmailTemplate(Product, "Confirm your new email address")
                .Paragraph($"Hello {displayName},")
                .Paragraph($"You asked to move your {Product} account from {currentEmail} to this address. It moves when you confirm, within {Duration(validFor)}."),
            auth.Value.VerifyEmailUrl,
            "Confirm the new address",
            token)
            .Paragraph("If you did not ask for this, ignore this message: nothing changes.")
            .Build();

    public EmailContent EmailChangeTakenMail() =>
        new EmailTemplate(Product, "Your email address was not changed")
            .Paragraph($"Someone signed in to {Product} asked to move their account to this address, but another account already uses it, so nothing changed.")
            .Paragraph("If that was you, sign in with this address instead. Otherwise, ignore this message.")
            .Build();

    public EmailContent EmailChangedMail(string displayName, string newEmail, DateTimeOffset changedAt) =>
        new EmailTemplate(Product, "Your email address was changed")
            .Paragraph($"Hello {displayName},")
            .Paragraph($"Your {Product} account now uses {newEmail}. Mail about the account goes there from now on.")
            .Facts(("When", EmailTemplate.Time(changedAt)))
            .Paragraph("If this was not you, contact support at once: someone may have your password.")
            .Build();

    public EmailContent PasswordResetMail(string displayName, string token, TimeSpan validFor) =>
        WithToken(
            new EmailTemplate(Product, "Reset your password")
                .Paragraph($"Hello {displayName},")
                .Paragraph($"Someone asked to reset the password of your {Product} account. The link and the code work once, for {Duration(validFor)}; a newer request replaces them."),
            auth.Value.ResetPasswordUrl,
            "Choose a new password",
            token)
            .Paragraph("If you did not ask for it, ignore this message: your password stays as it is.")
            .Build();

    /// <summary>The link (when <paramref name="urlTemplate"/> is set) and the token as a code to paste.</summary>
    public EmailContent MfaEnabledMail(string displayName, DateTimeOffset at) =>
        new EmailTemplate(Product, "Two-factor sign-in was turned on")
            .Paragraph($"Hello {displayName},")
            .Paragraph("An authenticator app was set up for your account: from now on, signing in asks for its code after your password.")
            .Facts(("When", EmailTemplate.Time(at)))
            .Paragraph("Keep your recovery codes somewhere safe. If this was not you, reset your password at once and contact support.")
            .Build();

    public EmailContent MfaDisabledMail(string displayName, DateTimeOffset at) =>
        new EmailTemplate(Product, "Two-factor sign-in was turned off")
            .Paragraph($"Hello {displayName},")
            .Paragraph("The authenticator app of your account was removed: signing in now needs only your password. Your recovery codes no longer work.")
            .Facts(("When", EmailTemplate.Time(at)))
            .Paragraph("If this was not you, reset your password at once, set up two-factor sign-in again and contact support.")
            .Build();

    public EmailContent MfaResetMail(string displayName, DateTimeOffset at) =>
        new EmailTemplate(Product, "Two-factor sign-in was reset by an administrator")
            .Paragraph($"Hello {displayName},")
            .Paragraph("An administrator removed the authenticator app and recovery codes of your account, as asked when a device and its codes are lost. Signing in now needs only your password until you set up an app again.")
            .Facts(("When", EmailTemplate.Time(at)))
            .Paragraph("If you did not ask for this, reset your password at once and contact support.")
            .Build();

    public EmailContent MfaRecoveryCodeUsedMail(string displayName, int remaining, DateTimeOffset at) =>
        new EmailTemplate(Product, "A recovery code was used to sign in")
            .Paragraph($"Hello {displayName},")
            .Paragraph($"One of your recovery codes was used to sign in. Each works once: you have {remaining} left.")
            .Facts(("When", EmailTemplate.Time(at)), ("Recovery codes left", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Paragraph(remaining <= 3
                ? "You are running low: turn two-factor sign-in off and on again to get ten new codes. If this was not you, reset your password at once."
                : "If this was not you, reset your password at once and contact support.")
            .Build();

    private static EmailTemplate WithToken(EmailTemplate template, string urlTemplate, string label, string token)
    {
        if (!string.IsNullOrWhiteSpace(urlTemplate))
        {
            template.Link(label, urlTemplate.Replace("{token}", Uri.EscapeDataString(token), StringComparison.Ordinal));
            template.Paragraph("Or paste this code where you are asked for it:");
        }
        else
        {
            template.Paragraph("Paste this code where you are asked for it:");
        }

        return template.Code(token);
    }

    private static string Duration(TimeSpan value) =>
        value.TotalHours >= 1 && value.TotalHours == Math.Floor(value.TotalHours)
            ? $"{(int)value.TotalHours} hour{(value.TotalHours == 1 ? string.Empty : "s")}"
            : $"{(int)Math.Ceiling(value.TotalMinutes)} minutes";
}
