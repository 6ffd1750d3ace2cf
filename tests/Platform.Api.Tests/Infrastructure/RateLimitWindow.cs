using System.Globalization;
using Npgsql;

namespace Platform.Api.Tests.Infrastructure;

/// <summary>
/// Rate-limit windows are fixed and aligned to the epoch on the database's clock (hh:00:00 for an hour), not to when
/// a test starts, so a test that counts hits must not straddle a boundary, where its counts would reset.
/// </summary>
internal static class RateLimitWindow
{
    /// <summary>A test needs this long inside one window; closer to the boundary it waits for the next window.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(30);

    /// <summary>If the current window of <paramref name="windowSeconds"/> ends within 30 s, waits until just past its end.</summary>
    public static async Task EnsureWellInsideAsync(NpgsqlDataSource dataSource, int windowSeconds)
    {
        await using var command = dataSource.CreateCommand("SELECT $1 - (floor(extract(epoch FROM now()))::bigint % $1)");
        command.Parameters.AddWithValue((long)windowSeconds);
        var secondsLeft = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        if (secondsLeft < Margin.TotalSeconds)
        {
            await Task.Delay(TimeSpan.FromSeconds(secondsLeft + 1));
        }
    }
}
