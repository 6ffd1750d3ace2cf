namespace Platform.Api.Configuration;

/// <summary>
/// Replaces every configured secret value in a text with <c>***</c>. The configuration messages never quote a
/// secret; this is the second line of defence for what <c>check-config</c> prints (an exception's text from a
/// library, a value quoted by the configuration binder).
/// </summary>
internal sealed class SecretRedactor
{
    public const string Mask = "***";

    private static readonly string[] SecretSuffixes =
        ["Secret", "SecretKey", "PrivateKey", "ApiKey", "Password", "EncryptionKey", "EncryptionKeys", "Token", "HEADERS"];

    private readonly string[] secrets;

    private SecretRedactor(string[] secrets) => this.secrets = secrets;

    /// <summary>The secret values in <paramref name="configuration"/>: connection strings and keys whose name ends like a secret.</summary>
    public static SecretRedactor From(IConfiguration configuration)
    {
        var values = new List<string>();
        foreach (var (key, value) in configuration.AsEnumerable())
        {
            if (string.IsNullOrEmpty(value) || !IsSecret(key))
            {
                continue;
            }

            values.Add(value);
            if (key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase) && PasswordOf(value) is { Length: > 0 } password)
            {
                values.Add(password);
            }
        }

        // Longest first, so a secret that contains another is masked whole.
        return new SecretRedactor([.. values.Distinct(StringComparer.Ordinal).OrderByDescending(v => v.Length)]);
    }

    public static bool IsSecret(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.StartsWith("ConnectionStrings:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // The name that owns the value: Auth:SigningKeys:0:PrivateKey -> PrivateKey, Webhooks:PreviousSecretEncryptionKeys:1 -> PreviousSecretEncryptionKeys.
        var name = key.Split(':').Reverse().FirstOrDefault(s => !s.All(char.IsAsciiDigit)) ?? key;
        return SecretSuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    private static string? PasswordOf(string connectionString)
    {
        try
        {
            var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
            return builder.TryGetValue("Password", out var password) ? password?.ToString() : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
