using System.Net;
using System.Net.Sockets;
using NUnit.Framework;
using Platform.Testing;
using static Platform.Api.Tests.Infrastructure.ApiProcess;

namespace Platform.Api.Tests;

/// <summary><c>dotnet Platform.Api.dll check-config</c> as an operator runs it before exposing an environment.</summary>
public sealed class CheckConfigProcessTests
{
    [Test]
    public async Task A_valid_production_configuration_exits_0_without_touching_the_database()
    {
        // The "database" is a listener of the test's own: a connection attempt would show up as a pending client.
        using var database = new TcpListener(IPAddress.Loopback, 0);
        database.Start();
        var port = ((IPEndPoint)database.LocalEndpoint).Port;
        var environment = Environment($"Host=127.0.0.1;Port={port};Database=platform;Username=platform;Password=pw-{Guid.NewGuid():N}", "Production");

        var (exit, output) = await RunToExitAsync(environment, "check-config");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0), output);
            Assert.That(output, Does.Contain("check-config: environment Production").And.Contain("no problems found"));
            Assert.That(output, Does.Not.Contain("Configuration error"));
            Assert.That(output, Does.Not.Contain("Now listening").And.Not.Contain("listening on"), "check-config does not serve");
            Assert.That(output, Does.Not.Contain("migrations"), "check-config does not migrate");
            Assert.That(database.Pending(), Is.False, "check-config opened a connection to the database");
        });
    }

    [Test]
    public async Task A_production_configuration_missing_several_secrets_lists_each_of_them_and_exits_2()
    {
        var environment = Environment(null, "Production");
        environment["Auth__SecretKey"] = null;
        environment["Auth__SigningKeys__0__Id"] = null;
        environment["Auth__SigningKeys__0__PrivateKey"] = null;
        environment["Webhooks__SecretEncryptionKey"] = null;
        environment["Jobs__IdempotencyCleanupInterval"] = "ten minutes";
        environment["Jobs__SessionPruneInterval"] = "an hour";

        var (exit, output) = await RunToExitAsync(environment, "check-config");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2), output);
            Assert.That(output, Does.Contain("Configuration error: Auth:SecretKey is required outside Development"));
            Assert.That(output, Does.Contain("Configuration error: Auth:SigningKeys is required outside Development"));
            Assert.That(output, Does.Contain("Configuration error: Webhooks:SecretEncryptionKey is required outside Development"));
            Assert.That(output, Does.Contain("Configuration error: ConnectionStrings:Platform is not set"));
            Assert.That(output, Does.Contain("'Jobs:IdempotencyCleanupInterval'").And.Contain("'Jobs:SessionPruneInterval'"), "every value that does not convert, not the first");
            Assert.That(output, Does.Contain("check-config: 6 problems"));
        });
    }

    [Test]
    public async Task Secret_values_given_in_configuration_never_appear_in_the_output()
    {
        var shortSecret = Convert.ToBase64String("sixteen byte key"u8);
        var notAKey = $"not-a-pem-{Guid.NewGuid():N}";
        var shortWebhookKey = Convert.ToBase64String("short webhook key"u8);
        var previousWebhookKey = $"previous-{Guid.NewGuid():N}";
        var password = $"pw-{Guid.NewGuid():N}";
        var environment = Environment($"Host=127.0.0.1;Database=platform;Password={password};Bogus Keyword=1", "Production");
        environment["Auth__SecretKey"] = shortSecret;
        environment["Auth__SigningKeys__0__PrivateKey"] = notAKey;
        environment["Webhooks__SecretEncryptionKey"] = shortWebhookKey;
        environment["Webhooks__PreviousSecretEncryptionKeys__0"] = previousWebhookKey;
        var shortMetricsToken = $"m-{Guid.NewGuid():N}"[..20];
        var shortPostmarkPassword = "pm-hook-pw";
        var notAResendSecret = $"resend-{Guid.NewGuid():N}";
        environment["Observability__MetricsToken"] = shortMetricsToken;
        environment["Email__Webhooks__Postmark__Username"] = "postmark";
        environment["Email__Webhooks__Postmark__Password"] = shortPostmarkPassword;
        environment["Email__Webhooks__Resend__Secret"] = notAResendSecret;
        var shortMfaKey = Convert.ToBase64String("a sixteen b key!"u8);
        var previousMfaKey = $"mfa-{Guid.NewGuid():N}";
        environment["Auth__MfaEncryptionKey"] = shortMfaKey;
        environment["Auth__PreviousMfaEncryptionKeys__0"] = previousMfaKey;
        environment["Auth__RequireMfaForRoles__0"] = "superuser";
        environment["Auth__MfaIssuer"] = "Acme: Support";

        var (exit, output) = await RunToExitAsync(environment, "check-config");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2), output);
            Assert.That(output, Does.Contain("Auth:MfaEncryptionKey must be the base64 of exactly 32 random bytes"));
            Assert.That(output, Does.Contain("Auth:PreviousMfaEncryptionKeys:0 must be the base64"));
            Assert.That(output, Does.Contain("Auth:RequireMfaForRoles has 'superuser', which is not a role"));
            Assert.That(output, Does.Contain("Auth:MfaIssuer must be a name of 1-64 characters without ':'"));
            // Each bad secret is reported by its key...
            Assert.That(output, Does.Contain("Auth:SecretKey must decode to at least 32 bytes"));
            Assert.That(output, Does.Contain($"Auth:SigningKeys:0: key '{TestKeys.PrimaryId}' is not an EC P-256 private key"));
            Assert.That(output, Does.Contain("Webhooks:SecretEncryptionKey must be the base64 of exactly 32 random bytes"));
            Assert.That(output, Does.Contain("Webhooks:PreviousSecretEncryptionKeys:0 must be the base64"));
            Assert.That(output, Does.Contain("ConnectionStrings:Platform is not an Npgsql connection string"));
            Assert.That(output, Does.Contain("Observability:MetricsToken must be at least 32 characters"));
            Assert.That(output, Does.Contain("Email:Webhooks:Postmark:Password must be at least 16 characters"));
            Assert.That(output, Does.Contain("Email:Webhooks:Resend:Secret must be the signing secret"));
            // ...and never by its value.
            foreach (var secret in new[] { shortSecret, notAKey, shortWebhookKey, previousWebhookKey, password, shortMetricsToken, shortPostmarkPassword, notAResendSecret, shortMfaKey, previousMfaKey })
            {
                Assert.That(output, Does.Not.Contain(secret));
            }
        });
    }

    [Test]
    public async Task Sign_in_limits_out_of_range_are_each_reported()
    {
        var environment = Environment("Host=127.0.0.1;Database=platform", "Production");
        environment["Auth__SigningKeys__1__Id"] = environment["Auth__SigningKeys__0__Id"];
        environment["Auth__SigningKeys__1__PrivateKey"] = environment["Auth__SigningKeys__0__PrivateKey"];
        environment["Auth__SessionPruneBatchSize"] = "0";
        environment["Auth__RefreshTokenOverlap"] = "00:10:00";
        environment["Auth__PasswordMinimumScore"] = "7";

        var (exit, output) = await RunToExitAsync(environment, "check-config");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(2), output);
            Assert.That(output, Does.Contain("Auth:SigningKeys has two keys with the same Id"));
            Assert.That(output, Does.Contain("Auth:SessionPruneBatchSize 1-100000"));
            Assert.That(output, Does.Contain("Auth:RefreshTokenOverlap must be at most 5 minutes"));
            Assert.That(output, Does.Contain("Auth:PasswordMinimumScore must be 0-4"));
            Assert.That(output, Does.Contain("check-config: 4 problems"));
        });
    }

    [Test]
    public async Task Valid_secrets_are_not_printed_either()
    {
        var environment = Environment("Host=127.0.0.1;Database=platform", "Production");

        var (exit, output) = await RunToExitAsync(environment, "check-config");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0), output);
            Assert.That(output, Does.Not.Contain(TestKeys.SecretKey));
            Assert.That(output, Does.Not.Contain(TestKeys.WebhookSecretEncryptionKey));
            Assert.That(output, Does.Not.Contain("PRIVATE KEY"));
        });
    }

    [Test]
    public async Task Development_needs_no_keys_because_start_up_generates_them()
    {
        var environment = Environment("Host=127.0.0.1;Database=platform", "Development");
        environment["Auth__SecretKey"] = null;
        environment["Auth__SigningKeys__0__Id"] = null;
        environment["Auth__SigningKeys__0__PrivateKey"] = null;
        environment["Webhooks__SecretEncryptionKey"] = null;
        // Where start-up would keep generated keys: check-config must not create it.
        var keyFile = Path.Combine(Path.GetTempPath(), $"check-config-{Guid.NewGuid():N}", "keys.json");
        environment["Auth__DevelopmentKeyFile"] = keyFile;

        var (exit, output) = await RunToExitAsync(environment, "check-config");

        Assert.Multiple(() =>
        {
            Assert.That(exit, Is.EqualTo(0), output);
            Assert.That(File.Exists(keyFile), Is.False, "check-config writes nothing");
        });
    }
}
