using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using NUnit.Framework;
using Platform.Application.Common.Auditing;

namespace Platform.Application.Tests.Auditing;

/// <summary>The pure rules that recognise a secret by its name or by its shape.</summary>
public sealed class SecretRulesTests
{
    [TestCase("token")]
    [TestCase("secret")]
    [TestCase("password")]
    [TestCase("api_key")]
    [TestCase("key")]
    [TestCase("credential")]
    [TestCase("signature")]
    [TestCase("authorization")]
    [TestCase("cookie")]
    [TestCase("signing_key")]
    [TestCase("refresh_token")]
    [TestCase("x_authorization")]
    [TestCase("client_secret")]
    [TestCase("new_password")]
    [TestCase("password_hash")]
    [TestCase("webhook_signature")]
    [TestCase("set_cookie")]
    [TestCase("passwd")]
    [TestCase("passphrase")]
    [TestCase("apikey")]
    [TestCase("api_keys")]
    [TestCase("tokens")]
    [TestCase("credentials")]
    [TestCase("cookies")]
    [TestCase("refreshToken")]
    [TestCase("RefreshToken")]
    [TestCase("APIKey")]
    [TestCase("X-Api-Key")]
    [TestCase("Set-Cookie")]
    [TestCase("Authorization")]
    [TestCase("token_expires_in")]
    public void A_name_with_a_secret_word_is_secret(string name) =>
        Assert.That(SecretRules.IsSecretName(name), Is.True);

    [TestCase("keyset")]
    [TestCase("monkey")]
    [TestCase("turkey")]
    [TestCase("keyboard")]
    [TestCase("secretary")]
    [TestCase("tokenizer")]
    [TestCase("passwordless")]
    [TestCase("author_id")]
    [TestCase("subject")]
    [TestCase("email")]
    [TestCase("device_name")]
    [TestCase("token_issued_at")]
    [TestCase("token_rotated_at")]
    [TestCase("password_changed_at")]
    [TestCase("")]
    [TestCase("_")]
    public void A_name_without_a_secret_word_or_naming_a_time_is_not_secret(string name) =>
        Assert.That(SecretRules.IsSecretName(name), Is.False);

    [Test]
    public void Webhook_signing_secrets_are_recognised_in_any_case_alone_or_inside_text()
    {
        var secret = WebhookSecret();

        Assert.Multiple(() =>
        {
            Assert.That(SecretRules.ScrubValue(secret), Is.EqualTo(AuditRedactor.Redacted));
            Assert.That(SecretRules.ScrubValue(secret.ToUpperInvariant()), Is.EqualTo(AuditRedactor.Redacted), "sign-in upper-cases the email it audits");
            Assert.That(SecretRules.ScrubValue($"our secret is {secret}, please rotate"), Is.EqualTo("our secret is [redacted], please rotate"));
            Assert.That(SecretRules.ScrubValue($"\"{secret}\"\n{secret}"), Is.EqualTo("\"[redacted]\"\n[redacted]"));
        });
    }

    [Test]
    public void Json_web_tokens_are_recognised()
    {
        var jwt = Jwt("""{"alg":"ES256","kid":"k1","typ":"JWT"}""", """{"sub":"01a20070-dc80-7d44-b709-4cc8700602c2","exp":1893456000}""");
        var signed = Jwt("""{"alg":"none"}""", """{"sub":"someone"}""");
        var unsigned = signed[..(signed.LastIndexOf('.') + 1)];

        Assert.Multiple(() =>
        {
            Assert.That(SecretRules.ScrubValue(jwt), Is.EqualTo(AuditRedactor.Redacted));
            Assert.That(SecretRules.ScrubValue($"token={jwt}&x=1"), Is.EqualTo("token=[redacted]&x=1"));
            Assert.That(SecretRules.ContainsSecretValue(unsigned), Is.True, "an unsigned token is still a token");
        });
    }

    [TestCase("Bearer ya29.a0AfH6SMBx3sdf9kdfjLKJ8sdf")]
    [TestCase("bearer 0123456789abcdef0123")]
    [TestCase("Basic YWxhZGRpbjpvcGVuc2VzYW1l")]
    [TestCase("Authorization: Basic dXNlcjpwYXNzd29yZDEyMw==")]
    [TestCase("sk_live_51H8abcdefghijklmnopqrstu")]
    [TestCase("rk_test_51H8abcdefghijklmnopqrstu")]
    [TestCase("ghp_abcdefghijklmnopqrstuvwxyz0123456789")]
    [TestCase("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz")]
    [TestCase("glpat-abcdefghij0123456789")]
    [TestCase("xoxb-1234567890-abcdefghij")]
    [TestCase("AIzaSyA-abcdefghijklmnopqrstuvwxyz01234")]
    [TestCase("npm_abcdefghijklmnopqrstuvwxyz0123456789")]
    [TestCase("-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n-----END PRIVATE KEY-----")]
    [TestCase("-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIOS7 (cut off)")]
    public void Other_credential_shapes_are_recognised(string value) =>
        Assert.That(SecretRules.ContainsSecretValue(value), Is.True);

    [Test]
    public void A_private_key_is_redacted_from_its_begin_line_to_its_end_line()
    {
        var text = "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nIBAAK\n-----END RSA PRIVATE KEY-----\nthanks";

        Assert.That(SecretRules.ScrubValue(text), Is.EqualTo("key:\n[redacted]\nthanks"));
    }

    [TestCase("Basic troubleshooting steps for the printer")]
    [TestCase("basic internationalization")]
    [TestCase("The bearer of this ticket is the printer owner")]
    [TestCase("Bearer token")]
    [TestCase("Webhook secrets start with whsec_ and are shown once")]
    [TestCase("whsec_short")]
    [TestCase("sk_live")]
    [TestCase("eyJ is how base64 JSON starts")]
    [TestCase("alice@example.com")]
    [TestCase("01a20070-dc80-7d44-b709-4cc8700602c2")]
    [TestCase("https://hooks.example.com/in?source=platform&v=2")]
    [TestCase("my_whsec_abcdefghijklmnopqrstuvwx")]
    [TestCase("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----")]
    public void Ordinary_text_is_left_alone(string value)
    {
        Assert.Multiple(() =>
        {
            Assert.That(SecretRules.ContainsSecretValue(value), Is.False);
            Assert.That(SecretRules.ScrubValue(value), Is.EqualTo(value));
        });
    }

    [Test]
    public void A_random_string_without_a_prefix_is_not_recognisable_by_its_value()
    {
        // A refresh token has no shape of its own: it is caught by its name (refresh_token) or by [Sensitive].
        var refreshToken = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

        Assert.That(SecretRules.ContainsSecretValue(refreshToken), Is.False);
    }

    /// <summary>The shape of a webhook signing secret: whsec_ and base64 of 32 random bytes.</summary>
    internal static string WebhookSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    internal static string Jwt(string header, string payload) =>
        $"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header))}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}."
        + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(64));
}
