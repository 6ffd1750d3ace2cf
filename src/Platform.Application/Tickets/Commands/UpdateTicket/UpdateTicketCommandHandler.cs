using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Messaging;
using Platform.Domain.Identity;
using Platform.Domain.Tickets;

namespace Platform.Application.Tickets.Commands.UpdateTicket;

internal sealed class UpdateTicketCommandHandler(IPlatformDbContext db, ITicketLocks ticketLocks, ICurrentUser currentUser, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<UpdateTicketCommand, TicketDto>
{
    public async Task<TicketDto> Handle(UpdateTicketCommand request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        // Row lock: concurrent edits of one ticket run one after another, and If-Match is checked against the
        // version each one actually changes.
        var ticket = await ticketLocks.FindVisibleForUpdateAsync(request.TicketId, actor, cancellationToken);
        if (request.AcceptedVersions is { } accepted && !accepted.Contains(ticket.Version))
        {
            throw new PreconditionFailedException();
        }

        var now = timeProvider.GetUtcNowMicros();
        ticket.EditContent(
            actor,
            request.Subject.HasValue ? request.Subject.Value : null,
            request.Body.HasValue ? request.Body.Value : null,
            request.Priority.HasValue ? WireNames.Parse<TicketPriority>(request.Priority.Value!) : null,
            now);

        if (request.AssigneeId.HasValue && request.AssigneeId.Value != ticket.AssigneeId)
        {
            if (request.AssigneeId.Value is { } assigneeId && actor.IsStaff)
            {
                var assignee = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == assigneeId, cancellationToken);
                if (assignee is null || !Role.IsStaff(assignee.Roles))
                {
                    throw new RequestValidationException("assignee_id", "Tickets can only be assigned to an agent or an admin.");
                }
            }

            ticket.Assign(actor, request.AssigneeId.Value, now);
        }

        if (request.Status.HasValue)
        {
            ticket.ChangeStatus(actor, WireNames.Parse<TicketStatus>(request.Status.Value!), now);
        }

        // Saved by the transaction behaviour, which turns a concurrency conflict on the version into 412.
        return mapper.Map<TicketDto>(ticket);
    }
}
