using System.Security.Cryptography;

namespace Platform.Testing;

/// <summary>
/// Keys shared by every host in one test process, so tokens signed by one API instance verify on another (as
/// they do in production, where every instance has the same configuration).
/// </summary>
public static class TestKeys
{
    public const string SecretKey = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    /// <summary>Seals webhook signing secrets in the application tests (the API tests derive one in Testing).</summary>
    public const string WebhookSecretEncryptionKey = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    public const string PrimaryId = "test-primary";

    public const string NextId = "test-next";

    public static string PrimaryPem { get; } = NewPem();

    /// <summary>A second key, for rotation tests.</summary>
    public static string NextPem { get; } = NewPem();

    public static IDictionary<string, string?> Settings() => new Dictionary<string, string?>
    {
        ["Auth:SecretKey"] = SecretKey,
        ["Auth:SigningKeys:0:Id"] = PrimaryId,
        ["Auth:SigningKeys:0:PrivateKey"] = PrimaryPem,
    };

    private static string NewPem()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ecdsa.ExportPkcs8PrivateKeyPem();
    }
}
