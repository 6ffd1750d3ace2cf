using System.Text.Json;

namespace Platform.Application.Webhooks;

/// <summary>One entry of the event type catalogue: its name, what it means, and an example of the message body.</summary>
public sealed record WebhookEventTypeDto(string Type, string Description, JsonElement ExamplePayload);
