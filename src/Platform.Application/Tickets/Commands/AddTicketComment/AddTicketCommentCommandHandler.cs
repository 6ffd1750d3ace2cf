using MapsterMapper;
using MediatR;
using Platform.Application.Common.Interfaces;

namespace Platform.Application.Tickets.Commands.AddTicketComment;

internal sealed class AddTicketCommentCommandHandler(IPlatformDbContext db, ITicketLocks ticketLocks, ICurrentUser currentUser, TimeProvider timeProvider, IMapper mapper)
    : IRequestHandler<AddTicketCommentCommand, TicketCommentDto>
{
    public async Task<TicketCommentDto> Handle(AddTicketCommentCommand request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor();
        var ticket = await ticketLocks.FindVisibleForShareAsync(request.TicketId, actor, cancellationToken);
        var comment = ticket.AddComment(actor, request.Body, timeProvider.GetUtcNowMicros());
        db.TicketComments.Add(comment);
        return mapper.Map<TicketCommentDto>(comment);
    }
}
