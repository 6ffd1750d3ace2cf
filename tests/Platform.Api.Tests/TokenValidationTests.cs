using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>
/// The bearer validation parameters the API relies on (issuer, audience, lifetime with 30 s of skew, a signature
/// required), held by tests so that a JwtBearer or IdentityModel upgrade that changes one of them fails here.
/// Key handling (ES256 only, kid, rotation) is covered by <see cref="SigningKeyTests"/> and <see cref="AuthApiTests"/>.
/// </summary>
public sealed class TokenValidationTests : ApiTestBase
{
    private const string Issuer = "platform";
    private const string Audience = "platform-api";

    [Test]
    public async Task A_token_with_the_configured_issuer_and_audience_signed_with_the_server_key_is_accepted()
    {
        var (adminId, _) = await AdminAsync();

        var response = await MeAsync(Token(adminId, Issuer, Audience, DateTimeOffset.UtcNow.AddMinutes(5)));

        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    [TestCase("another-issuer", Audience)]
    [TestCase(Issuer, "another-audience")]
    public async Task A_token_for_another_issuer_or_audience_is_401(string issuer, string audience)
    {
        var (adminId, _) = await AdminAsync();

        var response = await MeAsync(Token(adminId, issuer, audience, DateTimeOffset.UtcNow.AddMinutes(5)));

        await AssertProblemAsync(response, 401, "auth.unauthorized");
    }

    [Test]
    public async Task A_token_that_expired_less_than_the_30_second_skew_ago_is_still_accepted()
    {
        var (adminId, _) = await AdminAsync();

        var response = await MeAsync(Token(adminId, Issuer, Audience, DateTimeOffset.UtcNow.AddSeconds(-5)));

        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_token_that_expired_more_than_the_30_second_skew_ago_is_401()
    {
        var (adminId, _) = await AdminAsync();

        var response = await MeAsync(Token(adminId, Issuer, Audience, DateTimeOffset.UtcNow.AddSeconds(-60)));

        await AssertProblemAsync(response, 401, "auth.unauthorized");
    }

    [Test]
    public async Task A_token_accepted_once_is_still_refused_when_its_skew_runs_out()
    {
        // Accepted tokens are answered from memory (CachingJsonWebTokenHandler) until the instant validation itself
        // would refuse them. This one has under 2 s of skew left: accepted, then refused from the cache's side too.
        var (adminId, _) = await AdminAsync();
        var token = Token(adminId, Issuer, Audience, DateTimeOffset.UtcNow.AddSeconds(-28));

        var first = await MeAsync(token);
        var again = await MeAsync(token);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var late = await MeAsync(token);

        Assert.Multiple(() =>
        {
            Assert.That((int)first.StatusCode, Is.EqualTo(200));
            Assert.That((int)again.StatusCode, Is.EqualTo(200));
        });
        await AssertProblemAsync(late, 401, "auth.unauthorized");
    }

    [Test]
    public async Task A_token_whose_signature_was_altered_is_401_even_after_the_genuine_one_was_accepted()
    {
        var (adminId, _) = await AdminAsync();
        var token = Token(adminId, Issuer, Audience, DateTimeOffset.UtcNow.AddMinutes(5));
        var accepted = await MeAsync(token);
        var signature = Base64Url.DecodeFromChars(token.Split('.')[2]);
        signature[^1] ^= 0x01;
        var altered = $"{token[..token.LastIndexOf('.')]}.{Base64Url.EncodeToString(signature)}";

        var response = await MeAsync(altered);

        Assert.That((int)accepted.StatusCode, Is.EqualTo(200));
        await AssertProblemAsync(response, 401, "auth.unauthorized");
    }

    [Test]
    public async Task An_unsigned_token_with_alg_none_is_401()
    {
        var (adminId, _) = await AdminAsync();
        var signed = Token(adminId, Issuer, Audience, DateTimeOffset.UtcNow.AddMinutes(5));
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(new JsonObject { ["alg"] = "none", ["typ"] = "JWT" }.ToJsonString()));
        var unsigned = $"{header}.{signed.Split('.')[1]}.";

        var response = await MeAsync(unsigned);

        await AssertProblemAsync(response, 401, "auth.unauthorized");
    }

    private async Task<HttpResponseMessage> MeAsync(string token)
    {
        using var client = Client(token);
        return await client.GetAsync("/api/v1/me");
    }

    /// <summary>An ES256 token under the server's primary key, with the issuer, audience and expiry asked for.</summary>
    private static string Token(Guid subject, string issuer, string audience, DateTimeOffset expires)
    {
        var issuedAt = expires.AddMinutes(-5).ToUnixTimeSeconds();
        var header = new JsonObject { ["alg"] = "ES256", ["kid"] = TestKeys.PrimaryId, ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            ["sub"] = subject.ToString(),
            ["sid"] = Guid.NewGuid().ToString(),
            ["jti"] = Guid.NewGuid().ToString(),
            ["iss"] = issuer,
            ["aud"] = audience,
            ["iat"] = issuedAt,
            ["nbf"] = issuedAt,
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["role"] = new JsonArray("admin"),
        };
        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        using var key = ECDsa.Create();
        key.ImportFromPem(TestKeys.PrimaryPem);
        return $"{signingInput}.{Base64Url.EncodeToString(key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256))}";
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}
