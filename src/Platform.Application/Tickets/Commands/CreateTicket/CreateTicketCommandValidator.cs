using FluentValidation;

namespace Platform.Application.Tickets.Commands.CreateTicket;

internal sealed class CreateTicketCommandValidator : AbstractValidator<CreateTicketCommand>
{
    public CreateTicketCommandValidator()
    {
        RuleFor(x => x.Subject).ValidSubject();
        RuleFor(x => x.Body).ValidBody();
        RuleFor(x => x.Priority).ValidPriority().When(x => x.Priority is not null);
    }
}
