using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Platform.Application.Common.Interfaces;

public static class DbErrors
{
    /// <summary>True when saving failed because the named unique index already holds the value (a lost race).</summary>
    public static bool IsUniqueViolation(DbUpdateException exception, string indexName) =>
        exception?.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg
        && string.Equals(pg.ConstraintName, indexName, StringComparison.Ordinal);
}
