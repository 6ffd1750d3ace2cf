namespace Platform.Application.Identity;

public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Issuer and audience written into and required of access tokens.</summary>
    public string Issuer { get; set; } = "platform";

    public string Audience { get; set; } = "platform-api";

    /// <summary>HMAC-SHA256 signing key, base64, at least 32 bytes. Generated in Development when empty.</summary>
    public string SigningKey { get; set; } = string.Empty;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(30);
}
