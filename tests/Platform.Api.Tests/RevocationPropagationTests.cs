using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// Two API instances over one database, as in production behind a load balancer: a session revoked through one
/// instance must be refused by the other within two seconds, and by the revoking instance at once. An instance
/// started after the revocation refuses the session from its first request.
/// </summary>
public sealed class RevocationPropagationTests : SessionApiTestBase
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private PlatformApiFactory hostB = null!;

    [OneTimeSetUp]
    public void StartSecondHost()
    {
        hostB = new PlatformApiFactory(ApiDatabase.Instance);
        using var warmUp = hostB.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopSecondHost() => await hostB.DisposeAsync();

    private static HttpClient ClientOf(PlatformApiFactory host, string accessToken)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    private static async Task<HttpResponseMessage> MeOnAsync(PlatformApiFactory host, string accessToken)
    {
        using var client = ClientOf(host, accessToken);
        return await client.GetAsync("/api/v1/me");
    }

    private static async Task AssertOkOnAsync(PlatformApiFactory host, string accessToken, string because)
    {
        var response = await MeOnAsync(host, accessToken);
        Assert.That((int)response.StatusCode, Is.EqualTo(200), $"{because} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Asks <paramref name="host"/> every 50 ms until it refuses the token; fails unless it answers 401
    /// auth.session_revoked within two seconds of <paramref name="sinceRevoke"/> starting.
    /// </summary>
    private static async Task AssertRefusedWithinDeadlineAsync(PlatformApiFactory host, string accessToken, Stopwatch sinceRevoke)
    {
        HttpResponseMessage response;
        TimeSpan refusedAfter;
        while (true)
        {
            response = await MeOnAsync(host, accessToken);
            refusedAfter = sinceRevoke.Elapsed;
            if ((int)response.StatusCode != 200 || refusedAfter > Deadline)
            {
                break;
            }

            await Task.Delay(PollInterval);
        }

        await TestContext.Out.WriteLineAsync($"Refused by the other instance after {refusedAfter.TotalMilliseconds:0} ms.");
        await AssertProblemAsync(response, 401, "auth.session_revoked");
        Assert.That(refusedAfter, Is.LessThanOrEqualTo(Deadline), $"The other instance refused the revoked session only after {refusedAfter.TotalMilliseconds:0} ms.");
    }

    /// <summary>Ends the victim's session through host A in one of the ways the API offers.</summary>
    private async Task RevokeThroughHostAAsync(string how, Guid userId, SignIn victim, SignIn keeper)
    {
        switch (how)
        {
            case "logout":
                Assert.That(await RevokedCountOfAsync(await PostAsync(victim.AccessToken, "/api/v1/auth/logout")), Is.EqualTo(1));
                break;
            case "revoke-session":
                Assert.That(await RevokedCountOfAsync(await PostAsync(keeper.AccessToken, $"/api/v1/auth/sessions/{victim.SessionId}/revoke")), Is.EqualTo(1));
                break;
            case "revoke-others":
                Assert.That(await RevokedCountOfAsync(await PostAsync(keeper.AccessToken, "/api/v1/auth/sessions/revoke-others")), Is.EqualTo(1));
                break;
            case "change-password":
                using (var client = Client(keeper.AccessToken))
                {
                    var body = new JsonObject { ["current_password"] = Password, ["new_password"] = NewPassword }.ToJsonString();
                    Assert.That(await RevokedCountOfAsync(await SendAsync(client, HttpMethod.Post, "/api/v1/auth/password", body)), Is.EqualTo(1));
                }

                break;
            case "admin-disable":
                var (_, disablingAdmin) = await AdminAsync();
                var disabled = await PostAsync(disablingAdmin, $"/api/v1/admin/users/{userId}/disable");
                Assert.That((int)disabled.StatusCode, Is.EqualTo(200), await disabled.Content.ReadAsStringAsync());
                break;
            case "admin-revoke-all":
                var (_, revokingAdmin) = await AdminAsync();
                Assert.That(await RevokedCountOfAsync(await PostAsync(revokingAdmin, $"/api/v1/admin/users/{userId}/sessions/revoke-all")), Is.EqualTo(2));
                break;
            case "refresh-reuse":
                await PairOfAsync(await RefreshAsync(victim.RefreshToken));
                await AssertProblemAsync(await RefreshAsync(victim.RefreshToken), 401, "auth.refresh_token_reused");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(how), how, "unknown way to revoke");
        }
    }

    [TestCase("logout")]
    [TestCase("revoke-session")]
    [TestCase("revoke-others")]
    [TestCase("change-password")]
    [TestCase("admin-disable")]
    [TestCase("admin-revoke-all")]
    [TestCase("refresh-reuse")]
    public async Task A_session_revoked_on_one_instance_is_refused_at_once_there_and_within_2_seconds_on_the_other(string how)
    {
        var email = NewEmail("propagation");
        var userId = await RegisterAsync(email);
        var victim = await SignInAsync(email, deviceName: "Victim");
        var keeper = await SignInAsync(email, deviceName: "Keeper");
        var bystanderEmail = NewEmail("bystander");
        await RegisterAsync(bystanderEmail);
        var bystander = await SignInAsync(bystanderEmail);
        await AssertOkOnAsync(hostB, victim.AccessToken, "Before the revocation host B accepts the token.");
        await AssertOkOnAsync(hostB, bystander.AccessToken, "Before the revocation host B accepts the bystander.");

        await RevokeThroughHostAAsync(how, userId, victim, keeper);
        var sinceRevoke = Stopwatch.StartNew();

        await AssertProblemAsync(await MeAsync(victim.AccessToken), 401, "auth.session_revoked");
        await AssertRefusedWithinDeadlineAsync(hostB, victim.AccessToken, sinceRevoke);
        await AssertOkOnAsync(hostB, bystander.AccessToken, "Host B refuses only the revoked session.");
    }

    [Test]
    public async Task A_logout_on_the_second_instance_is_refused_at_once_there_and_within_2_seconds_on_the_first()
    {
        var email = NewEmail("reverse");
        await RegisterAsync(email);
        var victim = await SignInAsync(email);
        var keeper = await SignInAsync(email);
        await AssertSignedInAsync(victim.AccessToken, "Before the logout host A accepts the token.");

        using (var onB = ClientOf(hostB, victim.AccessToken))
        {
            Assert.That(await RevokedCountOfAsync(await SendAsync(onB, HttpMethod.Post, "/api/v1/auth/logout")), Is.EqualTo(1));
        }

        var sinceRevoke = Stopwatch.StartNew();

        await AssertProblemAsync(await MeOnAsync(hostB, victim.AccessToken), 401, "auth.session_revoked");
        await AssertRefusedWithinDeadlineAsync(Factory, victim.AccessToken, sinceRevoke);
        await AssertSignedInAsync(keeper.AccessToken, "Host A refuses only the revoked session.");
    }

    [Test]
    public async Task An_instance_started_after_the_revocation_refuses_the_session_from_its_first_request()
    {
        var email = NewEmail("late-start");
        await RegisterAsync(email);
        var victim = await SignInAsync(email);
        var keeper = await SignInAsync(email);
        Assert.That(await RevokedCountOfAsync(await PostAsync(victim.AccessToken, "/api/v1/auth/logout")), Is.EqualTo(1));

        await using var hostC = new PlatformApiFactory(ApiDatabase.Instance);

        await AssertProblemAsync(await MeOnAsync(hostC, victim.AccessToken), 401, "auth.session_revoked");
        await AssertOkOnAsync(hostC, keeper.AccessToken, "The new instance accepts live sessions, so the refusal is about the revocation.");
    }
}
