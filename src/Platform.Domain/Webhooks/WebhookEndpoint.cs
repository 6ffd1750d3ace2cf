using Platform.Domain.Common;

namespace Platform.Domain.Webhooks;

/// <summary>
/// A receiver of webhooks: where to send (<see cref="Url"/>), which event types (<see cref="EventTypes"/>, or
/// <see cref="WebhookRules.AllEventTypes"/> for all) and whether to send at all. Its signing secret is held only
/// sealed (encrypted by the application's secret protector, bound to this endpoint's id): the entity never sees it in
/// plain text. After a rotation the previous sealed secret keeps signing beside the new one until
/// <see cref="PreviousSecretExpiresAt"/>. <see cref="Version"/> starts at 1 and grows with each change; it is the
/// ETag and optimistic-concurrency token.
/// </summary>
public sealed class WebhookEndpoint : Entity
{
    private List<string> eventTypes = [];

    private WebhookEndpoint()
    {
    }

    private WebhookEndpoint(Guid id, string url, string description, List<string> eventTypes, DateTimeOffset now)
        : base(id)
    {
        Url = url;
        Description = description;
        this.eventTypes = eventTypes;
        Enabled = true;
        CreatedAt = now;
        UpdatedAt = now;
        Version = 1;
    }

    public string Url { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;

    /// <summary>Subscribed types, distinct, in the order given; <c>["*"]</c> subscribes to every type.</summary>
    public IReadOnlyList<string> EventTypes => eventTypes;

    public bool Enabled { get; private set; }

    public WebhookDisabledReason? DisabledReason { get; private set; }

    public DateTimeOffset? DisabledAt { get; private set; }

    /// <summary>
    /// When its current run of failed attempts began; null while its last attempt succeeded. Kept by the delivery
    /// workers; an endpoint failing without a break for <c>Webhooks:DisableAfter</c> is disabled as
    /// <see cref="WebhookDisabledReason.Failing"/>.
    /// </summary>
    public DateTimeOffset? FailingSince { get; private set; }

    /// <summary>The current signing secret, sealed by the application's protector.</summary>
    public string SecretCiphertext { get; private set; } = string.Empty;

    /// <summary>The secret before the last rotation, sealed; it signs too until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecretCiphertext { get; private set; }

    public DateTimeOffset? PreviousSecretExpiresAt { get; private set; }

    public DateTimeOffset? SecretRotatedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// A new endpoint. <paramref name="sealSecret"/> is given the new endpoint's id and returns its secret sealed for
    /// that id, so a sealed secret copied to another endpoint's row does not open.
    /// </summary>
    public static WebhookEndpoint Create(Uri url, string description, IEnumerable<string> eventTypes, bool enabled, Func<Guid, string> sealSecret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(sealSecret);
        var endpoint = new WebhookEndpoint(Uuid7.Create(now), CheckUrl(url), CheckDescription(description), CheckEventTypes(eventTypes), now);
        endpoint.SecretCiphertext = CheckSealed(sealSecret(endpoint.Id));
        if (!enabled)
        {
            endpoint.Enabled = false;
            endpoint.DisabledReason = WebhookDisabledReason.Manual;
            endpoint.DisabledAt = now;
        }

        return endpoint;
    }

    /// <summary>
    /// Merges a change: a null argument leaves its field as it is. Every value is checked before any is applied; the
    /// version grows only if something actually changed. Enabling clears the reason it was disabled for.
    /// </summary>
    public void Update(Uri? url, string? description, IEnumerable<string>? eventTypes, bool? enabled, DateTimeOffset now)
    {
        var newUrl = url is null ? Url : CheckUrl(url);
        var newDescription = description is null ? Description : CheckDescription(description);
        var newEventTypes = eventTypes is null ? this.eventTypes : CheckEventTypes(eventTypes);
        var changed = newUrl != Url || newDescription != Description || !newEventTypes.SequenceEqual(this.eventTypes, StringComparer.Ordinal);

        Url = newUrl;
        Description = newDescription;
        this.eventTypes = newEventTypes;
        if (enabled is { } on && on != Enabled)
        {
            SetEnabled(on, WebhookDisabledReason.Manual, now);
            changed = true;
        }

        if (changed)
        {
            Touch(now);
        }
    }

    /// <summary>Switches it back on (no change if it is on), as <c>recover</c> does before re-sending what it missed.</summary>
    public void Enable(DateTimeOffset now)
    {
        if (!Enabled)
        {
            SetEnabled(true, WebhookDisabledReason.Manual, now);
            Touch(now);
        }
    }

    /// <summary>Stops deliveries, recording why (an admin, a <c>410 Gone</c>, continuous failure). No change if already disabled.</summary>
    public void Disable(WebhookDisabledReason reason, DateTimeOffset now)
    {
        if (Enabled)
        {
            SetEnabled(false, reason, now);
            Touch(now);
        }
    }

    /// <summary>
    /// Replaces the secret with <paramref name="newSealedSecret"/>. The secret it replaces keeps signing until
    /// <paramref name="now"/> + <paramref name="gracePeriod"/> (a zero grace period drops it at once). A secret that
    /// was still in the grace period of an earlier rotation is dropped: at most two secrets sign a message.
    /// </summary>
    public void RotateSecret(string newSealedSecret, TimeSpan gracePeriod, DateTimeOffset now)
    {
        if (gracePeriod < TimeSpan.Zero || gracePeriod > WebhookRules.MaxRotationGracePeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(gracePeriod), gracePeriod, "The grace period must be zero to 30 days.");
        }

        var sealedSecret = CheckSealed(newSealedSecret);
        if (gracePeriod > TimeSpan.Zero)
        {
            PreviousSecretCiphertext = SecretCiphertext;
            PreviousSecretExpiresAt = now + gracePeriod;
        }
        else
        {
            PreviousSecretCiphertext = null;
            PreviousSecretExpiresAt = null;
        }

        SecretCiphertext = sealedSecret;
        SecretRotatedAt = now;
        Touch(now);
    }

    /// <summary>
    /// Puts the same secrets, sealed again (under the current encryption key), in place of the sealed ones: not a
    /// rotation, and not a change an admin sees, so the version stays.
    /// </summary>
    public void ReplaceSealedSecrets(string sealedSecret, string? sealedPreviousSecret)
    {
        SecretCiphertext = CheckSealed(sealedSecret);
        if (PreviousSecretCiphertext is not null)
        {
            PreviousSecretCiphertext = CheckSealed(sealedPreviousSecret!);
        }
    }

    /// <summary>The sealed secrets that sign a message sent at <paramref name="now"/>: the current one first, then the previous one while its grace period lasts.</summary>
    public IReadOnlyList<string> SigningSecretsAt(DateTimeOffset now) =>
        PreviousSecretCiphertext is { } previous && PreviousSecretExpiresAt > now
            ? [SecretCiphertext, previous]
            : [SecretCiphertext];

    /// <summary>Whether an event of this type is for this endpoint (enabled or not). A test message is for every endpoint.</summary>
    public bool SubscribesTo(string eventType) =>
        eventType == WebhookEventTypes.Test
        || eventTypes.Contains(WebhookRules.AllEventTypes, StringComparer.Ordinal)
        || eventTypes.Contains(eventType, StringComparer.Ordinal);

    private void SetEnabled(bool enabled, WebhookDisabledReason reason, DateTimeOffset now)
    {
        Enabled = enabled;
        DisabledReason = enabled ? null : reason;
        DisabledAt = enabled ? null : now;
        if (enabled)
        {
            // Switched back on, it starts with a clean record: the failures that disabled it do not count again.
            FailingSince = null;
        }
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string CheckUrl(Uri url) =>
        url.IsAbsoluteUri && url.OriginalString.Length <= WebhookRules.UrlMaxLength
            ? url.OriginalString
            : throw Invalid(WebhookErrorCodes.InvalidUrl, "The url must be an absolute URL (see WebhookUrlRules).", "url");

    private static string CheckDescription(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return description.Length <= WebhookRules.DescriptionMaxLength
            ? description
            : throw Invalid(WebhookErrorCodes.InvalidDescription, $"The description must be at most {WebhookRules.DescriptionMaxLength} characters.", "description");
    }

    private static List<string> CheckEventTypes(IEnumerable<string> eventTypes)
    {
        ArgumentNullException.ThrowIfNull(eventTypes);
        var distinct = eventTypes.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count is 0 or > WebhookRules.MaxEventTypes)
        {
            throw Invalid(WebhookErrorCodes.InvalidEventTypes, $"Subscribe to 1 to {WebhookRules.MaxEventTypes} event types, or to [\"*\"].", "event_types");
        }

        if (distinct.Contains(WebhookRules.AllEventTypes, StringComparer.Ordinal) && distinct.Count > 1)
        {
            throw Invalid(WebhookErrorCodes.InvalidEventTypes, "\"*\" already means every event type: send it alone.", "event_types");
        }

        var unknown = distinct.FirstOrDefault(t => t != WebhookRules.AllEventTypes && !WebhookEventTypes.IsKnown(t));
        return unknown is null
            ? distinct
            : throw Invalid(WebhookErrorCodes.InvalidEventTypes, $"'{unknown}' is not an event type; GET /api/v1/webhooks/event-types lists them.", "event_types");
    }

    private static string CheckSealed(string sealedSecret) =>
        string.IsNullOrEmpty(sealedSecret) ? throw new ArgumentException("A sealed secret is required.", nameof(sealedSecret)) : sealedSecret;

    private static DomainException Invalid(string code, string message, string field) => new(code, message, DomainErrorKind.Invalid, field);
}
