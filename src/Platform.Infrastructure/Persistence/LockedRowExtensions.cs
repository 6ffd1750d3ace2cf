using Microsoft.EntityFrameworkCore;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// The one row a <c>FromSql</c> lock statement names by its key (<c>WHERE id = ... FOR UPDATE</c>). Read as a list
/// rather than with <c>FirstOrDefault</c>: EF Core cannot see the SQL's filter, so <c>First</c> made it add a
/// <c>LIMIT</c> and log a "First without OrderBy and filter" warning each time such a query was first compiled
/// (the sign-in's was in every instance's start-up log).
/// </summary>
internal static class LockedRowExtensions
{
    public static async Task<T?> LockedRowAsync<T>(this IQueryable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var found = await rows.ToListAsync(cancellationToken);
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw new InvalidOperationException($"A lock statement by key returned {found.Count} rows of {typeof(T).Name}."),
        };
    }
}
