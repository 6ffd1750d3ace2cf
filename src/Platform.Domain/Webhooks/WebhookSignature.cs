using System.Security.Cryptography;
using System.Text;

namespace Platform.Domain.Webhooks;

/// <summary>
/// The Standard Webhooks v1 signature: <c>v1,</c> and the base64 of HMAC-SHA256, keyed with the secret's decoded
/// bytes, over <c>{webhook-id}.{webhook-timestamp}.{body}</c>. During a rotation's grace period a message carries one
/// signature per secret, separated by spaces, newest secret first: some verifiers (StandardWebhooks 1.1.2 for .NET)
/// look at the first signature only, and an integrator who has already switched to the new secret must pass them.
/// </summary>
public static class WebhookSignature
{
    public const string Version = "v1";

    /// <summary>One signature, <c>v1,&lt;base64&gt;</c>.</summary>
    public static string Sign(WebhookSecret secret, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        if (messageId.Contains('.', StringComparison.Ordinal))
        {
            // The id is a delimiter-separated part of what is signed: a dot in it would let two messages sign alike.
            throw new ArgumentException("A webhook message id must not contain '.'.", nameof(messageId));
        }

        var prefix = Encoding.UTF8.GetBytes($"{messageId}.{timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        var content = new byte[prefix.Length + body.Length];
        prefix.CopyTo(content, 0);
        body.CopyTo(content.AsSpan(prefix.Length));
        return Version + "," + Convert.ToBase64String(HMACSHA256.HashData(secret.Key, content));
    }

    /// <summary>The <c>webhook-signature</c> header value: one signature per secret, in the order given (newest first).</summary>
    public static string Header(IReadOnlyList<WebhookSecret> secrets, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
        {
            throw new ArgumentException("At least one secret is needed to sign a message.", nameof(secrets));
        }

        var signatures = new string[secrets.Count];
        for (var i = 0; i < secrets.Count; i++)
        {
            signatures[i] = Sign(secrets[i], messageId, timestamp, body);
        }

        return string.Join(' ', signatures);
    }
}
