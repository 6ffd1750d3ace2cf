using Microsoft.EntityFrameworkCore;
using Platform.Application.Tickets;
using Platform.Domain.Tickets;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Tickets;

/// <summary>Row-locking reads of <c>tickets</c>; the lock is taken when the query runs, in the command's transaction.</summary>
internal sealed class PostgresTicketLocks(PlatformDbContext db) : ITicketLocks
{
    public IQueryable<Ticket> ForUpdate(Guid id) => db.Tickets.FromSql($"SELECT * FROM tickets WHERE id = {id} FOR UPDATE");

    public IQueryable<Ticket> ForShare(Guid id) => db.Tickets.FromSql($"SELECT * FROM tickets WHERE id = {id} FOR SHARE");
}
