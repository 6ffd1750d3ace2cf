using FluentValidation;
using Platform.Application.Common.Messaging;
using Platform.Application.Common.Validation;
using Platform.Domain.Status;

namespace Platform.Application.Status.Commands.RecordStatusEvent;

internal sealed class RecordStatusEventCommandValidator : AbstractValidator<RecordStatusEventCommand>
{
    public RecordStatusEventCommandValidator()
    {
        RuleFor(x => x.Status).Must(s => WireNames.TryParse<ServiceStatus>(s, out _))
            .WithMessage($"status must be one of: {string.Join(", ", WireNames.All<ServiceStatus>())}.");
        RuleFor(x => x.Message!).MaximumLength(StatusRules.EventMessageMaxLength).MultiLine().When(x => x.Message is not null);
    }
}
