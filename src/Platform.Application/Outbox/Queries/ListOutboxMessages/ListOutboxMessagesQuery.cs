using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Outbox.Queries.ListOutboxMessages;

/// <summary>Outbox messages with one status (pending or failed), newest first, in keyset pages. For admins.</summary>
[RequiresRole(Role.Admin)]
public sealed record ListOutboxMessagesQuery(string Status, int PageSize = PagingDefaults.PageSize, string? Cursor = null)
    : IQuery<Page<OutboxMessageDto>>;
