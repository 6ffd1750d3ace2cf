namespace Platform.Domain.Webhooks;

/// <summary>Where a webhook message is in its life.</summary>
public enum WebhookMessageStatus
{
    /// <summary>Waiting for its next attempt (or being sent under a lease; paused while its endpoint is disabled).</summary>
    Pending,

    /// <summary>A receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Its last scheduled attempt failed, or the endpoint answered 410. <c>recover</c> or <c>redeliver</c> send it again.</summary>
    Failed,
}
