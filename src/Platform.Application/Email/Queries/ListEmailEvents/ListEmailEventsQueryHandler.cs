using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Mapping;
using Platform.Application.Common.Paging;
using Platform.Domain.Email;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Queries.ListEmailEvents;

internal sealed class ListEmailEventsQueryHandler(IPlatformDbContext db, CursorCodec cursors, IMapper mapper)
    : IRequestHandler<ListEmailEventsQuery, Page<EmailEventDto>>
{
    public async Task<Page<EmailEventDto>> Handle(ListEmailEventsQuery request, CancellationToken cancellationToken)
    {
        var query = db.EmailEvents.AsNoTracking();
        if (request.Kind is not null)
        {
            var kind = EmailEventKinds.ByName[request.Kind];
            query = query.Where(e => e.Kind == kind);
        }

        var recipient = request.Recipient is null ? null : EmailAddress.Normalize(request.Recipient);
        if (recipient is not null)
        {
            query = query.Where(e => e.Recipient == recipient);
        }

        // Newest first by arrival (ix_email_events_received); the cursor is bound to the filters.
        var list = KeysetLists.NewestFirst<EmailEvent, EmailEventDto>(
            $"email-events:{request.Kind}:{recipient}",
            e => e.ReceivedAt,
            q => q.ProjectToDto<EmailEventDto>(mapper.Config),
            e => new KeysetPosition(e.ReceivedAt, e.Id));
        return await query.ToKeysetPageAsync(request.PageSize, request.Cursor, list, cursors, cancellationToken);
    }
}
