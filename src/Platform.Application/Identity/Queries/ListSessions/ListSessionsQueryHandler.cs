using MediatR;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Interfaces;
using Platform.Application.Common.Paging;
using Platform.Domain.Identity;

namespace Platform.Application.Identity.Queries.ListSessions;

internal sealed class ListSessionsQueryHandler(IPlatformDbContext db, ICurrentUser currentUser, CursorCodec cursors, TimeProvider timeProvider)
    : IRequestHandler<ListSessionsQuery, Page<SessionDto>>
{
    public async Task<Page<SessionDto>> Handle(ListSessionsQuery request, CancellationToken cancellationToken)
    {
        var userId = currentUser.UserId;
        var now = timeProvider.GetUtcNowMicros();
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.RevokedAt == null && s.IdleExpiresAt > now && s.AbsoluteExpiresAt > now)
            .ToPageAsync(request, NewestOf(userId, currentUser.SessionId), cursors, cancellationToken);
    }

    /// <summary>
    /// A user's sessions newest first. The projection stays explicit (ADR 0019): <c>IsCurrent</c> compares with the
    /// caller's session, a per-request value a Mapster map cannot take in a query EF translates, and
    /// <c>ExpiresAt</c> restates <see cref="UserSession.ExpiresAt"/>, which is not a column.
    /// </summary>
    private static KeysetList<UserSession, SessionDto> NewestOf(Guid? userId, Guid? currentSessionId) => new(
        $"sessions:{userId}",
        (q, p) => q.Where(s => s.CreatedAt < p.CreatedAt || (s.CreatedAt == p.CreatedAt && s.Id.CompareTo(p.Id) < 0)),
        q => q.OrderByDescending(s => s.CreatedAt).ThenByDescending(s => s.Id),
        q => q.Select(s => new SessionDto(
            s.Id,
            s.DeviceName,
            s.UserAgent,
            s.Ip,
            s.CreatedAt,
            s.LastUsedAt,
            s.IdleExpiresAt < s.AbsoluteExpiresAt ? s.IdleExpiresAt : s.AbsoluteExpiresAt,
            s.Id == currentSessionId)),
        dto => new KeysetPosition(dto.CreatedAt, dto.Id));
}
