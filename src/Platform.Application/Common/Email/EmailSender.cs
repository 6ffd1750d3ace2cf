using System.Net.Mail;

namespace Platform.Application.Common.Email;

/// <summary>The <c>From</c> of every message, parsed from <c>Email:From</c>.</summary>
public sealed record EmailSender(string? Name, string Address)
{
    public static bool TryParse(string? value, out EmailSender sender)
    {
        sender = new EmailSender(null, string.Empty);
        if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsControl) || !MailAddress.TryCreate(value.Trim(), out var parsed))
        {
            return false;
        }

        sender = new EmailSender(string.IsNullOrWhiteSpace(parsed.DisplayName) ? null : parsed.DisplayName, parsed.Address);
        return true;
    }
}
