using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Mapping;
using Platform.Application.Common.Paging;
using Platform.Domain.Email;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Queries.ListEmailMessages;

internal sealed class ListEmailMessagesQueryHandler(IPlatformDbContext db, CursorCodec cursors, IMapper mapper)
    : IRequestHandler<ListEmailMessagesQuery, Page<EmailMessageDto>>
{
    public async Task<Page<EmailMessageDto>> Handle(ListEmailMessagesQuery request, CancellationToken cancellationToken)
    {
        var query = db.EmailMessages.AsNoTracking();
        if (request.Status is not null)
        {
            var status = EmailStatuses.ByName[request.Status];
            query = query.Where(m => m.Status == status);
        }

        var recipient = request.Recipient is null ? null : EmailAddress.Normalize(request.Recipient);
        if (recipient is not null)
        {
            query = query.Where(m => m.RecipientKey == recipient);
        }

        if (request.From is { } from)
        {
            query = query.Where(m => m.CreatedAt >= from);
        }

        if (request.To is { } to)
        {
            query = query.Where(m => m.CreatedAt < to);
        }

        // Newest first: ix_email_messages_created, or ix_email_messages_recipient for one address. The cursor is bound
        // to the filters, so it cannot be replayed against another list.
        var list = KeysetLists.NewestFirst<EmailMessage, EmailMessageDto>(
            $"email-messages:{request.Status}:{recipient}:{request.From:O}:{request.To:O}",
            m => m.CreatedAt,
            q => q.ProjectToDto<EmailMessageDto>(mapper.Config),
            m => new KeysetPosition(m.CreatedAt, m.Id));
        return await query.ToKeysetPageAsync(request.PageSize, request.Cursor, list, cursors, cancellationToken);
    }
}
