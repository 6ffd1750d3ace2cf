namespace Platform.Application.Webhooks;

/// <summary>How many endpoints had their secrets sealed again under the current encryption key.</summary>
public sealed record WebhookResealDto(int ResealedEndpoints);
