using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Paging;
using Platform.Application.Identity;
using Platform.Api.Http;

namespace Platform.Api.Configuration;

public sealed class CorsSettings
{
    public const string SectionName = "Cors";

    public string[] AllowedOrigins { get; set; } = [];
}

/// <summary>
/// Binds and validates settings at start-up: a missing or invalid setting stops the process with a message that
/// names its key. Production needs a real signing key and HTTPS-only CORS origins; Development generates what is
/// missing and says so.
/// </summary>
internal static class StartupConfiguration
{
    public const int MinSigningKeyBytes = 32;

    public static void AddPlatformOptions(this WebApplicationBuilder builder, ILogger startupLogger)
    {
        var configuration = builder.Configuration;
        var isDevelopment = builder.Environment.IsDevelopment();

        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        if (string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            if (!isDevelopment && !builder.Environment.IsEnvironment("Testing"))
            {
                throw new OptionsValidationException(
                    "Auth:SigningKey",
                    typeof(AuthOptions),
                    ["Auth:SigningKey is required outside Development: a base64 value of at least 32 random bytes (env Auth__SigningKey)."]);
            }

            auth.SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(MinSigningKeyBytes));
            configuration["Auth:SigningKey"] = auth.SigningKey;
            LogGeneratedKey(startupLogger);
        }

        var keyError = ValidateSigningKey(auth.SigningKey);
        if (keyError is not null)
        {
            throw new OptionsValidationException("Auth:SigningKey", typeof(AuthOptions), [keyError]);
        }

        if (auth.AccessTokenLifetime <= TimeSpan.Zero || auth.SessionLifetime <= TimeSpan.Zero)
        {
            throw new OptionsValidationException("Auth", typeof(AuthOptions), ["Auth:AccessTokenLifetime and Auth:SessionLifetime must be positive."]);
        }

        var cors = configuration.GetSection(CorsSettings.SectionName).Get<CorsSettings>() ?? new CorsSettings();
        foreach (var origin in cors.AllowedOrigins)
        {
            // An origin is scheme://host[:port] exactly: browsers send it without a path, so "https://a.com/" never matches.
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || !string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase))
            {
                throw new OptionsValidationException("Cors:AllowedOrigins", typeof(CorsSettings), [$"Cors:AllowedOrigins has '{origin}', which is not an origin such as https://app.example.com."]);
            }

            if (builder.Environment.IsProduction() && uri.Scheme != Uri.UriSchemeHttps)
            {
                throw new OptionsValidationException("Cors:AllowedOrigins", typeof(CorsSettings), [$"Cors:AllowedOrigins must be https:// in Production, not '{origin}'."]);
            }
        }

        var limits = configuration.GetSection(RateLimitOptions.SectionName).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (limits.Auth.PermitLimit < 1 || limits.Auth.WindowSeconds < 1)
        {
            throw new OptionsValidationException("RateLimiting:Auth", typeof(RateLimitOptions), ["RateLimiting:Auth:PermitLimit and RateLimiting:Auth:WindowSeconds must be at least 1."]);
        }

        var idempotency = configuration.GetSection(IdempotencyOptions.SectionName).Get<IdempotencyOptions>() ?? new IdempotencyOptions();
        if (idempotency.KeyTtl <= TimeSpan.Zero)
        {
            throw new OptionsValidationException("Idempotency:KeyTtl", typeof(IdempotencyOptions), ["Idempotency:KeyTtl must be positive."]);
        }

        if (idempotency.CleanupBatchSize is < 1 or > 100_000)
        {
            throw new OptionsValidationException("Idempotency:CleanupBatchSize", typeof(IdempotencyOptions), ["Idempotency:CleanupBatchSize must be between 1 and 100000."]);
        }

        var requestLimits = configuration.GetSection(RequestLimitsOptions.SectionName).Get<RequestLimitsOptions>() ?? new RequestLimitsOptions();
        if (requestLimits.MaxBodyBytes < 1)
        {
            throw new OptionsValidationException("RequestLimits:MaxBodyBytes", typeof(RequestLimitsOptions), ["RequestLimits:MaxBodyBytes must be at least 1."]);
        }

        var services = builder.Services;
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.SectionName));
        services.Configure<BootstrapOptions>(configuration.GetSection(BootstrapOptions.SectionName));
        services.Configure<IdempotencyOptions>(configuration.GetSection(IdempotencyOptions.SectionName));
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.SectionName));
        services.Configure<RequestLimitsOptions>(configuration.GetSection(RequestLimitsOptions.SectionName));
        services.Configure<CorsSettings>(configuration.GetSection(CorsSettings.SectionName));

        // Cursors are MACed with a key derived from the signing key, so every instance accepts every cursor.
        var cursorKey = HMACSHA256.HashData(Convert.FromBase64String(auth.SigningKey), "platform-cursor-v1"u8);
        services.Configure<PagingOptions>(o => o.CursorKey = cursorKey);
        var fingerprintKey = HMACSHA256.HashData(Convert.FromBase64String(auth.SigningKey), "platform-idempotency-fingerprint-v1"u8);
        services.Configure<IdempotencyOptions>(o => o.FingerprintKey = fingerprintKey);
    }

    public static string? ValidateSigningKey(string value)
    {
        var buffer = new byte[value.Length];
        if (!Convert.TryFromBase64String(value, buffer, out var length))
        {
            return "Auth:SigningKey must be base64.";
        }

        return length < MinSigningKeyBytes ? $"Auth:SigningKey must decode to at least {MinSigningKeyBytes} bytes (it has {length})." : null;
    }

    private static void LogGeneratedKey(ILogger logger) =>
        logger.LogWarning("Auth:SigningKey is not set: generated a random key for this process. Tokens will not survive a restart. Set Auth__SigningKey outside Development.");
}
