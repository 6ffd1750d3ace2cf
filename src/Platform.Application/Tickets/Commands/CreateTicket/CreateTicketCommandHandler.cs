using MapsterMapper;
using MediatR;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Messaging;
using Platform.Domain.Tickets;

namespace Platform.Application.Tickets.Commands.CreateTicket;

internal sealed class CreateTicketCommandHandler(IPlatformDbContext db, ICurrentUser currentUser, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<CreateTicketCommand, TicketDto>
{
    public async Task<TicketDto> Handle(CreateTicketCommand request, CancellationToken cancellationToken)
    {
        var priority = request.Priority is null ? TicketPriority.Normal : WireNames.Parse<TicketPriority>(request.Priority);
        var ticket = Ticket.Open(request.Subject, request.Body, priority, currentUser.Actor().UserId, timeProvider.GetUtcNowMicros());
        db.Tickets.Add(ticket);
        return mapper.Map<TicketDto>(ticket);
    }
}
