namespace Platform.Application.Webhooks.Delivery;

/// <summary>Writes webhook messages outside a command's unit of work: the outbox fan-out.</summary>
public interface IWebhookMessageWriter
{
    /// <summary>
    /// Adds one pending message with <paramref name="body"/> for every enabled endpoint subscribed to
    /// <paramref name="eventType"/>, and a failed ("not sent") one for every subscribed endpoint that delivery
    /// disabled (gone or failing), so that recovering it replays what it missed; an endpoint an admin disabled gets
    /// nothing, and one that already has a message for <paramref name="eventId"/> gets no second one. Returns how
    /// many were added.
    /// </summary>
    Task<int> FanOutAsync(Guid eventId, string eventType, string body, DateTimeOffset now, CancellationToken cancellationToken);
}
