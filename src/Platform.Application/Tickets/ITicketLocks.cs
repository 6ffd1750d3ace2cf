using Platform.Domain.Tickets;

namespace Platform.Application.Tickets;

/// <summary>
/// Tickets read under a row lock held until the caller's transaction ends. Each returns a query of the one ticket,
/// so the visibility rule (<see cref="TicketAccess"/>) is applied on top of it in the same SQL statement.
/// </summary>
public interface ITicketLocks
{
    /// <summary>The ticket, locked for a change (FOR UPDATE): concurrent edits of one ticket run one after another.</summary>
    IQueryable<Ticket> ForUpdate(Guid id);

    /// <summary>The ticket under a shared lock (FOR SHARE): comments may run together, but not beside a status change.</summary>
    IQueryable<Ticket> ForShare(Guid id);
}
