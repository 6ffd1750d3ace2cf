using System.Text.Json.Nodes;
using NUnit.Framework;
using Platform.Api.Tests.Infrastructure;

namespace Platform.Api.Tests;

/// <summary><c>Webhooks:Delivery:Mode=simulated</c>: for environments without egress, attempts are recorded as delivered and nothing is sent.</summary>
public sealed class WebhookSimulatedDeliveryTests : WebhookApiTestBase
{
    protected override IDictionary<string, string?> WebhookSettings => new Dictionary<string, string?>
    {
        ["Webhooks:Delivery:Mode"] = "simulated",
    };

    [Test]
    public async Task A_simulated_delivery_is_recorded_as_delivered_and_nothing_is_sent()
    {
        using var admin = Client((await AdminAsync()).Token);
        var path = $"/simulated-{Guid.NewGuid():N}";
        var created = await JsonAsync(await SendAsync(admin, HttpMethod.Post, "/api/v1/webhooks/endpoints", $$"""{"url":"{{Receiver.Url(path)}}","event_types":["*"]}"""));

        await CreateTicketAsync(admin);
        JsonObject? message = null;
        for (var i = 0; i < 150 && message is null; i++)
        {
            var page = await JsonAsync(await admin.GetAsync($"/api/v1/webhooks/endpoints/{IdOf(created)}/messages?status=delivered"));
            message = ItemsOf(page) is [JsonNode first, ..] ? first.AsObject() : null;
            await Task.Delay(100);
        }

        Assert.That(message, Is.Not.Null, "the message is recorded as delivered");
        var attempts = ItemsOf(await JsonAsync(await admin.GetAsync($"/api/v1/webhooks/messages/{IdOf(message)}/attempts")));
        Assert.Multiple(() =>
        {
            Assert.That(StringOf(attempts.Single(), "outcome"), Is.EqualTo("simulated"));
            Assert.That(attempts.Single()!["status_code"], Is.Null);
            Assert.That(Receiver.Received, Is.Empty, "nothing left the process");
        });
    }
}
