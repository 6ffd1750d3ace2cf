using System.Data.Common;
using Npgsql;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// Npgsql settings Platform runs with unless the connection string sets them itself.
/// <list type="bullet">
/// <item><c>Max Auto Prepare=100</c>: a statement run five times on a connection is prepared there, so PostgreSQL
/// stops parsing and planning it on every request. EF Core issues a few dozen distinct statements; the hot ones
/// all fit. Npgsql's reset between pool leases then keeps prepared statements (it no longer sends
/// <c>DISCARD ALL</c> but the same reset without the deallocation: RESET ALL, CLOSE ALL, UNLISTEN *, advisory locks
/// released). Statements name their columns, so an added column does not invalidate a prepared plan.</item>
/// <item><c>No Reset On Close=true</c>: a connection goes back to the pool without that reset. Npgsql sends the reset
/// with the first statement of every lease, so PostgreSQL ran seven statements (RESET ALL, CLOSE ALL, UNLISTEN *,
/// pg_advisory_unlock_all() and the DISCARDs) before nearly every request's query: about a third of PostgreSQL's CPU
/// for an authenticated GET (docs/performance.md). Platform leaves no session state on a pooled connection: its
/// locks are transaction-scoped (<c>pg_advisory_xact_lock</c>, row locks), the migrator releases its session lock
/// itself, it sets no session parameters and creates no temporary tables or holdable cursors, and the notification
/// listener <c>UNLISTEN</c>s before it lets its connection go. Code that adds session state must undo it, or open its
/// connection with <c>No Reset On Close=false</c>.</item>
/// </list>
/// </summary>
public static class ConnectionStringDefaults
{
    public const int MaxAutoPrepare = 100;

    /// <summary>The connection string with Platform's defaults filled in where it is silent.</summary>
    public static string Apply(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }
}
