using FluentValidation;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Validation;
using Platform.Domain.Tickets;

namespace Platform.Application.Tickets;

internal static class TicketValidation
{
    public static IRuleBuilderOptions<T, string?> ValidSubject<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("subject is required.")
            .Must(s => s is null || s.Trim().Length <= TicketRules.SubjectMaxLength)
            .WithMessage($"subject must be at most {TicketRules.SubjectMaxLength} characters.")
            .SingleLine();

    public static IRuleBuilderOptions<T, string?> ValidBody<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(s => !string.IsNullOrWhiteSpace(s)).WithMessage("body is required.")
            .Must(s => s is null || s.Length <= TicketRules.BodyMaxLength)
            .WithMessage($"body must be at most {TicketRules.BodyMaxLength} characters.")
            .MultiLine();

    public static IRuleBuilderOptions<T, string?> ValidPriority<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(p => WireNames.TryParse<TicketPriority>(p, out _))
            .WithMessage($"priority must be one of: {string.Join(", ", WireNames.All<TicketPriority>())}.");

    public static IRuleBuilderOptions<T, string?> ValidStatus<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(s => WireNames.TryParse<TicketStatus>(s, out _))
            .WithMessage($"status must be one of: {string.Join(", ", WireNames.All<TicketStatus>())}.");
}
