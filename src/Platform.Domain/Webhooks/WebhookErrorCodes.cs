namespace Platform.Domain.Webhooks;

/// <summary>
/// Every error code of the outbound webhooks feature: the domain's rule violations and the application's answers
/// (not found, a refused address). Every code is listed in docs/errors.md; a published code is never renamed.
/// </summary>
public static class WebhookErrorCodes
{
    public const string EndpointNotFound = "webhooks.endpoint_not_found";
    public const string UrlNotAllowed = "webhooks.url_not_allowed";
    public const string InvalidUrl = "webhooks.invalid_url";
    public const string InvalidDescription = "webhooks.invalid_description";
    public const string InvalidEventTypes = "webhooks.invalid_event_types";
    public const string MessageNotFound = "webhooks.message_not_found";
    public const string MessageInFlight = "webhooks.message_in_flight";
    public const string EndpointDisabled = "webhooks.endpoint_disabled";
}
