using FluentValidation;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Validation;
using Platform.Domain.Status;

namespace Platform.Application.Status;

internal static class IncidentValidation
{
    public static IRuleBuilderOptions<T, string?> ValidIncidentStatus<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(s => WireNames.TryParse<IncidentStatus>(s, out _))
            .WithMessage($"status must be one of: {string.Join(", ", WireNames.All<IncidentStatus>())}.");

    public static IRuleBuilderOptions<T, string?> ValidServiceStatus<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(s => WireNames.TryParse<ServiceStatus>(s, out _))
            .WithMessage($"service_status must be one of: {string.Join(", ", WireNames.All<ServiceStatus>())}.");

    public static IRuleBuilderOptions<T, string?> ValidUpdateMessage<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("message is required.")
            .MaximumLength(StatusRules.UpdateMessageMaxLength).MultiLine();

    public static IRuleBuilderOptions<T, string?> ValidTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("title is required.")
            .MaximumLength(StatusRules.TitleMaxLength).SingleLine();
}
