using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Platform.Application.Common.Email;
using Platform.Infrastructure.Configuration;

namespace Platform.Api.Configuration;

/// <summary>
/// Binds and checks <c>Email:*</c> at start-up, so a missing or malformed setting stops the process with a line
/// naming its key. No provider means <c>simulated</c>: messages are recorded as sent and nothing leaves, which is
/// right for Development and a mistake anywhere else, so it is warned about outside Development. The key that seals
/// message content at rest is derived from <c>Auth:SecretKey</c> (HKDF with a label of its own), so every instance
/// opens what another queued.
/// </summary>
internal static class EmailStartupConfiguration
{
    private static readonly byte[] ContentKeyLabel = "platform-email-content-v1"u8.ToArray();

    /// <summary>Runs after the Auth settings are in place (it derives from <c>Auth:SecretKey</c>).</summary>
    public static void AddEmailOptions(this WebApplicationBuilder builder, ILogger startupLogger)
    {
        var configuration = builder.Configuration;
        var problems = Problems(configuration);
        if (problems.Count > 0)
        {
            throw new OptionsValidationException(EmailOptions.SectionName, typeof(EmailOptions), problems);
        }

        var section = configuration.GetSection(EmailOptions.SectionName);
        if (section.Get<EmailOptions>()?.Provider is null && !builder.Environment.IsDevelopment())
        {
            startupLogger.LogWarning(
                "Email:Provider is not set: mail is simulated (recorded as sent, never delivered). Set Email:Provider to smtp or postmark, and Email:From.");
        }

        var contentKey = ContentKey(configuration["Auth:SecretKey"]!);
        builder.Services.Configure<EmailOptions>(section);
        builder.Services.PostConfigure<EmailOptions>(o => o.ContentKey = contentKey);
    }

    /// <summary>Every problem with the <c>Email</c> settings, each naming its key and never a secret value.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var problems = new List<string>();
        var email = SettingsBinder.Bind<EmailOptions>(configuration, EmailOptions.SectionName, problems);
        problems.AddRange(email.Problems());
        return problems;
    }

    /// <summary>HKDF-SHA256 of the server secret under the email label: unrelated to every other key derived from it.</summary>
    private static byte[] ContentKey(string serverSecret) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Convert.FromBase64String(serverSecret), 32, salt: [], info: ContentKeyLabel);
}
