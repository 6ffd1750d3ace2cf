using FluentValidation;

namespace Platform.Application.Operations.Commands.RecordCspViolations;

internal sealed class RecordCspViolationsCommandValidator : AbstractValidator<RecordCspViolationsCommand>
{
    public RecordCspViolationsCommandValidator() =>
        RuleFor(x => x.Violations).NotNull().Must(v => v.Count is >= 1 and <= RecordCspViolationsCommand.MaxViolations)
            .WithMessage($"A report carries 1 to {RecordCspViolationsCommand.MaxViolations} CSP violations.");
}
