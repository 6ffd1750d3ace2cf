using FluentValidation;
using Platform.Application.Common.Validation;
using Platform.Domain.Webhooks;

namespace Platform.Application.Webhooks;

/// <summary>Field rules shared by the create and update validators (shape only: where a host resolves is the handler's question).</summary>
internal static class WebhookValidation
{
    public static IRuleBuilderOptions<T, string> WebhookUrl<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(url => WebhookUrlRules.IsValid(url, requireHttps: false))
            .WithMessage($"url must be an absolute http:// or https:// URL of at most {WebhookRules.UrlMaxLength} characters, without a user name, password or fragment.");

    public static IRuleBuilderOptions<T, string?> WebhookDescription<T>(this IRuleBuilder<T, string?> rule) =>
        rule.MaximumLength(WebhookRules.DescriptionMaxLength).SingleLine();

    /// <summary>Stops at the first broken rule, so a missing list gets one message, not four.</summary>
    public static IRuleBuilderOptions<T, IReadOnlyList<string>> WebhookEventTypeList<T>(this IRuleBuilderInitial<T, IReadOnlyList<string>> rule) =>
        rule.Cascade(CascadeMode.Stop).NotNull().WithMessage("event_types is required: a list of event types, or [\"*\"].")
            .Must(types => types is { Count: > 0 and <= WebhookRules.MaxEventTypes })
            .WithMessage($"event_types must list 1 to {WebhookRules.MaxEventTypes} event types, or [\"*\"].")
            .Must(types => types is null || types.All(t => t == WebhookRules.AllEventTypes || WebhookEventTypes.IsKnown(t)))
            .WithMessage($"event_types may hold only: *, {string.Join(", ", WebhookEventTypes.All)}.")
            .Must(types => types is null || !types.Contains(WebhookRules.AllEventTypes) || types.All(t => t == WebhookRules.AllEventTypes))
            .WithMessage("\"*\" already means every event type: send it alone.");
}
