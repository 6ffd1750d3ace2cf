using Microsoft.EntityFrameworkCore;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;
using Platform.Domain.Tickets;

namespace Platform.Application.Tickets;

/// <summary>Ticket visibility: customers see their own tickets, staff see all. An invisible ticket is 404, never 403.</summary>
internal static class TicketAccess
{
    public static TicketActor Actor(this ICurrentUser user) =>
        new(user.UserId ?? throw new UnauthorizedException(ErrorCodes.AuthUnauthorized, "Sign in to use tickets."), Role.IsStaff(user.Roles));

    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, TicketActor actor) =>
        actor.IsStaff ? tickets : tickets.Where(t => t.RequesterId == actor.UserId);

    /// <summary>Throws 404 unless the ticket exists and the actor may see it.</summary>
    public static async Task EnsureVisibleAsync(this IPlatformDbContext db, Guid id, TicketActor actor, CancellationToken cancellationToken)
    {
        if (!await db.Tickets.VisibleTo(actor).AnyAsync(t => t.Id == id, cancellationToken))
        {
            throw NotFound();
        }
    }

    /// <summary>Loads a visible ticket for change, holding its row lock until the transaction ends.</summary>
    public static async Task<Ticket> FindVisibleForUpdateAsync(this ITicketLocks locks, Guid id, TicketActor actor, CancellationToken cancellationToken) =>
        await locks.ForUpdate(id).VisibleTo(actor).FirstOrDefaultAsync(cancellationToken)
        ?? throw NotFound();

    /// <summary>Loads a visible ticket with a shared row lock: comments may run together, but not beside a status change.</summary>
    public static async Task<Ticket> FindVisibleForShareAsync(this ITicketLocks locks, Guid id, TicketActor actor, CancellationToken cancellationToken) =>
        await locks.ForShare(id).VisibleTo(actor).FirstOrDefaultAsync(cancellationToken)
        ?? throw NotFound();

    public static NotFoundException NotFound() => new(TicketErrorCodes.NotFound, "No ticket with this id exists, or you may not see it.");
}
