namespace Platform.Application.Identity;

/// <summary>One signing key: its key id (<c>kid</c>) and its EC P-256 private key (PKCS#8 PEM, or its base64 DER).</summary>
public sealed class SigningKeySettings
{
    public string Id { get; set; } = string.Empty;

    public string PrivateKey { get; set; } = string.Empty;
}
