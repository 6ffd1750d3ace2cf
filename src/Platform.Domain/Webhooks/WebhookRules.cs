namespace Platform.Domain.Webhooks;

/// <summary>Limits of webhook endpoints, shared by the validators, the entity and the SQL CHECK constraints.</summary>
public static class WebhookRules
{
    public const int UrlMaxLength = 2000;
    public const int DescriptionMaxLength = 500;
    public const int MaxEventTypes = 50;

    /// <summary>Subscribes an endpoint to every event type, including those added later.</summary>
    public const string AllEventTypes = "*";

    /// <summary>The longest grace period a rotated secret may keep signing: a rotation is a hand-over, not a second secret.</summary>
    public static readonly TimeSpan MaxRotationGracePeriod = TimeSpan.FromDays(30);
}
