using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// <c>Slo:Routes</c>: a route whose recent requests break its latency objective shows its breach ratio on
/// <c>/metrics</c> and logs one <c>slo_breach_alert</c>; a route within its objective shows 0 and logs nothing. The
/// thresholds are set so the outcome does not depend on the machine's speed: 1 microsecond (every request breaches)
/// and 60 seconds (none does).
/// </summary>
public sealed class SloBreachTests : ApiTestBase
{
    private const string SlowRoute = "/api/v1/tickets/{id:guid}";
    private const string FastRoute = "/api/v1/me";
    private FakeSeqServer? seq;

    protected override IDictionary<string, string?>? Settings
    {
        get
        {
            seq ??= FakeSeqServer.Start();
            return new Dictionary<string, string?>
            {
                ["Seq:ServerUrl"] = seq.Url.ToString(),
                ["Seq:Period"] = "00:00:00.100",
                ["Slo:Routes:0:Route"] = SlowRoute,
                ["Slo:Routes:0:ThresholdMs"] = "0.001",
                ["Slo:Routes:0:Target"] = "0.99",
                ["Slo:Routes:1:Route"] = FastRoute,
                ["Slo:Routes:1:ThresholdMs"] = "60000",
                ["Slo:Routes:1:Target"] = "0.99",
                ["Slo:WindowRequests"] = "10",
                ["Slo:MinimumRequests"] = "5",
            };
        }
    }

    [OneTimeTearDown]
    public async Task StopSeq()
    {
        if (seq is not null)
        {
            await seq.DisposeAsync();
        }
    }

    [Test]
    public async Task A_route_over_its_objective_shows_its_breach_ratio_and_logs_one_alert_and_one_within_shows_zero()
    {
        var (_, token) = await SignUpAsync();
        using var client = Client(token);
        for (var i = 0; i < 8; i++)
        {
            await client.GetAsync($"/api/v1/tickets/{Guid.NewGuid()}");
            await client.GetAsync("/api/v1/me");
        }

        var alert = await seq!.WaitForAsync(e => e["@mt"]?.GetValue<string>()?.StartsWith("slo_breach_alert", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(10));
        await Task.Delay(500);
        var alerts = seq.Events.Where(e => e["@mt"]?.GetValue<string>()?.StartsWith("slo_breach_alert", StringComparison.Ordinal) == true).ToList();
        var (_, metrics) = await MetricsScraper.ScrapeAsync(client);

        Assert.Multiple(() =>
        {
            Assert.That(MetricsScraper.ValueOf(metrics, $"platform_slo_breach_ratio{{http_route=\"{SlowRoute}\"}}"), Is.EqualTo(1), metrics);
            Assert.That(MetricsScraper.ValueOf(metrics, $"platform_slo_breach_ratio{{http_route=\"{FastRoute}\"}}"), Is.Zero);
            Assert.That(MetricsScraper.ValueOf(metrics, $"platform_slo_budget{{http_route=\"{SlowRoute}\"}}"), Is.EqualTo(0.01).Within(1e-9), "1 - target, for the alert");
            Assert.That(alert, Is.Not.Null, "the breach is logged");
            Assert.That(alerts, Has.Count.EqualTo(1), "once when the route goes over its budget, not once per request");
            Assert.That(alerts[0]["Route"]?.GetValue<string>(), Is.EqualTo(SlowRoute));
            Assert.That(alerts[0]["@l"]?.GetValue<string>(), Is.EqualTo("Warning"));
        });
    }
}
