using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Application.Common.Interfaces;
using Platform.Domain.Tickets;

namespace Platform.Architecture.Tests.Canaries.Sql;

// Rule 10 canaries: never run, only their IL is read.

/// <summary>Breaks rule 10 four times: FromSql, SqlQuery, ExecuteSqlAsync and an Npgsql type.</summary>
internal sealed class RawSqlCanary(IPlatformDbContext db)
{
    public IQueryable<Ticket> LockedTicket(Guid id) => db.Tickets.FromSql($"SELECT * FROM tickets WHERE id = {id} FOR UPDATE");

    public IQueryable<int> Answer() => db.Database.SqlQuery<int>($"SELECT 42 AS \"Value\"");

    public async Task<int> TakeLockAsync(CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(1)", cancellationToken);

    public static string Parameter() => new NpgsqlParameter("id", 1).ParameterName;
}

/// <summary>Keeps rule 10: LINQ only, including a bulk delete.</summary>
internal sealed class LinqOnlyCanary(IPlatformDbContext db)
{
    public Task<int> CountAsync(CancellationToken cancellationToken) => db.Tickets.CountAsync(cancellationToken);

    public Task<int> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        db.TicketComments.Where(c => c.Id == id).ExecuteDeleteAsync(cancellationToken);
}
