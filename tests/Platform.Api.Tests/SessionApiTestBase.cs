using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>A sign-in as the API returned it: the session and its token pair.</summary>
public sealed record SignIn(Guid SessionId, string AccessToken, string RefreshToken);

/// <summary>One row of the audit_log table, read straight from the database.</summary>
public sealed record AuditRow(string ResourceType, Guid? ResourceId, Guid? ActorId, string Outcome, string Changes);

/// <summary>
/// Helpers for the session tests: accounts registered without a session (so session lists hold only what a test
/// signs in), sign-ins as a given device and client IP, refreshes, and audit rows read from the database.
/// </summary>
public abstract class SessionApiTestBase : ApiTestBase
{
    protected const string NewPassword = "a brand new passphrase";

    protected static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@example.com";

    /// <summary>Registers an account without signing in (SignUpAsync also starts a session, which would show in lists).</summary>
    protected async Task<Guid> RegisterAsync(string email)
    {
        using var anonymous = Client();
        var registered = await anonymous.PostAsJsonAsync("/api/v1/auth/register", new { email, password = Password, display_name = "Session tester" });
        var text = await registered.Content.ReadAsStringAsync();
        Assert.That((int)registered.StatusCode, Is.EqualTo(201), text);
        return IdOf(JsonNode.Parse(text));
    }

    /// <summary>POST /api/v1/auth/token as a given browser (User-Agent), device name and client IP, on this class's host or <paramref name="via"/>.</summary>
    protected async Task<HttpResponseMessage> TrySignInAsync(
        string email,
        string password = Password,
        string? userAgent = null,
        string? deviceName = null,
        string? clientIp = null,
        HttpClient? via = null)
    {
        var body = new JsonObject { ["email"] = email, ["password"] = password };
        if (deviceName is not null)
        {
            body["device_name"] = deviceName;
        }

        var headers = new Dictionary<string, string>();
        if (userAgent is not null)
        {
            headers["User-Agent"] = userAgent;
        }

        if (clientIp is not null)
        {
            headers[PlatformApiFactory.ClientIpHeader] = clientIp;
        }

        if (via is not null)
        {
            return await SendAsync(via, HttpMethod.Post, "/api/v1/auth/token", body.ToJsonString(), headers);
        }

        using var client = Client();
        return await SendAsync(client, HttpMethod.Post, "/api/v1/auth/token", body.ToJsonString(), headers);
    }

    /// <summary>Signs in and fails the test unless the API answers 200 with a token pair.</summary>
    protected async Task<SignIn> SignInAsync(
        string email,
        string password = Password,
        string? userAgent = null,
        string? deviceName = null,
        string? clientIp = null,
        HttpClient? via = null)
    {
        var response = await TrySignInAsync(email, password, userAgent, deviceName, clientIp, via);
        return await PairOfAsync(response);
    }

    /// <summary>The token pair of a 200 token or refresh response; fails the test on any other status.</summary>
    protected static async Task<SignIn> PairOfAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        var body = JsonNode.Parse(text)!.AsObject();
        return new SignIn(body["session_id"]!.GetValue<Guid>(), StringOf(body, "access_token")!, StringOf(body, "refresh_token")!);
    }

    protected async Task<HttpResponseMessage> RefreshAsync(string refreshToken, HttpClient? via = null)
    {
        if (via is not null)
        {
            return await via.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken });
        }

        using var client = Client();
        return await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refresh_token = refreshToken });
    }

    /// <summary>GET /api/v1/me with the access token on this class's host.</summary>
    protected async Task<HttpResponseMessage> MeAsync(string accessToken)
    {
        using var client = Client(accessToken);
        return await client.GetAsync("/api/v1/me");
    }

    /// <summary>POST without a body as the holder of <paramref name="accessToken"/>, with an optional Idempotency-Key.</summary>
    protected async Task<HttpResponseMessage> PostAsync(string accessToken, string url, string? idempotencyKey = null)
    {
        using var client = Client(accessToken);
        var headers = idempotencyKey is null ? null : new Dictionary<string, string> { ["Idempotency-Key"] = idempotencyKey };
        return await SendAsync(client, HttpMethod.Post, url, json: null, headers);
    }

    /// <summary>GET /api/v1/auth/sessions as the holder of <paramref name="accessToken"/>; fails the test unless 200.</summary>
    protected async Task<JsonObject> SessionsAsync(string accessToken)
    {
        using var client = Client(accessToken);
        var response = await client.GetAsync("/api/v1/auth/sessions");
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        return JsonNode.Parse(text)!.AsObject();
    }

    protected async Task AssertSignedInAsync(string accessToken, string because)
    {
        var response = await MeAsync(accessToken);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"{because} {await response.Content.ReadAsStringAsync()}");
    }

    protected async Task AssertSessionRevokedAsync(string accessToken) =>
        await AssertProblemAsync(await MeAsync(accessToken), 401, "auth.session_revoked");

    /// <summary>The revoked_sessions count of a 200 revoke response; fails the test on any other status.</summary>
    protected static async Task<int> RevokedCountOfAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That((int)response.StatusCode, Is.EqualTo(200), text);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.That(body.Select(p => p.Key), Is.EqualTo(new[] { "revoked_sessions" }), text);
        return body["revoked_sessions"]!.GetValue<int>();
    }

    /// <summary>The audit rows with this action, oldest first.</summary>
    protected async Task<IReadOnlyList<AuditRow>> AuditRowsAsync(string action)
    {
        await using var command = Database.DataSource.CreateCommand(
            "SELECT resource_type, resource_id, actor_id, outcome, changes::text FROM audit_log WHERE action = $1 ORDER BY occurred_at, id");
        command.Parameters.AddWithValue(action);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<AuditRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new AuditRow(
                reader.GetString(0),
                await reader.IsDBNullAsync(1) ? null : reader.GetGuid(1),
                await reader.IsDBNullAsync(2) ? null : reader.GetGuid(2),
                reader.GetString(3),
                reader.GetString(4)));
        }

        return rows;
    }
}
