using Microsoft.AspNetCore.Http;
using NUnit.Framework;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// An API host that may deliver webhooks to a real local receiver (<see cref="Receiver"/>, one per test class): the
/// host allows 127.0.0.1 and polls every second. <see cref="WebhookSettings"/> adds or overrides settings.
/// </summary>
public abstract class WebhookApiTestBase : ApiTestBase
{
    protected WebhookReceiver Receiver { get; private set; } = null!;

    protected virtual IDictionary<string, string?> WebhookSettings => new Dictionary<string, string?>();

    protected sealed override IDictionary<string, string?>? Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
                ["Webhooks:Delivery:PollInterval"] = "00:00:01",
            };
            foreach (var (key, value) in WebhookSettings)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    [OneTimeSetUp]
    public void StartReceiver() => Receiver = WebhookReceiver.Start();

    [OneTimeTearDown]
    public async Task StopReceiver() => await Receiver.DisposeAsync();

    /// <summary>Registers an endpoint for <paramref name="eventTypes"/>; fails the test unless the API answers 201. Returns its id and secret.</summary>
    protected static async Task<(Guid Id, string Secret)> CreateEndpointAsync(HttpClient admin, string url, params string[] eventTypes)
    {
        var types = string.Join(',', eventTypes.Select(t => $"\"{t}\""));
        var response = await SendAsync(admin, HttpMethod.Post, "/api/v1/webhooks/endpoints", $$"""{"url":"{{url}}","event_types":[{{types}}]}""");
        var created = await JsonAsync(response);
        Assert.That((int)response.StatusCode, Is.EqualTo(201), created.ToJsonString());
        return (IdOf(created), StringOf(created, "secret")!);
    }

    /// <summary>The Standard Webhooks headers of a received request, as a verifier takes them.</summary>
    protected static HeaderDictionary HeadersOf(ReceivedWebhook got)
    {
        ArgumentNullException.ThrowIfNull(got);
        return new HeaderDictionary { ["webhook-id"] = got.Id, ["webhook-timestamp"] = got.Timestamp, ["webhook-signature"] = got.Signature };
    }
}
