using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Paging;
using Platform.Application.Identity;
using Platform.Domain.Identity;
using Platform.Api.Http;
using Platform.Infrastructure.Configuration;
using Platform.Infrastructure.Identity;

namespace Platform.Api.Configuration;

/// <summary>
/// Binds and validates settings at start-up: a missing or invalid setting stops the process with a message that
/// names its key. Production needs a server secret, signing keys and HTTPS-only CORS origins; Development generates
/// the keys once and keeps them under the local data folder.
/// </summary>
internal static class StartupConfiguration
{
    public const int MinSecretKeyBytes = 32;

    public static void AddPlatformOptions(this WebApplicationBuilder builder, ILogger startupLogger)
    {
        var configuration = builder.Configuration;
        if (GeneratesMissingKeys(builder.Environment))
        {
            var configured = SettingsBinder.Bind<AuthOptions>(configuration, AuthOptions.SectionName, []);
            if (string.IsNullOrWhiteSpace(configured.SecretKey) || configured.SigningKeys.Count == 0)
            {
                DevelopmentKeys.Apply(builder, configured, startupLogger);
            }
        }

        var problems = Problems(configuration, builder.Environment);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException("Platform", typeof(AuthOptions), problems);
        }

        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var services = builder.Services;
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.SectionName));
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.SectionName));
        services.Configure<IdempotencyOptions>(configuration.GetSection(IdempotencyOptions.SectionName));
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.SectionName));
        services.Configure<RequestLimitsOptions>(configuration.GetSection(RequestLimitsOptions.SectionName));
        services.Configure<Platform.Application.Common.Inbound.InboundOptions>(configuration.GetSection(Platform.Application.Common.Inbound.InboundOptions.SectionName));
        services.Configure<CorsSettings>(configuration.GetSection(CorsSettings.SectionName));
        services.Configure<NetworkOptions>(configuration.GetSection(NetworkOptions.SectionName));
        services.Configure<Observability.ObservabilityOptions>(configuration.GetSection(Observability.ObservabilityOptions.SectionName));
        services.Configure<StatusPage.StatusPageOptions>(configuration.GetSection(StatusPage.StatusPageOptions.SectionName));

        // Cursors are MACed with a key derived from the server secret, so every instance accepts every cursor.
        var cursorKey = HMACSHA256.HashData(Convert.FromBase64String(auth.SecretKey), "platform-cursor-v1"u8);
        services.Configure<PagingOptions>(o => o.CursorKey = cursorKey);
        var fingerprintKey = HMACSHA256.HashData(Convert.FromBase64String(auth.SecretKey), "platform-idempotency-fingerprint-v1"u8);
        services.Configure<IdempotencyOptions>(o => o.FingerprintKey = fingerprintKey);

        // Stored responses that carry a secret are encrypted under a key derived (HKDF) from the same server secret.
        var responseKey = StoredResponse.DeriveKey(Convert.FromBase64String(auth.SecretKey));
        services.Configure<IdempotencyOptions>(o => o.ResponseKey = responseKey);
    }

    /// <summary>Development and Testing generate the server secret and signing keys when none are configured.</summary>
    public static bool GeneratesMissingKeys(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    /// <summary>
    /// Every problem with the <c>Auth</c>, <c>Bootstrap</c>, <c>Cors</c>, <c>RateLimiting</c>, <c>StatusPage</c>,
    /// <c>Network</c>, <c>Idempotency</c>, <c>RequestLimits</c>, <c>Observability</c> and <c>Inbound</c> settings, each naming its key and never a
    /// secret value. Start-up stops when there is one; <c>check-config</c> lists them all. Missing keys are not a
    /// problem where <see cref="GeneratesMissingKeys"/>, since start-up generates them there.
    /// </summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = new List<string>();
        var auth = SettingsBinder.Bind<AuthOptions>(configuration, AuthOptions.SectionName, problems);
        var generated = GeneratesMissingKeys(environment);
        if (string.IsNullOrWhiteSpace(auth.SecretKey))
        {
            if (!generated)
            {
                problems.Add("Auth:SecretKey is required outside Development: a base64 value of at least 32 random bytes (env Auth__SecretKey).");
            }
        }
        else if (ValidateSecretKey(auth.SecretKey) is { } keyError)
        {
            problems.Add(keyError);
        }

        if (auth.SigningKeys.Count == 0)
        {
            if (!generated)
            {
                problems.Add("Auth:SigningKeys is required outside Development: at least one { Id, PrivateKey } with an EC P-256 private key in PKCS#8 PEM (env Auth__SigningKeys__0__Id, Auth__SigningKeys__0__PrivateKey).");
            }
        }

        foreach (var (key, index) in auth.SigningKeys.Select((k, i) => (k, i)))
        {
            if (SigningKeyRing.Validate(key) is { } problem)
            {
                problems.Add($"Auth:SigningKeys:{index}: {problem}");
            }
        }

        if (auth.SigningKeys.Select(k => k.Id).Distinct(StringComparer.Ordinal).Count() != auth.SigningKeys.Count)
        {
            problems.Add("Auth:SigningKeys has two keys with the same Id.");
        }

        if (auth.AccessTokenLifetime <= TimeSpan.Zero || auth.SessionIdleLifetime <= TimeSpan.Zero || auth.SessionAbsoluteLifetime <= TimeSpan.Zero
            || auth.RefreshTokenOverlap < TimeSpan.Zero || auth.SessionRetention < TimeSpan.Zero || auth.SessionPruneBatchSize is < 1 or > 100_000)
        {
            problems.Add("Auth:AccessTokenLifetime, Auth:SessionIdleLifetime and Auth:SessionAbsoluteLifetime must be positive; Auth:RefreshTokenOverlap and Auth:SessionRetention zero or more; Auth:SessionPruneBatchSize 1-100000.");
        }

        if (auth.RefreshTokenOverlap > TimeSpan.FromMinutes(5))
        {
            problems.Add("Auth:RefreshTokenOverlap must be at most 5 minutes: it is a grace period for a lost response, not a second token.");
        }

        if (auth.PasswordMinimumScore is < 0 or > 4)
        {
            problems.Add("Auth:PasswordMinimumScore must be 0-4 (zxcvbn's scale; 3 is the default).");
        }

        foreach (var role in auth.RequireMfaForRoles.Where(r => !Role.IsKnown(r)))
        {
            problems.Add($"Auth:RequireMfaForRoles has '{role}', which is not a role ({string.Join(", ", Role.All)}).");
        }

        if (string.IsNullOrWhiteSpace(auth.MfaIssuer) || auth.MfaIssuer.Contains(':', StringComparison.Ordinal) || auth.MfaIssuer.Length > 64)
        {
            problems.Add("Auth:MfaIssuer must be a name of 1-64 characters without ':' (authenticator apps show it next to the account).");
        }

        if (!string.IsNullOrWhiteSpace(auth.MfaEncryptionKey) && !IsKey32(auth.MfaEncryptionKey))
        {
            problems.Add("Auth:MfaEncryptionKey must be the base64 of exactly 32 random bytes.");
        }

        foreach (var index in auth.PreviousMfaEncryptionKeys.Select((k, i) => (k, i)).Where(k => !IsKey32(k.k)).Select(k => k.i))
        {
            problems.Add($"Auth:PreviousMfaEncryptionKeys:{index} must be the base64 of exactly 32 random bytes.");
        }

        SettingsBinder.Bind<BootstrapOptions>(configuration, BootstrapOptions.SectionName, problems);

        var cors = SettingsBinder.Bind<CorsSettings>(configuration, CorsSettings.SectionName, problems);
        foreach (var origin in cors.AllowedOrigins)
        {
            // An origin is scheme://host[:port] exactly: browsers send it without a path, so "https://a.com/" never matches.
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"Cors:AllowedOrigins has '{origin}', which is not an origin such as https://app.example.com.");
            }
            else if (environment.IsProduction() && uri.Scheme != Uri.UriSchemeHttps)
            {
                problems.Add($"Cors:AllowedOrigins must be https:// in Production, not '{origin}'.");
            }
        }

        var limits = SettingsBinder.Bind<RateLimitOptions>(configuration, RateLimitOptions.SectionName, problems);
        foreach (var (name, policy) in limits.Tiers)
        {
            if (policy.PermitLimit < 1 || policy.WindowSeconds < 1)
            {
                problems.Add($"RateLimiting:{name}:PermitLimit and RateLimiting:{name}:WindowSeconds must be at least 1.");
            }
        }

        var statusPage = SettingsBinder.Bind<StatusPage.StatusPageOptions>(configuration, StatusPage.StatusPageOptions.SectionName, problems);
        if (statusPage.MaxAgeSeconds is < 0 or > 3600)
        {
            problems.Add("StatusPage:MaxAgeSeconds must be between 0 and 3600.");
        }

        if (statusPage.PublicUrl.Length > 0 && !Uri.TryCreate(statusPage.PublicUrl, UriKind.Absolute, out _))
        {
            problems.Add("StatusPage:PublicUrl must be an absolute URL such as https://status.example.com/status.");
        }

        var network = SettingsBinder.Bind<NetworkOptions>(configuration, NetworkOptions.SectionName, problems);
        foreach (var proxy in network.TrustedProxies)
        {
            if (!IPNetwork.TryParse(proxy, out _) && !IPAddress.TryParse(proxy, out _))
            {
                problems.Add($"Network:TrustedProxies has '{proxy}', which is neither an IP address nor a CIDR range such as 10.0.0.0/8.");
            }
        }

        var idempotency = SettingsBinder.Bind<IdempotencyOptions>(configuration, IdempotencyOptions.SectionName, problems);
        if (idempotency.KeyTtl <= TimeSpan.Zero)
        {
            problems.Add("Idempotency:KeyTtl must be positive.");
        }

        if (idempotency.CleanupBatchSize is < 1 or > 100_000)
        {
            problems.Add("Idempotency:CleanupBatchSize must be between 1 and 100000.");
        }

        var requestLimits = SettingsBinder.Bind<RequestLimitsOptions>(configuration, RequestLimitsOptions.SectionName, problems);
        if (requestLimits.MaxBodyBytes < 1)
        {
            problems.Add("RequestLimits:MaxBodyBytes must be at least 1.");
        }

        var observability = SettingsBinder.Bind<Observability.ObservabilityOptions>(configuration, Observability.ObservabilityOptions.SectionName, problems);
        problems.AddRange(observability.Problems());

        var inbound = SettingsBinder.Bind<Platform.Application.Common.Inbound.InboundOptions>(
            configuration, Platform.Application.Common.Inbound.InboundOptions.SectionName, problems);
        problems.AddRange(inbound.Problems());

        return problems;
    }

    private static bool IsKey32(string? value)
    {
        var buffer = new byte[value?.Length ?? 0];
        return value is not null && Convert.TryFromBase64String(value, buffer, out var length) && length == 32;
    }

    public static string? ValidateSecretKey(string value)
    {
        var buffer = new byte[value.Length];
        if (!Convert.TryFromBase64String(value, buffer, out var length))
        {
            return "Auth:SecretKey must be base64.";
        }

        return length < MinSecretKeyBytes ? $"Auth:SecretKey must decode to at least {MinSecretKeyBytes} bytes (it has {length})." : null;
    }
}
