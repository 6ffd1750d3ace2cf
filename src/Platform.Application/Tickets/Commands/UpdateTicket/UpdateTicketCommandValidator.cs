using FluentValidation;

namespace Platform.Application.Tickets.Commands.UpdateTicket;

internal sealed class UpdateTicketCommandValidator : AbstractValidator<UpdateTicketCommand>
{
    public UpdateTicketCommandValidator()
    {
        RuleFor(x => x.Subject.Value).ValidSubject().OverridePropertyName("subject").When(x => x.Subject.HasValue);
        RuleFor(x => x.Body.Value).ValidBody().OverridePropertyName("body").When(x => x.Body.HasValue);
        RuleFor(x => x.Priority.Value).ValidPriority().OverridePropertyName("priority").When(x => x.Priority.HasValue);
        RuleFor(x => x.Status.Value).ValidStatus().OverridePropertyName("status").When(x => x.Status.HasValue);
        RuleFor(x => x.AssigneeId.Value).NotEqual(Guid.Empty).OverridePropertyName("assignee_id")
            .WithMessage("assignee_id must be a user id or null.").When(x => x.AssigneeId.HasValue);
    }
}
