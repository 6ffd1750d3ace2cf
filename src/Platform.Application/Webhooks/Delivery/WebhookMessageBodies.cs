using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Outbox;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks.Delivery;

/// <summary>
/// The body of a webhook message: <c>{"type", "timestamp", "data"}</c> in the API's JSON, <c>data</c> being the
/// integration event's payload (the resource as the API returns it) with its fields in the API's order. A body that
/// would pass <see cref="WebhookMessage.MaxBodyBytes"/> (a ticket with a very long body) is sent with <c>data</c>
/// cut down to the resource's <c>id</c> and <c>"truncated": true</c>, so the receiver fetches the resource instead.
/// </summary>
public static class WebhookMessageBodies
{
    private static readonly Dictionary<string, Type> PayloadTypes =
        IntegrationEventTypes.All.ToDictionary(t => t.Name, t => t.PayloadType, StringComparer.Ordinal);

    /// <summary>The body for an integration event of <paramref name="type"/> whose payload is <paramref name="payloadJson"/>.</summary>
    public static string ForEvent(string type, DateTimeOffset timestamp, string payloadJson)
    {
        ArgumentNullException.ThrowIfNull(payloadJson);
        // Read back as its DTO and written again: the outbox keeps payloads as jsonb, which reorders keys.
        object? data = PayloadTypes.TryGetValue(type, out var payloadType)
            ? JsonSerializer.Deserialize(payloadJson, payloadType, ApplicationJson.Options)
            : JsonNode.Parse(payloadJson);
        return Build(type, timestamp, data);
    }

    /// <summary>The body of any message, <paramref name="data"/> serialised as the API serialises it.</summary>
    public static string Build(string type, DateTimeOffset timestamp, object? data)
    {
        var body = JsonSerializer.Serialize(new WebhookMessageBody(type, timestamp, data), ApplicationJson.Options);
        if (Encoding.UTF8.GetByteCount(body) <= WebhookMessage.MaxBodyBytes)
        {
            return body;
        }

        var id = JsonSerializer.SerializeToNode(data, ApplicationJson.Options)?["id"]?.DeepClone();
        return JsonSerializer.Serialize(new WebhookMessageBody(type, timestamp, new JsonObject { ["id"] = id }) { Truncated = true }, ApplicationJson.Options);
    }

    private sealed record WebhookMessageBody(string Type, DateTimeOffset Timestamp, object? Data)
    {
        [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
        public bool Truncated { get; init; }
    }
}
