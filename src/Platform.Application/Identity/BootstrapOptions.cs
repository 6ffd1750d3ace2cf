namespace Platform.Application.Identity;

public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    /// <summary>Comma-separated emails; a user who registers with one of them is made an admin.</summary>
    public string AdminEmails { get; set; } = string.Empty;

    public bool IsAdminEmail(string normalizedEmail) =>
        AdminEmails.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(e => string.Equals(Domain.Identity.EmailAddress.Normalize(e), normalizedEmail, StringComparison.Ordinal));
}
