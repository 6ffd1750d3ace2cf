using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using OtpNet;
using Platform.Application.Identity;
using Platform.Domain.Identity;
using Platform.Infrastructure.Crypto;
using QRCoder;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// TOTP with Otp.NET (RFC 6238 with <see cref="MfaRules"/>' parameters) and QR codes with QRCoder, and the sealing of
/// secrets at rest (<see cref="SecretKeyRing"/>, bound to the user id). <c>Auth:MfaEncryptionKey</c> seals when it is
/// set, and a key derived from <c>Auth:SecretKey</c> otherwise; the derived key and
/// <c>Auth:PreviousMfaEncryptionKeys</c> always open what they sealed.
/// </summary>
internal sealed class TotpAuthenticator
{
    private static readonly byte[] DerivedKeyLabel = "platform-mfa-secrets-v1"u8.ToArray();

    private static readonly VerificationWindow Window = new(MfaRules.TotpDriftSteps, MfaRules.TotpDriftSteps);

    private readonly SecretKeyRing ring;

    private readonly string issuer;

    public TotpAuthenticator(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var derived = HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(settings.SecretKey), SecretKeyRing.KeyBytes, salt: [], info: DerivedKeyLabel);
        var configured = SecretKeyRing.DecodeKey(settings.MfaEncryptionKey, "Auth:MfaEncryptionKey");
        var previous = settings.PreviousMfaEncryptionKeys.Select((k, i) => SecretKeyRing.DecodeKey(k, $"Auth:PreviousMfaEncryptionKeys:{i}")!).Append(derived);
        ring = new SecretKeyRing(configured ?? derived, previous, "platform-mfa-secret-key-id"u8.ToArray(), "platform-mfa-secret", "TOTP secret", "Auth:MfaEncryptionKey, Auth:PreviousMfaEncryptionKeys and the key derived from Auth:SecretKey");
        issuer = settings.MfaIssuer;
    }

    /// <summary>A new random secret, sealed for <paramref name="userId"/>, and what an authenticator app needs to add it.</summary>
    public (string Sealed, TotpSetup Setup) Create(Guid userId, string accountName)
    {
        var secret = KeyGeneration.GenerateRandomKey(MfaRules.TotpSecretBytes);
        try
        {
            var base32 = Base32Encoding.ToString(secret);
            var uri = new OtpUri(OtpType.Totp, base32, accountName, issuer, OtpHashMode.Sha1, MfaRules.TotpDigits, MfaRules.TotpPeriodSeconds).ToString();
            var png = PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.M, 6);
            return (ring.Seal(secret, userId), new TotpSetup(base32, uri, png));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>The time step <paramref name="code"/> is right for, within the drift window around <paramref name="now"/>, or null.</summary>
    /// <exception cref="CryptographicException">The sealed secret does not open (altered, or sealed under a key this server does not hold).</exception>
    public long? MatchingStep(string sealedSecret, Guid userId, string code, DateTimeOffset now)
    {
        var secret = ring.Open(sealedSecret, userId);
        try
        {
            var totp = new Totp(secret, MfaRules.TotpPeriodSeconds, OtpHashMode.Sha1, MfaRules.TotpDigits);
            return totp.VerifyTotp(now.UtcDateTime, code, out var step, Window) ? step : null;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }

    /// <summary>The secret sealed again under the current key, or null when it already is.</summary>
    public string? Reseal(string sealedSecret, Guid userId)
    {
        if (ring.IsSealedWithCurrentKey(sealedSecret))
        {
            return null;
        }

        var secret = ring.Open(sealedSecret, userId);
        try
        {
            return ring.Seal(secret, userId);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
