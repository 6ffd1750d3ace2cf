using Platform.Application.Common.Mapping;
using MapsterMapper;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Queries.ListUsers;

internal sealed class ListUsersQueryHandler(IPlatformDbContext db, CursorCodec cursors, IMapper mapper) : IRequestHandler<ListUsersQuery, Page<UserDto>>
{
    public async Task<Page<UserDto>> Handle(ListUsersQuery request, CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        var search = request.Email?.Trim();
        if (!string.IsNullOrEmpty(search))
        {
            // A literal substring match (the search's own % and _ are escaped), served by a trigram index.
            // Normalised emails are upper case (EmailAddress.Normalize), so the search is too.
            var pattern = "%" + EscapeLike(search.ToUpperInvariant()) + "%";
            users = users.Where(u => EF.Functions.Like(u.NormalizedEmail, pattern, "\\"));
        }

        return await users.ToPageAsync(request, Newest(search), cursors, cancellationToken);
    }

    private static string EscapeLike(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    private KeysetList<User, UserDto> Newest(string? search) => new(
        $"users:{search}",
        (q, p) => q.Where(u => u.CreatedAt < p.CreatedAt || (u.CreatedAt == p.CreatedAt && u.Id.CompareTo(p.Id) < 0)),
        q => q.OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id),
        q => q.ProjectToDto<UserDto>(mapper.Config),
        dto => new KeysetPosition(dto.CreatedAt, dto.Id));
}
