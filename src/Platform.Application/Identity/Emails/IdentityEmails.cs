using Microsoft.Extensions.Options;
using Platform.Application.Common.Email;

namespace Platform.Application.Identity.Emails;

/// <summary>The account emails: their templates, names and wording, in one place.</summary>
internal sealed class IdentityEmails(IOptions<EmailOptions> options)
{
    public const string OneTimeCode = "one_time_code";
    public const string PasswordChanged = "password_changed";
    public const string RefreshReuse = "refresh_reuse_detected";
    public const string AccountDisabled = "account_disabled";

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
}
