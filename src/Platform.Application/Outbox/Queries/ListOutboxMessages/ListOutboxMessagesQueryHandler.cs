using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Outbox;
using Platform.Application.Common.Paging;

namespace Platform.Application.Outbox.Queries.ListOutboxMessages;

internal sealed class ListOutboxMessagesQueryHandler(IPlatformDbContext db, CursorCodec cursors)
    : IRequestHandler<ListOutboxMessagesQuery, Page<OutboxMessageDto>>
{
    /// <summary>Newest first within one status (ix_outbox_messages_status_occurred); rows are mapped after the query.</summary>
    private static KeysetList<OutboxMessage, OutboxMessage> NewestOf(string status) => new(
        $"outbox:{status}",
        (q, p) => q.Where(m => m.OccurredAt < p.CreatedAt || (m.OccurredAt == p.CreatedAt && m.Id.CompareTo(p.Id) < 0)),
        q => q.OrderByDescending(m => m.OccurredAt).ThenByDescending(m => m.Id),
        m => m,
        m => new KeysetPosition(m.OccurredAt, m.Id));

    public async Task<Page<OutboxMessageDto>> Handle(ListOutboxMessagesQuery request, CancellationToken cancellationToken)
    {
        var list = NewestOf(request.Status);
        var page = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == request.Status)
            .ToKeysetPageAsync(
                request.PageSize,
                request.Cursor is null ? null : cursors.Decode(request.Cursor, list.CursorScope),
                list,
                cursors,
                cancellationToken);
        return page.Map(m => m.ToDto());
    }
}
