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

        return builder.ConnectionString;
    }
}
