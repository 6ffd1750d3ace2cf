using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// A plain Npgsql command on the unit of work's own connection and transaction, for the fixed statements every
/// command runs (the idempotency key's lock and lookup, the transaction id before COMMIT). Through EF Core's
/// <c>SqlQuery</c> each of them was translated and its SQL generated again on every execution: about a tenth of an
/// idempotent create's allocations (docs/performance.md). Npgsql still prepares them (<c>Max Auto Prepare</c>).
/// </summary>
internal static class UnitOfWorkCommands
{
    public static NpgsqlCommand CreateCommand(this DatabaseFacade database, string sql) =>
        new(sql, (NpgsqlConnection)database.GetDbConnection())
        {
            Transaction = database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction,
        };
}
