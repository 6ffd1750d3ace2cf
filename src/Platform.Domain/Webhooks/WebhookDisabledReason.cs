namespace Platform.Domain.Webhooks;

/// <summary>Why an endpoint receives nothing.</summary>
public enum WebhookDisabledReason
{
    /// <summary>An admin turned it off (created with <c>enabled: false</c>, or patched so).</summary>
    Manual,

    /// <summary>The receiver answered <c>410 Gone</c>.</summary>
    Gone,

    /// <summary>Deliveries failed without a break for longer than the configured period.</summary>
    Failing,
}
