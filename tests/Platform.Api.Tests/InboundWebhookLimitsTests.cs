using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary>
/// Inbound routes have a rate-limit tier of their own (per client IP, apart from the anonymous tier), and an event
/// still waiting for its handler cannot be reprocessed. The outbox dispatcher is off here, so stored events stay pending.
/// </summary>
public sealed class InboundWebhookLimitsTests : InboundTestBase
{
    private const int WindowSeconds = 3600;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Outbox:Enabled"] = "false",
        ["RateLimiting:Inbound:PermitLimit"] = "3",
        ["RateLimiting:Inbound:WindowSeconds"] = WindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RateLimiting:Anonymous:PermitLimit"] = "2",
    };

    [SetUp]
    public Task EnsureWellInsideAWindowAsync() => RateLimitWindow.EnsureWellInsideAsync(Database.DataSource, WindowSeconds);

    [Test]
    public async Task Inbound_requests_are_counted_per_client_ip_in_their_own_tier_and_the_fourth_is_429()
    {
        var ip = "203.0.113.40";
        const string rejected = "platform_rate_limit_rejected_total{tier=\"inbound\"}";
        using var scraper = Client();
        var rejectedBefore = await MetricsScraper.ValueAsync(scraper, rejected);
        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await PostStripeAsync(StripeEvent(NewEventId()), clientIp: ip));
        }

        var otherProvider = await PostStripeAsync(StripeEvent(NewEventId()), clientIp: "203.0.113.41");

        Assert.Multiple(() =>
        {
            Assert.That(responses.Take(3).Select(r => (int)r.StatusCode), Is.All.EqualTo(200), "three fit, though the anonymous tier allows two");
            Assert.That(responses.Take(3).Select(r => Header(r, "X-RateLimit-Limit")), Is.All.EqualTo("3"));
            Assert.That(Header(responses[3], "Retry-After"), Is.Not.Null);
            Assert.That((int)otherProvider.StatusCode, Is.EqualTo(200), "another address has its own count");
        });
        await AssertProblemAsync(responses[3], 429, "rate_limit.exceeded");
        Assert.That(await MetricsScraper.ValueAsync(scraper, rejected), Is.EqualTo(rejectedBefore + 1), "the rejection is counted by tier");
        Assert.That(await InboundRowsAsync(), Has.Count.EqualTo(4), "the refused request stored nothing");
    }

    [Test]
    public async Task An_event_still_waiting_for_its_handler_cannot_be_reprocessed_409()
    {
        var id = NewEventId();
        var response = await PostStripeAsync(StripeEvent(id), clientIp: "203.0.113.42");
        Assert.That((int)response.StatusCode, Is.EqualTo(200), await response.Content.ReadAsStringAsync());
        var stored = (await InboundRowsAsync()).Single(r => r.EventId == id);
        using var admin = Client((await AdminAsync()).Token);

        var reprocess = await admin.PostAsync($"/api/v1/admin/inbound-events/{stored.Id}/reprocess", null);

        await AssertProblemAsync(reprocess, 409, "inbound.event_pending");
        Assert.That(await CountAsync("SELECT count(*) FROM outbox_messages WHERE type = 'inbound.received'"), Is.EqualTo(1), "nothing more was queued");
    }
}
