using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;
using Platform.Infrastructure.Observability;

namespace Platform.Api.Tests;

/// <summary>
/// <c>GET /api/v1/admin/slo/recommend</c>: each route's p90 over its last <c>Slo:RecommendSampleSize</c> requests,
/// from every instance, and p90 + 20% as the threshold to configure, beside the one configured now.
/// </summary>
public sealed class SloRecommendTests : ApiTestBase
{
    private const string Recommend = "/api/v1/admin/slo/recommend";
    private PlatformApiFactory hostB = null!;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Slo:Routes:0:Route"] = "/api/v1/me",
        ["Slo:Routes:0:ThresholdMs"] = "250",
        ["Slo:RecommendSampleSize"] = "12",
    };

    [OneTimeSetUp]
    public void StartSecondHost()
    {
        hostB = new PlatformApiFactory(ApiDatabase.Instance, Settings);
        using var warmUp = hostB.CreateClient();
    }

    [OneTimeTearDown]
    public async Task StopSecondHost() => await hostB.DisposeAsync();

    [Test]
    public async Task Requests_on_two_instances_are_read_together_and_only_the_newest_sample_size_counts()
    {
        var (_, token) = await SignUpAsync();
        using var onA = Client(token);
        using var onB = hostB.CreateClient();
        onB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        for (var i = 0; i < 5; i++)
        {
            await onA.GetAsync("/api/v1/me");
            await onB.GetAsync("/api/v1/me");
        }

        using var admin = Client((await AdminAsync()).Token);
        var me = await WaitForRouteAsync(admin, "/api/v1/me", samples => samples == 10);

        // Ten more: the recommendation reads only the newest 12.
        for (var i = 0; i < 5; i++)
        {
            await onA.GetAsync("/api/v1/me");
            await onB.GetAsync("/api/v1/me");
        }

        var capped = await WaitForRouteAsync(admin, "/api/v1/me", samples => samples == 12);
        var p90 = me["p90_ms"]!.GetValue<double>();

        Assert.Multiple(() =>
        {
            Assert.That(p90, Is.GreaterThan(0));
            Assert.That(me["recommended_threshold_ms"]!.GetValue<double>(), Is.EqualTo(Math.Round(p90 * 1.2, 1)).Within(0.11), "p90 + 20%");
            Assert.That(me["configured_threshold_ms"]!.GetValue<double>(), Is.EqualTo(250));
            Assert.That(capped["samples"]!.GetValue<int>(), Is.EqualTo(12));
        });
    }

    [Test]
    public async Task An_instance_sends_at_most_the_sample_size_of_a_route_however_many_requests_it_served()
    {
        var (_, token) = await SignUpAsync();
        using var onA = Client(token);
        using var admin = Client((await AdminAsync()).Token);

        // Every sample of the earlier requests (on either instance) has been flushed after one flush interval.
        await Task.Delay(ErrorCountRecorder.FlushInterval + TimeSpan.FromSeconds(0.5));
        await using (var clear = Database.DataSource.CreateCommand("DELETE FROM request_samples"))
        {
            await clear.ExecuteNonQueryAsync();
        }

        // Far more requests than the sample size between two flushes: only the newest 12 are worth sending, since the
        // recommendation reads no more than that per route.
        var sent = DateTimeOffset.UtcNow;
        for (var i = 0; i < 60; i++)
        {
            await onA.GetAsync("/api/v1/me");
        }

        var capped = await WaitForRouteAsync(admin, "/api/v1/me", samples => samples == 12);
        await Task.Delay(ErrorCountRecorder.FlushInterval + TimeSpan.FromSeconds(1));

        var stored = await Database.CountAsync("request_samples", "route = '/api/v1/me'");
        var newest = await Database.CountAsync("request_samples", $"route = '/api/v1/me' AND recorded_at >= '{sent.AddSeconds(-1):O}'");
        Assert.Multiple(() =>
        {
            Assert.That(capped["samples"]!.GetValue<int>(), Is.EqualTo(12));
            Assert.That(stored, Is.EqualTo(12), "rows of the route in request_samples");
            Assert.That(newest, Is.EqualTo(12), "they are the newest requests");
        });
    }

    [Test]
    public async Task Only_admins_see_recommendations()
    {
        var (_, token) = await SignUpAsync();

        await AssertProblemAsync(await Client(token).GetAsync(Recommend), 403, "auth.forbidden");
    }

    private static async Task<JsonObject> WaitForRouteAsync(HttpClient admin, string route, Func<int, bool> done)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var view = await JsonAsync(await admin.GetAsync(Recommend));
            var entry = view["routes"]!.AsArray().Select(r => r!.AsObject()).SingleOrDefault(r => StringOf(r, "route") == route);
            if (entry is not null && done(entry["samples"]!.GetValue<int>()))
            {
                return entry;
            }

            Assert.That(waited.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), $"not seen within 10 s: {view.ToJsonString()}");
            await Task.Delay(200);
        }
    }
}
