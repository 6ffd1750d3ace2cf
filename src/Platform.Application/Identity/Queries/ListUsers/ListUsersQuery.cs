using Platform.Application.Common.Messaging;
using Platform.Application.Common.Paging;
using Platform.Application.Common.Security;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Queries.ListUsers;

/// <summary>Accounts, newest first; <paramref name="Email"/> matches any part of the address, ignoring case.</summary>
[RequiresRole(Role.Admin)]
public sealed record ListUsersQuery(string? Email = null, int? Page = null, int PageSize = PagingDefaults.PageSize, string? Cursor = null)
    : IQuery<Page<UserDto>>, IPagedQuery;
