namespace Platform.Domain.Webhooks;

/// <summary>How one delivery attempt ended.</summary>
public enum WebhookAttemptOutcome
{
    /// <summary>The receiver answered 2xx.</summary>
    Succeeded,

    /// <summary>Another status, a redirect, a timeout, a refused address or a connection that failed: retried on schedule.</summary>
    Failed,

    /// <summary>The receiver answered <c>410 Gone</c>: the endpoint is disabled and the message fails.</summary>
    Gone,

    /// <summary><c>Webhooks:Delivery:Mode</c> is <c>simulated</c>: recorded as delivered, nothing sent.</summary>
    Simulated,
}
