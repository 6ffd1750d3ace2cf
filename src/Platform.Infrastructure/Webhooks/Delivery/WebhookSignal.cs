using Platform.Infrastructure.Notifications;

namespace Platform.Infrastructure.Webhooks.Delivery;

/// <summary>Wakes this instance's delivery worker: set by a NOTIFY on <see cref="Channel"/> (or the listener reconnecting), or when a slot frees up.</summary>
public sealed class WebhookSignal : WakeSignal
{
    /// <summary>The channel the webhook message triggers notify when messages become due.</summary>
    public const string Channel = "platform_webhooks";
}
