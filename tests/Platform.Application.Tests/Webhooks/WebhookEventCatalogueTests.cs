using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NUnit.Framework;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Outbox;
using Platform.Application.Webhooks;
using Platform.Domain.Webhooks;

namespace Platform.Application.Tests.Webhooks;

/// <summary>The event type catalogue: every type, a description each, and examples shaped like the payloads that will be sent.</summary>
public sealed class WebhookEventCatalogueTests
{
    [Test]
    public void Every_event_type_has_an_entry_in_order_with_a_description()
    {
        Assert.Multiple(() =>
        {
            Assert.That(WebhookEventCatalogue.All.Select(e => e.Type), Is.EqualTo(WebhookEventTypes.All));
            Assert.That(WebhookEventCatalogue.All.Select(e => e.Description), Has.All.Not.Empty);
            Assert.That(WebhookEventTypes.All, Is.SupersetOf(new[]
            {
                "tickets.created", "tickets.updated", "tickets.status_changed", "tickets.comment_added", "status.service_status_changed",
                "status.incident_created", "status.incident_updated", "sessions.refresh_reuse_detected", "webhook.test",
            }));
        });
    }

    [Test]
    public void Each_example_is_a_type_timestamp_data_body_under_20_kB()
    {
        foreach (var entry in WebhookEventCatalogue.All)
        {
            var body = entry.ExamplePayload;
            Assert.Multiple(() =>
            {
                Assert.That(body.EnumerateObject().Select(p => p.Name), Is.EqualTo(new[] { "type", "timestamp", "data" }), entry.Type);
                Assert.That(body.GetProperty("type").GetString(), Is.EqualTo(entry.Type));
                Assert.That(body.GetRawText().Length, Is.LessThan(20_000));
            });
        }
    }

    [Test]
    public void Each_example_data_has_exactly_the_fields_of_its_integration_event_payload()
    {
        foreach (var type in IntegrationEventTypes.All.Where(t => WebhookEventTypes.IsKnown(t.Name)))
        {
            var data = WebhookEventCatalogue.All.Single(e => e.Type == type.Name).ExamplePayload.GetProperty("data");

            Assert.That(data.EnumerateObject().Select(p => p.Name).Order(), Is.EqualTo(JsonNames(type.PayloadType).Order()), type.Name);
        }
    }

    [Test]
    public void Every_webhook_event_type_but_the_test_message_is_an_integration_event()
    {
        var integration = IntegrationEventTypes.All.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        Assert.That(WebhookEventTypes.All.Where(t => !integration.Contains(t)), Is.EqualTo(new[] { WebhookEventTypes.Test }));
    }

    private static IEnumerable<string> JsonNames(Type type)
    {
        var info = ApplicationJson.Options.GetTypeInfo(type);
        Assert.That(info.Kind, Is.EqualTo(JsonTypeInfoKind.Object));
        return info.Properties.Select(p => p.Name);
    }
}
