using System.Net.Mail;

namespace Platform.Domain.Identity;

/// <summary>Email rules: trimmed, at most 254 characters, compared case-insensitively through a normalised form.</summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    public static string Clean(string email) => email.Trim();

    public static string Normalize(string email) => Clean(email).ToUpperInvariant();

    public static bool IsValid(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var trimmed = Clean(email);
        if (trimmed.Length > MaxLength || trimmed.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        return MailAddress.TryCreate(trimmed, out var parsed)
            && string.Equals(parsed.Address, trimmed, StringComparison.Ordinal)
            && parsed.Host.Contains('.', StringComparison.Ordinal);
    }
}
