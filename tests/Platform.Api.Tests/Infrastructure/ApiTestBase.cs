using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Testing;
using Platform.Api.Tests;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>One API host per test class over the assembly database, emptied before each test.</summary>
public abstract class ApiTestBase
{
    public const string Password = "correct horse battery";

    protected PlatformApiFactory Factory { get; private set; } = null!;

    protected TestDatabase Database => ApiDatabase.Instance;

    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Registrations of the test's own, added to the API's (null: none).</summary>
    protected virtual Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? TestServices => null;

    [OneTimeSetUp]
    public void StartHost() => Factory = new PlatformApiFactory(ApiDatabase.Instance, Settings, TestServices);

    [OneTimeTearDown]
    public async Task StopHost() => await Factory.DisposeAsync();

    [SetUp]
    public Task ResetDatabase() => Database.ResetAsync();

    protected HttpClient Client(string? accessToken = null, string? clientIp = null)
    {
        var client = Factory.CreateClient();
        if (accessToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        if (clientIp is not null)
        {
            client.DefaultRequestHeaders.Add(PlatformApiFactory.ClientIpHeader, clientIp);
        }

        return client;
    }

    /// <summary>Registers an account and signs it in; returns its id and access token. Admins come from Bootstrap:AdminEmails.</summary>
    protected async Task<(Guid Id, string Token)> SignUpAsync(string? email = null, string? role = null)
    {
        email ??= $"user-{Guid.NewGuid():N}@example.com";
        using var anonymous = Client();
        var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, display_name = "Test" });
        Assert.That((int)registered.StatusCode, Is.EqualTo(201), await registered.Content.ReadAsStringAsync());
        var id = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        if (role is not null)
        {
            var (_, adminToken) = await AdminAsync();
            using var admin = Client(adminToken);
            var set = await admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles", new { roles = new[] { role } });
            Assert.That((int)set.StatusCode, Is.EqualTo(200), await set.Content.ReadAsStringAsync());
        }

        return (id, await TokenAsync(email));
    }

    /// <summary>
    /// The bootstrap admin: registered on first use and verified as an operator would (<c>verify-email</c>), since a
    /// bootstrap address becomes admin only once verified. AccountVerificationTests proves the mailed-link way.
    /// </summary>
    protected async Task<(Guid Id, string Token)> AdminAsync()
    {
        using var anonymous = Client();
        var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email = "root@example.com", password = Password, display_name = "Root" });
        if ((int)registered.StatusCode == 201)
        {
            var id = (await registered.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
            await Factory.VerifyEmailAsync("root@example.com");
            return (id, await TokenAsync("root@example.com"));
        }

        var token = await TokenAsync("root@example.com");
        using var me = Client(token);
        var body = await me.GetFromJsonAsync<JsonObject>("/api/v1/me");
        return (body!["id"]!.GetValue<Guid>(), token);
    }

    protected async Task<string> TokenAsync(string email)
    {
        using var anonymous = Client();
        var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = Password });
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["access_token"]!.GetValue<string>();
    }

    protected static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    /// <summary>Asserts an RFC 9457 problem response with the given status and code, and returns it.</summary>
    protected static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, int status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.EqualTo(status), text);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), text);
        });
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(problem["code"]?.GetValue<string>(), Is.EqualTo(code), text);
            Assert.That(problem["status"]?.GetValue<int>(), Is.EqualTo(status));
            Assert.That(problem["type"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
            Assert.That(problem["title"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
            Assert.That(problem["detail"]?.GetValue<string>(), Is.Not.Null.And.Not.Empty);
            Assert.That(problem["instance"]?.GetValue<string>(), Is.EqualTo(response.RequestMessage!.RequestUri!.AbsolutePath));
            Assert.That(problem["request_id"]?.GetValue<string>(), Is.EqualTo(response.Headers.GetValues("X-Request-ID").Single()));
            Assert.That(problem["trace_id"]?.GetValue<string>(), Is.EqualTo(response.Headers.GetValues("X-Trace-Id").Single()));
        });
        return problem;
    }

    /// <summary>A JSON body from raw text, so tests control exactly which properties are present.</summary>
    protected static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Sends raw JSON (or no body) with optional extra headers, added without client-side validation.</summary>
    protected static async Task<HttpResponseMessage> SendAsync(
        HttpClient client,
        HttpMethod method,
        string url,
        string? json = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = JsonBody(json);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await client.SendAsync(request);
    }

    protected static Task<HttpResponseMessage> PatchAsync(HttpClient client, string url, string json, string? ifMatch = null, string? idempotencyKey = null)
    {
        var headers = new Dictionary<string, string>();
        if (ifMatch is not null)
        {
            headers["If-Match"] = ifMatch;
        }

        if (idempotencyKey is not null)
        {
            headers["Idempotency-Key"] = idempotencyKey;
        }

        return SendAsync(client, HttpMethod.Patch, url, json, headers);
    }

    /// <summary>Creates a ticket as the client's user and returns it; fails the test unless the API answers 201.</summary>
    protected static async Task<JsonObject> CreateTicketAsync(HttpClient client, string subject = "Printer", string body = "On fire", string? priority = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var payload = new JsonObject { ["subject"] = subject, ["body"] = body };
        if (priority is not null)
        {
            payload["priority"] = priority;
        }

        var response = await client.PostAsync("/api/v1/tickets", JsonBody(payload.ToJsonString()));
        Assert.That((int)response.StatusCode, Is.EqualTo(201), await response.Content.ReadAsStringAsync());
        return await JsonAsync(response);
    }

    protected static Guid IdOf(JsonNode? node) => node!["id"]!.GetValue<Guid>();

    protected static string? StringOf(JsonNode? node, string property) => node?[property]?.GetValue<string>();

    protected static string? Header(HttpResponseMessage response, string name)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
    }

    /// <summary>The items of a page response.</summary>
    protected static JsonArray ItemsOf(JsonObject page) => page["items"]!.AsArray();

    /// <summary>An ES256 access token with the given claims, signed with <paramref name="privateKeyPem"/> (a server key or another) under <paramref name="kid"/>.</summary>
    internal static string CraftToken(string privateKeyPem, Guid subject, DateTimeOffset expires, params string[] roles) =>
        CraftToken(privateKeyPem, TestKeys.PrimaryId, subject, expires, Guid.NewGuid(), roles);

    internal static string CraftToken(string privateKeyPem, string kid, Guid subject, DateTimeOffset expires, Guid sessionId, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(privateKeyPem);
        var (header, body) = TokenParts("ES256", kid, subject, expires, sessionId, roles);
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(privateKeyPem);
        var signature = Base64Url.EncodeToString(ecdsa.SignData(Encoding.ASCII.GetBytes($"{header}.{body}"), HashAlgorithmName.SHA256));
        return $"{header}.{body}.{signature}";
    }

    /// <summary>An HS256 token MACed with <paramref name="key"/>: the server only accepts ES256, whatever the key.</summary>
    internal static string CraftHmacToken(byte[] key, Guid subject, DateTimeOffset expires, params string[] roles)
    {
        var (header, body) = TokenParts("HS256", TestKeys.PrimaryId, subject, expires, Guid.NewGuid(), roles);
        var signature = Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{header}.{body}")));
        return $"{header}.{body}.{signature}";
    }

    private static (string Header, string Body) TokenParts(string alg, string kid, Guid subject, DateTimeOffset expires, Guid sessionId, string[] roles)
    {
        var notBefore = expires.AddMinutes(-5);
        var header = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(new JsonObject { ["alg"] = alg, ["kid"] = kid, ["typ"] = "JWT" }.ToJsonString()));
        var payload = new JsonObject
        {
            ["sub"] = subject.ToString(),
            ["sid"] = sessionId.ToString(),
            ["jti"] = Guid.NewGuid().ToString(),
            ["iss"] = "platform",
            ["aud"] = "platform-api",
            ["iat"] = notBefore.ToUnixTimeSeconds(),
            ["nbf"] = notBefore.ToUnixTimeSeconds(),
            ["exp"] = expires.ToUnixTimeSeconds(),
            ["role"] = new JsonArray([.. roles.Select(r => (JsonNode?)JsonValue.Create(r))]),
        };
        return (header, Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString())));
    }

    /// <summary>The decoded payload of a JWT (no verification: for reading claims the server put there).</summary>
    protected static JsonObject TokenPayload(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return JsonNode.Parse(Base64Url.DecodeFromChars(token.Split('.')[1]))!.AsObject();
    }

    protected static readonly JsonSerializerOptions SnakeCase = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
