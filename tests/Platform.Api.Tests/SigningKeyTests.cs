using System.Buffers.Text;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;
using Platform.Testing;

namespace Platform.Api.Tests;

/// <summary>
/// ES256 access tokens and the public JWKS document: another service verifies tokens with the public keys alone, and
/// keys rotate without signing anybody out. This class's own host is configured with the primary key only.
/// </summary>
public sealed class SigningKeyTests : ApiTestBase
{
    private const string JwksPath = "/.well-known/jwks.json";

    [Test]
    public async Task The_JWKS_document_is_public_cacheable_and_lists_the_EC_P256_public_key_without_its_private_part()
    {
        using var client = Client();

        var response = await client.GetAsync(JwksPath);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(response.Headers.CacheControl?.Public, Is.True, "other services may cache the keys");
            Assert.That(response.Headers.CacheControl?.MaxAge, Is.GreaterThan(TimeSpan.Zero).And.LessThanOrEqualTo(TimeSpan.FromHours(1)), "short enough that a rotation is seen soon");
        });

        var keys = JsonNode.Parse(text)!["keys"]!.AsArray();
        Assert.That(keys, Has.Count.EqualTo(1), text);
        var key = keys[0]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(StringOf(key, "kty"), Is.EqualTo("EC"));
            Assert.That(StringOf(key, "crv"), Is.EqualTo("P-256"));
            Assert.That(StringOf(key, "kid"), Is.EqualTo(TestKeys.PrimaryId));
            Assert.That(StringOf(key, "alg"), Is.EqualTo("ES256"));
            Assert.That(StringOf(key, "use"), Is.EqualTo("sig"));
            Assert.That(Base64Url.DecodeFromChars(StringOf(key, "x")), Has.Length.EqualTo(32), "a P-256 coordinate is 32 bytes");
            Assert.That(Base64Url.DecodeFromChars(StringOf(key, "y")), Has.Length.EqualTo(32), "a P-256 coordinate is 32 bytes");
            Assert.That(key.ContainsKey("d"), Is.False, "the private key must never be published");
            Assert.That(text, Does.Not.Contain("PRIVATE KEY"));
        });
    }

    [Test]
    public async Task The_JWKS_document_needs_no_token_even_when_a_bad_one_is_sent()
    {
        using var client = Client("not.a.jwt");

        var response = await client.GetAsync(JwksPath);

        Assert.That((int)response.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task An_access_token_is_ES256_under_the_first_key_id_and_verifies_against_the_JWKS_alone()
    {
        var email = $"jwks-{Guid.NewGuid():N}@example.com";
        var (userId, _) = await SignUpAsync(email);
        using var client = Client();
        var token = StringOf(await SignInAsync(Factory, email), "access_token")!;
        var jwks = await JsonAsync(await client.GetAsync(JwksPath));

        var parts = token.Split('.');
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(parts[0]))!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(parts, Has.Length.EqualTo(3));
            Assert.That(StringOf(header, "alg"), Is.EqualTo("ES256"));
            Assert.That(StringOf(header, "kid"), Is.EqualTo(StringOf(jwks["keys"]![0], "kid")), "the first configured key signs");
            Assert.That(TokenPayload(token)["sub"]?.GetValue<string>(), Is.EqualTo(userId.ToString()));
        });

        Assert.Multiple(() =>
        {
            Assert.That(VerifiesWithJwks(jwks, token), Is.True, "a service holding only the public JWKS can verify the token");
            Assert.That(VerifiesWithJwks(jwks, TamperedPayload(token)), Is.False, "and the check is real: a changed payload fails it");
        });
    }

    [Test]
    public async Task After_rotation_tokens_signed_with_the_old_key_still_work_new_ones_use_the_new_key_and_retiring_the_old_key_rejects_its_tokens()
    {
        var email = $"rotate-{Guid.NewGuid():N}@example.com";
        var (userId, _) = await SignUpAsync(email);

        // Before: the class's host signs with the primary key.
        var oldToken = StringOf(await SignInAsync(Factory, email), "access_token")!;
        Assert.That(KidOf(oldToken), Is.EqualTo(TestKeys.PrimaryId));

        // During: the next key signs, the primary key still verifies.
        await using var rotated = Host((TestKeys.NextId, TestKeys.NextPem), (TestKeys.PrimaryId, TestKeys.PrimaryPem));
        using var rotatedAnonymous = rotated.CreateClient();
        var rotatedJwks = await JsonAsync(await rotatedAnonymous.GetAsync(JwksPath));
        Assert.That(
            rotatedJwks["keys"]!.AsArray().Select(k => StringOf(k, "kid")),
            Is.EqualTo(new[] { TestKeys.NextId, TestKeys.PrimaryId }),
            "both keys are published while either may have signed a live token");

        var oldOnRotated = await GetMeAsync(rotated, oldToken);
        Assert.That((int)oldOnRotated.StatusCode, Is.EqualTo(200), "nobody is signed out by a rotation: " + await oldOnRotated.Content.ReadAsStringAsync());
        Assert.That(IdOf(await JsonAsync(oldOnRotated)), Is.EqualTo(userId));

        var newToken = StringOf(await SignInAsync(rotated, email), "access_token")!;
        Assert.Multiple(() =>
        {
            Assert.That(KidOf(newToken), Is.EqualTo(TestKeys.NextId), "new tokens are signed with the new first key");
            Assert.That(VerifiesWithJwks(rotatedJwks, newToken), Is.True);
            Assert.That(VerifiesWithJwks(rotatedJwks, oldToken), Is.True);
        });

        // After: the old key is retired.
        await using var retired = Host((TestKeys.NextId, TestKeys.NextPem));
        using var retiredAnonymous = retired.CreateClient();
        var retiredJwks = await JsonAsync(await retiredAnonymous.GetAsync(JwksPath));
        Assert.That(retiredJwks["keys"]!.AsArray().Select(k => StringOf(k, "kid")), Is.EqualTo(new[] { TestKeys.NextId }));

        var oldOnRetired = await GetMeAsync(retired, oldToken);
        await AssertProblemAsync(oldOnRetired, 401, "auth.unauthorized");
        var newOnRetired = await GetMeAsync(retired, newToken);
        Assert.That((int)newOnRetired.StatusCode, Is.EqualTo(200), await newOnRetired.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task A_key_listed_after_the_first_only_verifies_so_it_can_be_rolled_out_to_every_instance_before_it_signs()
    {
        var email = $"stage-{Guid.NewGuid():N}@example.com";
        var (userId, _) = await SignUpAsync(email);
        var sessionId = (await SignInAsync(Factory, email))["session_id"]!.GetValue<Guid>();

        await using var staged = Host((TestKeys.PrimaryId, TestKeys.PrimaryPem), (TestKeys.NextId, TestKeys.NextPem));
        var issued = StringOf(await SignInAsync(staged, email), "access_token")!;
        var signedWithNext = CraftToken(TestKeys.NextPem, TestKeys.NextId, userId, DateTimeOffset.UtcNow.AddMinutes(5), sessionId, "customer");

        var response = await GetMeAsync(staged, signedWithNext);

        Assert.Multiple(() =>
        {
            Assert.That(KidOf(issued), Is.EqualTo(TestKeys.PrimaryId), "the second key does not sign yet");
            Assert.That((int)response.StatusCode, Is.EqualTo(200), "a token from an instance that already signs with the next key is accepted");
        });
    }

    [TestCase(TestKeys.NextId)]
    [TestCase(TestKeys.PrimaryId)]
    [TestCase("unknown-kid")]
    public async Task A_token_signed_with_a_key_the_host_does_not_have_is_401_whatever_kid_it_claims(string kid)
    {
        var (userId, _) = await SignUpAsync();
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forged = CraftToken(stranger.ExportPkcs8PrivateKeyPem(), kid, userId, DateTimeOffset.UtcNow.AddMinutes(5), Guid.NewGuid(), "customer");
        await using var rotated = Host((TestKeys.NextId, TestKeys.NextPem), (TestKeys.PrimaryId, TestKeys.PrimaryPem));

        var response = await GetMeAsync(rotated, forged);

        await AssertProblemAsync(response, 401, "auth.unauthorized");
    }

    /// <summary>Another instance over the same database with these signing keys, the first one signing.</summary>
    private static PlatformApiFactory Host(params (string Id, string Pem)[] keys)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < keys.Length; i++)
        {
            settings[$"Auth:SigningKeys:{i}:Id"] = keys[i].Id;
            settings[$"Auth:SigningKeys:{i}:PrivateKey"] = keys[i].Pem;
        }

        return new PlatformApiFactory(ApiDatabase.Instance, settings);
    }

    private static async Task<JsonObject> SignInAsync(PlatformApiFactory host, string email)
    {
        using var client = host.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    private static async Task<HttpResponseMessage> GetMeAsync(PlatformApiFactory host, string token)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var response = await client.GetAsync("/api/v1/me");
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    private static string? KidOf(string token) => StringOf(JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[0])), "kid");

    /// <summary>Verifies an ES256 JWT as a third party would: the key named by its kid, from the JWKS document only.</summary>
    private static bool VerifiesWithJwks(JsonObject jwks, string token)
    {
        var parts = token.Split('.');
        var kid = KidOf(token);
        var jwk = jwks["keys"]!.AsArray().Single(k => StringOf(k, "kid") == kid)!;
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = Base64Url.DecodeFromChars(StringOf(jwk, "x")),
                Y = Base64Url.DecodeFromChars(StringOf(jwk, "y")),
            },
        });
        return ecdsa.VerifyData(
            Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"),
            Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256);
    }

    private static string TamperedPayload(string token)
    {
        var parts = token.Split('.');
        var payload = TokenPayload(token);
        payload["role"] = new JsonArray("admin");
        return $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
    }
}
