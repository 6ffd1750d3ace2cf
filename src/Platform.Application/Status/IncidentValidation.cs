using FluentValidation;
using Platform.Application.Common.Validation;
using Platform.Domain.Status;

namespace Platform.Application.Status;

internal static class IncidentValidation
{
    public static IRuleBuilderOptions<T, string?> ValidIncidentStatus<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(s => StatusNames.TryParse<IncidentStatus>(s, out _))
            .WithMessage($"status must be one of: {string.Join(", ", StatusNames.IncidentStatuses)}.");

    public static IRuleBuilderOptions<T, string?> ValidServiceStatus<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(s => StatusNames.TryParse<ServiceStatus>(s, out _))
            .WithMessage($"service_status must be one of: {string.Join(", ", StatusNames.ServiceStatuses)}.");

    public static IRuleBuilderOptions<T, string?> ValidUpdateMessage<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(m => !string.IsNullOrWhiteSpace(m)).WithMessage("message is required.")
            .MaximumLength(StatusRules.UpdateMessageMaxLength).MultiLine();

    public static IRuleBuilderOptions<T, string?> ValidTitle<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("title is required.")
            .MaximumLength(StatusRules.TitleMaxLength).SingleLine();
}
