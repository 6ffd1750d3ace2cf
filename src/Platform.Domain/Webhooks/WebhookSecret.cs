using System.Security.Cryptography;

namespace Platform.Domain.Webhooks;

/// <summary>
/// An endpoint's signing secret in the Standard Webhooks form: <c>whsec_</c> and the base64 of the key bytes. New
/// secrets have 32 random bytes; <see cref="Parse"/> accepts the 24 to 64 bytes the specification allows, so its
/// published test vector (a 24-byte key) can be checked. <see cref="ToString"/> never shows the value, so a secret
/// that reaches a log line or an exception message by accident stays hidden.
/// </summary>
public sealed class WebhookSecret
{
    public const string Prefix = "whsec_";

    public const int GeneratedBytes = 32;

    public const int MinBytes = 24;

    public const int MaxBytes = 64;

    private readonly byte[] key;

    private WebhookSecret(byte[] key, string value)
    {
        this.key = key;
        Value = value;
    }

    /// <summary>The secret as shown to the integrator once: <c>whsec_</c> and base64.</summary>
    public string Value { get; }

    /// <summary>The HMAC key: the base64 part, decoded.</summary>
    public ReadOnlySpan<byte> Key => key;

    public static WebhookSecret Generate()
    {
        var bytes = RandomNumberGenerator.GetBytes(GeneratedBytes);
        return new WebhookSecret(bytes, Prefix + Convert.ToBase64String(bytes));
    }

    /// <exception cref="FormatException">The value is not <c>whsec_</c> and the base64 of 24 to 64 bytes.</exception>
    public static WebhookSecret Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new FormatException("A webhook secret starts with whsec_.");
        }

        var encoded = value.AsSpan(Prefix.Length);
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64Chars(encoded, buffer, out var length) || length is < MinBytes or > MaxBytes)
        {
            throw new FormatException($"A webhook secret is whsec_ and the base64 of {MinBytes} to {MaxBytes} bytes.");
        }

        return new WebhookSecret(buffer[..length], value);
    }

    public override string ToString() => Prefix + "[redacted]";
}
