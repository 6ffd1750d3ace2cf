using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Platform.Application.Webhooks;
using Platform.Domain.Webhooks;
using Platform.Infrastructure.Configuration;

namespace Platform.Api.Configuration;

/// <summary>
/// Binds and checks <c>Webhooks:*</c> at start-up, so a missing or malformed setting stops the process with a line
/// naming its key. <c>Webhooks:SecretEncryptionKey</c> is required outside Development; Development and Testing
/// derive one from <c>Auth:SecretKey</c> (HKDF with a label of its own) when it is not set, so secrets sealed in a
/// Development database open again after a restart. Production always requires <c>https://</c> URLs.
/// </summary>
internal static class WebhookStartupConfiguration
{
    public const int KeyBytes = 32;

    private static readonly byte[] DevelopmentKeyLabel = "platform-webhook-secrets-development-v1"u8.ToArray();

    /// <summary>Runs after the Auth settings are in place (it may derive from <c>Auth:SecretKey</c>).</summary>
    public static void AddWebhookOptions(this WebApplicationBuilder builder, ILogger startupLogger)
    {
        var configuration = builder.Configuration;
        var environment = builder.Environment;
        var problems = Problems(configuration, environment);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException("Webhooks", typeof(WebhookOptions), problems);
        }

        var section = configuration.GetSection(WebhookOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section["SecretEncryptionKey"]))
        {
            configuration["Webhooks:SecretEncryptionKey"] = DevelopmentKey(configuration["Auth:SecretKey"]!);
            if (environment.IsDevelopment())
            {
                startupLogger.LogWarning("Webhooks:SecretEncryptionKey is not set: using a key derived from Auth:SecretKey. Configure it outside Development.");
            }
        }

        var production = environment.IsProduction();
        builder.Services.Configure<WebhookOptions>(section);
        builder.Services.PostConfigure<WebhookOptions>(o => o.RequireHttps |= production);
    }

    /// <summary>
    /// Every problem with the <c>Webhooks</c> settings, each naming its key and never a secret value. Start-up stops
    /// when there is one; <c>check-config</c> lists them all. A missing encryption key is not a problem in
    /// Development and Testing, where start-up derives one.
    /// </summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = new List<string>();
        var webhooks = SettingsBinder.Bind<WebhookOptions>(configuration, WebhookOptions.SectionName, problems);

        if (string.IsNullOrWhiteSpace(webhooks.SecretEncryptionKey))
        {
            if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
            {
                problems.Add("Webhooks:SecretEncryptionKey is required outside Development: the base64 of 32 random bytes, the same on every instance (env Webhooks__SecretEncryptionKey). It seals the webhook signing secrets at rest.");
            }
        }
        else if (!IsKey(webhooks.SecretEncryptionKey))
        {
            problems.Add("Webhooks:SecretEncryptionKey must be the base64 of exactly 32 random bytes.");
        }

        foreach (var (key, index) in webhooks.PreviousSecretEncryptionKeys.Select((k, i) => (k, i)))
        {
            if (!IsKey(key))
            {
                problems.Add($"Webhooks:PreviousSecretEncryptionKeys:{index} must be the base64 of exactly 32 random bytes.");
            }
        }

        foreach (var host in webhooks.AllowedHosts)
        {
            if (string.IsNullOrWhiteSpace(host) || Uri.CheckHostName(host.Trim().TrimStart('[').TrimEnd(']')) == UriHostNameType.Unknown)
            {
                problems.Add($"Webhooks:AllowedHosts has '{host}', which is neither a host name nor an IP address.");
            }
        }

        if (webhooks.RotationGracePeriod < TimeSpan.Zero || webhooks.RotationGracePeriod > WebhookRules.MaxRotationGracePeriod)
        {
            problems.Add("Webhooks:RotationGracePeriod must be between 00:00:00 and 30.00:00:00.");
        }

        if (webhooks.ResolveTimeout <= TimeSpan.Zero || webhooks.ResolveTimeout > TimeSpan.FromSeconds(30))
        {
            problems.Add("Webhooks:ResolveTimeout must be more than 0 and at most 30 seconds.");
        }

        problems.AddRange(webhooks.DeliveryProblems());
        return problems;
    }

    /// <summary>The Development and Testing key: HKDF-SHA256 of the server secret, unrelated to the keys derived from it elsewhere.</summary>
    public static string DevelopmentKey(string serverSecret) =>
        Convert.ToBase64String(HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(serverSecret), KeyBytes, salt: [], info: DevelopmentKeyLabel));

    private static bool IsKey(string value)
    {
        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var length) && length == KeyBytes;
    }
}
