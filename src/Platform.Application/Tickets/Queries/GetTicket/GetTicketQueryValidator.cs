using FluentValidation;

namespace Platform.Application.Tickets.Queries.GetTicket;

internal sealed class GetTicketQueryValidator : AbstractValidator<GetTicketQuery>
{
    public GetTicketQueryValidator()
    {
        RuleFor(x => x.TicketId).NotEmpty();
    }
}
