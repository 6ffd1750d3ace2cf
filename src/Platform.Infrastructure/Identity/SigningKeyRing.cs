using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Platform.Application.Identity;

namespace Platform.Infrastructure.Identity;

/// <summary>
/// The ES256 keys of <see cref="AuthOptions.SigningKeys"/>: the first signs new access tokens, all of them verify,
/// and their public halves form the JWKS document other services verify tokens with.
/// </summary>
public sealed class SigningKeyRing
{
    public SigningKeyRing(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var keys = new List<ECDsaSecurityKey>();
        foreach (var settings in options.Value.SigningKeys)
        {
            // Not disposed with the ring: Microsoft.IdentityModel caches signature providers per key across the
            // process, so a disposed key could be handed to a later ring with the same key material.
            var ecdsa = Load(settings);
            keys.Add(new ECDsaSecurityKey(ecdsa) { KeyId = settings.Id });
        }

        if (keys.Count == 0)
        {
            throw new InvalidOperationException("Auth:SigningKeys is empty: at least one signing key is required.");
        }

        VerificationKeys = keys;
        SigningCredentials = new SigningCredentials(keys[0], SecurityAlgorithms.EcdsaSha256);
        Jwks = BuildJwks(keys);
    }

    public SigningCredentials SigningCredentials { get; }

    public IReadOnlyList<SecurityKey> VerificationKeys { get; }

    /// <summary>The JWKS document (RFC 7517): public keys only.</summary>
    public string Jwks { get; }

    /// <summary>Checks one configured key; returns a message naming the problem, or null when it is usable.</summary>
    public static string? Validate(SigningKeySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (string.IsNullOrWhiteSpace(settings.Id) || settings.Id.Length > 64 || settings.Id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            return "each key needs an Id of 1-64 characters [A-Za-z0-9._-] (it becomes the token's kid).";
        }

        try
        {
            using var ecdsa = Load(settings);
            return null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException or InvalidOperationException)
        {
            return $"key '{settings.Id}' is not an EC P-256 private key in PKCS#8 PEM or base64 DER: {ex.Message}";
        }
    }

    /// <summary>A new EC P-256 private key as PKCS#8 PEM, for Development and tests.</summary>
    public static string GeneratePrivateKeyPem()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ecdsa.ExportPkcs8PrivateKeyPem();
    }

    private static ECDsa Load(SigningKeySettings settings)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            var text = settings.PrivateKey.Trim();
            if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
            {
                ecdsa.ImportFromPem(text);
            }
            else
            {
                ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(text), out _);
            }

            var parameters = ecdsa.ExportParameters(false);
            if (parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            {
                throw new InvalidOperationException("the curve must be P-256 (ES256).");
            }

            return ecdsa;
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }

    private static string BuildJwks(IEnumerable<ECDsaSecurityKey> keys)
    {
        var array = new JsonArray();
        foreach (var key in keys)
        {
            var p = key.ECDsa.ExportParameters(false);
            array.Add(new JsonObject
            {
                ["kty"] = "EC",
                ["crv"] = "P-256",
                ["x"] = Base64UrlEncoder.Encode(p.Q.X),
                ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
                ["kid"] = key.KeyId,
                ["use"] = "sig",
                ["alg"] = "ES256",
            });
        }

        return new JsonObject { ["keys"] = array }.ToJsonString();
    }
}
