using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Email.Queries.ListEmailSuppressions;

/// <summary>The suppression list, newest first, in keyset pages; <see cref="Email"/> looks up one address. For admins.</summary>
[RequiresRole(Role.Admin)]
public sealed record ListEmailSuppressionsQuery(string? Email = null, int PageSize = PagingDefaults.PageSize, string? Cursor = null)
    : IQuery<Page<EmailSuppressionDto>>;
