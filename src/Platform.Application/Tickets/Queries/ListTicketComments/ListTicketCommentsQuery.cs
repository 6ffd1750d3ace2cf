using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;

namespace Platform.Application.Tickets.Queries.ListTicketComments;

/// <summary>Comments of a visible ticket, newest first.</summary>
public sealed record ListTicketCommentsQuery(
    Guid TicketId,
    int? Page = null,
    int PageSize = PagingDefaults.PageSize,
    string? Cursor = null) : IQuery<Page<TicketCommentDto>>, IPagedQuery;
