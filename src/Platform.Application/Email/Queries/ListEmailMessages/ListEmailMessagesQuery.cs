using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Queries.ListEmailMessages;

/// <summary>
/// Sent and waiting email, newest first, in keyset pages. Filters: <see cref="Status"/>, <see cref="Recipient"/>
/// (an address, matched whatever its case), and a creation window [<see cref="From"/>, <see cref="To"/>). For admins.
/// </summary>
[RequiresRole(Role.Admin)]
public sealed record ListEmailMessagesQuery(
    string? Status = null,
    string? Recipient = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int PageSize = PagingDefaults.PageSize,
    string? Cursor = null) : IQuery<Page<EmailMessageDto>>;
